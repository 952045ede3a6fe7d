package io.nhipam.mask;

import io.nhipam.secret.SecretFormat;

/**
 * The precise pre-filter for words: whether the first characters of a word can begin anything a
 * letter-started detector matches. A 128 × 128 table of the first two characters, built once
 * from the detectors' prefixes, answers with a single lookup for almost every word of prose, so
 * such a word costs one load and the scanner skips it whole; the few listed pairs check a third
 * character (a token prefix), two check digits (an IBAN) or a colon (an IPv6 address). The table is a superset of what the detectors accept
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
  /** For a {@link #TOKEN} pair, the characters that may come third. */
  private static final String[] THIRDS = new String[128 * 128];

  static {
    token("AK", "I"); // AKIA (AWS access key id)
    token("AS", "I"); // ASIA
    token("AB", "I"); // ABIA
    token("AC", "C"); // ACCA
    token("A3", "T"); // A3T?
    token("AI", "z"); // AIza (Google)
    token("gh", "pousr"); // gh[pousr]_ (GitHub)
    token("gi", "t"); // github_pat_
    token("xo", "x"); // xox?- (Slack)
    token("xa", "p"); // xapp-
    token("sk", "_-"); // sk_live_ (Stripe), sk-ant- (Anthropic), sk-, sk-proj- (OpenAI)
    token("rk", "_"); // rk_live_ (Stripe)
    token("ey", "J"); // eyJ (JWT)
    for (char d = '1'; d <= '4'; d++) {
      token("v" + d, "."); // v1. .. v4. (PASETO)
      token("k" + d, "."); // k1. .. k4. (PASERK)
    }
    token(SecretFormat.PREFIX.substring(0, 2), SecretFormat.PREFIX.substring(2, 3)); // nhipam_
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

  private static void token(String pair, String thirds) {
    int index = pair.charAt(0) << 7 | pair.charAt(1);
    PAIRS[index] |= TOKEN;
    THIRDS[index] = thirds;
  }

  /**
   * Whether the pair of the ASCII letter {@code c} at {@code i} and the character after it is
   * listed: the first test of {@link #mayStart}, which rejects almost every word of prose. Kept
   * this small so that the scan loop always inlines it, whatever the compiler decides about
   * {@code mayStart} itself.
   */
  static boolean pairListed(CharSequence s, int i, char c) {
    char c2;
    return i + 1 < s.length() && (c2 = s.charAt(i + 1)) < 128 && PAIRS[c << 7 | c2] != 0;
  }

  /**
   * Whether the ASCII letter {@code c} at {@code i} (a word start) may begin a match of a
   * letter-started detector: a listed pair, then the third character of a token prefix, two
   * check digits for an IBAN country code, or a colon within five characters for a hex word.
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
    int index = c << 7 | c2;
    int p = PAIRS[index];
    if (p == 0) {
      return false;
    }
    if ((p & TOKEN) != 0 && i + 2 < n && THIRDS[index].indexOf(s.charAt(i + 2)) >= 0) {
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
