package io.nhipam.mask;

import io.nhipam.secret.SecretFormat;

/**
 * The precise pre-filter for words: whether the first two characters of a word can begin
 * anything a letter-started detector matches. A 128 × 128 table, built once from the detectors'
 * prefixes, answers with a single lookup, so a word of prose that starts no prefix costs one
 * load and the scanner skips it whole. The table is a superset of what the detectors accept
 * (they still validate), never a subset: a pair that is not in it cannot start a match.
 */
final class WordStarts {
  /** A fixed token prefix (AKIA, AIza, ghp_, xox, sk_, eyJ, v4., nhipam_, ...) may start here. */
  private static final byte TOKEN = 1;
  /** A country code with a registered IBAN length; the check digits are looked at next. */
  private static final byte IBAN = 2;
  /** Two hex digits or a hex digit and ':' (an IPv6 address); a ':' must follow soon. */
  private static final byte IPV6 = 4;

  private static final byte[] PAIRS = new byte[128 * 128];

  static {
    token('A', "KSBC3I"); // AKIA ASIA ABIA ACCA A3T? (AWS key ids), AIza (Google)
    token('g', "hi"); // gh[pousr]_, github_pat_
    token('x', "oa"); // xox?-, xapp-
    token('s', "k"); // sk_live_ (Stripe), sk-ant- (Anthropic), sk-, sk-proj- (OpenAI)
    token('r', "k"); // rk_live_ (Stripe)
    token('e', "y"); // eyJ (JWT)
    token('v', "1234"); // v1. .. v4. (PASETO)
    token('k', "1234"); // k1. .. k4. (PASERK)
    token(SecretFormat.PREFIX.charAt(0), SecretFormat.PREFIX.substring(1, 2)); // nhipam_
    for (char a = 'A'; a <= 'Z'; a++) {
      for (char b = 'A'; b <= 'Z'; b++) {
        if (IbanDetector.lengthFor(a, b) > 0) {
          PAIRS[a << 7 | b] |= IBAN;
        }
      }
    }
    for (char a = 0; a < 128; a++) {
      if (Chars.isHex(a) && !Chars.isAsciiDigit(a)) {
        for (char b = 0; b < 128; b++) {
          if (Chars.isHex(b) || b == ':') {
            PAIRS[a << 7 | b] |= IPV6;
          }
        }
      }
    }
  }

  private WordStarts() {}

  private static void token(char first, String seconds) {
    for (int k = 0; k < seconds.length(); k++) {
      PAIRS[first << 7 | seconds.charAt(k)] |= TOKEN;
    }
  }

  /**
   * Whether the ASCII letter {@code c} at {@code i} (a word start) may begin a match of a
   * letter-started detector: a listed pair, then two check digits for an IBAN country code or a
   * colon within five characters for a hex word.
   */
  static boolean mayStart(CharSequence s, int i, char c) {
    int n = s.length();
    if (i + 1 >= n) {
      return false;
    }
    char c2 = s.charAt(i + 1);
    if (c2 >= 128) {
      return false;
    }
    int p = PAIRS[c << 7 | c2];
    if (p == 0) {
      return false;
    }
    if ((p & TOKEN) != 0) {
      return true;
    }
    if ((p & IBAN) != 0 && i + 3 < n && Chars.isAsciiDigit(s.charAt(i + 2))
        && Chars.isAsciiDigit(s.charAt(i + 3))) {
      return true;
    }
    return (p & IPV6) != 0 && colonSoon(s, i);
  }

  /** Whether a ':' follows within the next four characters, with only hex digits before it. */
  static boolean colonSoon(CharSequence s, int i) {
    int limit = Math.min(s.length(), i + 5);
    for (int k = i + 1; k < limit; k++) {
      char c = s.charAt(k);
      if (c == ':') {
        return true;
      }
      if (!Chars.isHex(c)) {
        return false;
      }
    }
    return false;
  }
}
