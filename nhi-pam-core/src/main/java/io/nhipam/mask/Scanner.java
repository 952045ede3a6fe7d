package io.nhipam.mask;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The single pass over a text. A 128-entry table classifies each ASCII character; only the few
 * classes that can start a match (digits, letters at a word start, {@code @}, {@code +}, {@code
 * (}, {@code -}, {@code =}, {@code :}) reach a detector, which confirms with its validator. A
 * word goes to the letter detectors only if its first two characters can begin a known prefix
 * ({@link WordStarts}); any other word is skipped whole. Runs
 * of encoding characters are tracked on the way and decoded when they end. Loaded gitleaks rules
 * run afterwards, only when their keywords occur. Immutable and thread-safe.
 */
final class Scanner {
  private static final int NONE = 0;
  private static final int DIGIT = 1;
  private static final int LETTER = 2;
  private static final int AT = 3;
  private static final int PLUS = 4;
  private static final int PAREN = 5;
  private static final int DASH = 6;
  private static final int ASSIGN = 7;
  private static final int RUN = 16;
  private static final int ALNUM = 32;
  private static final byte[] TABLE = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      int cls = NONE;
      if (Chars.isAsciiDigit(c)) {
        cls = DIGIT;
      } else if (Chars.isAsciiLetter(c)) {
        cls = LETTER;
      } else if (c == '@') {
        cls = AT;
      } else if (c == '+') {
        cls = PLUS;
      } else if (c == '(') {
        cls = PAREN;
      } else if (c == '-') {
        cls = DASH;
      } else if (c == '=' || c == ':') {
        cls = ASSIGN;
      }
      TABLE[c] = (byte) (cls | (EncodedDetector.isRunChar(c) ? RUN : 0)
          | (Chars.isAsciiAlnum(c) ? ALNUM : 0));
    }
  }

  /** Longest span any built-in detector can match, plus the context it looks at around it. */
  static final int MAX_MATCH =
      Math.max(
          Math.max(TokenDetector.MAX_LENGTH, PemDetector.MAX_LENGTH),
          EncodedDetector.MAX_RUN);

  /**
   * How far ahead a detector that finds nothing may read past a {@linkplain #isSync sync
   * character}: the separated numbers (cards with zero-width characters, IBANs, phones, IP
   * addresses, SSNs), a PEM header, and the few characters between an assignment's operator and
   * its value; every longer read (a token or encoded body, an e-mail domain, an assigned value, a
   * word) stops at the first sync character. A detector added later must keep to this or raise it.
   */
  static final int REACH_AHEAD =
      Math.max(Math.max(CardDetector.MAX_LENGTH, PhoneDetector.MAX_LENGTH),
          Math.max(IpDetector.MAX_LENGTH, IbanDetector.MAX_LENGTH)) + 48;
  /**
   * How far behind its position a detector may read past a sync character: an assignment's name
   * with the quotes and spaces before its operator, a word boundary, the dot before an IPv4.
   */
  static final int REACH_BEHIND = AssignmentDetector.MAX_NAME + 64;

  /**
   * Whether a detector that starts at {@code s[i]} may read past a sync character ahead (as far
   * as {@link #REACH_AHEAD}): a digit of any script (cards, phones, SSNs, IP addresses, and the
   * number an assignment's value may begin with), {@code +} and {@code (} (phones), {@code -} (a
   * PEM header), {@code :} and {@code =} (an assignment), two upper-case letters (an IBAN's
   * country code); any other character beyond ASCII, to be safe. Every read that starts elsewhere
   * (a token, an e-mail address, an IPv6 address, an encoded run) stops at the first sync
   * character.
   */
  static boolean readsAheadPastSync(CharSequence s, int i) {
    char c = s.charAt(i);
    if (c >= 128) {
      return true;
    }
    int cls = TABLE[c] & 15;
    if (cls == LETTER) {
      return Chars.isAsciiUpper(c) && i + 1 < s.length() && Chars.isAsciiUpper(s.charAt(i + 1));
    }
    return cls != NONE;
  }

  /**
   * Whether a detector that starts at {@code c} may read behind past a sync character (as far as
   * {@link #REACH_BEHIND}): an assignment's operator, {@code =} or {@code :}, reads back over
   * quotes and spaces to its name. Every other read behind stops at the first sync character (an
   * e-mail's local part) or reads one character (a word boundary, the dot before an IPv4 address).
   */
  static boolean readsBehindPastSync(char c) {
    return c == '=' || c == ':';
  }

  /** Sync characters: whitespace and the JSON and list punctuation that no detector reads through. */
  private static final boolean[] SYNC = new boolean[128];

  static {
    for (char c : " \t\n\r\",;{}[]<>|".toCharArray()) {
      SYNC[c] = true;
    }
  }

  private final boolean[] enabled;
  private final int decodeDepth;
  private final @Nullable GitleaksRules gitleaks;
  private final boolean skipShortNumbers;

  Scanner(Set<String> enabledIds, int decodeDepth, @Nullable GitleaksRules gitleaks) {
    this(enabledIds, decodeDepth, gitleaks, true);
  }

  /**
   * A scanner; {@code skipShortNumbers} false makes every digit run go through every digit
   * detector at every run start, the reference {@link #digitAt}'s shortcuts (short runs skipped,
   * detectors gated by the run's length and the character after it) are tested against.
   */
  Scanner(Set<String> enabledIds, int decodeDepth, @Nullable GitleaksRules gitleaks, boolean skipShortNumbers) {
    this.skipShortNumbers = skipShortNumbers;
    this.enabled = new boolean[DetectorIds.BUILT_IN.size()];
    for (int k = 0; k < enabled.length; k++) {
      enabled[k] = enabledIds.contains(DetectorIds.BUILT_IN.get(k));
    }
    this.decodeDepth = decodeDepth;
    this.gitleaks = gitleaks;
  }

  int decodeDepth() {
    return decodeDepth;
  }

  private boolean on(int index) {
    return enabled[index];
  }

  /** Scans {@code s} from {@code from} (what lies before is context only) at the configured depth. */
  void scan(CharSequence s, int from, Set<String> revealed, Findings out) {
    scan(s, from, decodeDepth, revealed, out);
    if (gitleaks != null) {
      Findings extra = new Findings();
      gitleaks.scan(s, from, extra);
      out.mergeFrom(extra);
    }
  }

  /** The built-in pass; {@code depth} levels of encoding are still decoded. */
  void scan(CharSequence s, int from, int depth, Set<String> revealed, Findings out) {
    scan(s, from, Integer.MAX_VALUE, depth, revealed, out);
  }

  /**
   * The built-in pass at the configured depth, from {@code from} (the character before it, if
   * any, must be a {@linkplain #isSync sync character}) until the first sync character the scan
   * steps on at or after {@code stopAt}. Returns the offset just past that character, or the
   * length of the text. What it adds to {@code out} is exactly what a scan of the whole text adds
   * between those two offsets, provided the whole scan steps on the sync character before {@code
   * from} (see {@link Masker}'s windowed re-scan for when that holds).
   */
  int scanWindow(CharSequence s, int from, int stopAt, Set<String> revealed, Findings out) {
    return scan(s, from, stopAt, decodeDepth, revealed, out);
  }

  /** Whether loaded gitleaks rules run after the built-in pass. */
  boolean hasGitleaks() {
    return gitleaks != null;
  }

  /**
   * Whether {@code c} is a sync character: one the scan always steps on unless it lies inside a
   * match (it is not a letter, digit or run character, so no skip passes over it), that ends every
   * run, and that stops every detector which reads further than {@link #REACH_AHEAD} characters
   * ahead or {@link #REACH_BEHIND} behind (token bodies, e-mail parts, assigned values, encoded
   * runs, words and digit runs). Where the scan steps on one, what comes after depends only on
   * the text from that character on, and on the text at most {@link #REACH_BEHIND} before.
   */
  static boolean isSync(char c) {
    return c < 128 && SYNC[c];
  }

  /** The built-in pass; stops past the first sync character stepped on at or after {@code stopAt}. */
  private int scan(CharSequence s, int from, int stopAt, int depth, Set<String> revealed, Findings out) {
    int n = s.length();
    int i = from;
    int minStart = from;
    int runStart = -1;
    if (from > 0 && from < n && isRun(s.charAt(from - 1)) && isRun(s.charAt(from))) {
      runStart = from;
      while (runStart > 0 && isRun(s.charAt(runStart - 1))) {
        runStart--;
      }
    }
    while (i < n) {
      char c = s.charAt(i);
      int f = c < 128 ? TABLE[c] : (Chars.digit(c) >= 0 ? DIGIT : NONE);
      if ((f & RUN) != 0) {
        if (runStart < 0) {
          runStart = i;
        }
      } else if (runStart >= 0) {
        if (depth > 0 && i - runStart >= EncodedDetector.MIN_RUN) {
          minStart = encodedRun(s, runStart, i, depth, minStart, revealed, out);
        }
        runStart = -1;
      }
      int cls = f & 15;
      if (cls == NONE) {
        if (i >= stopAt && c < 128 && SYNC[c]) {
          return i + 1;
        }
        i++;
        continue;
      }
      if (cls == LETTER && !(WordStarts.pairListed(s, i, c) && WordStarts.mayStart(s, i, c) && Chars.atBoundary(s, i))) {
        // A word that starts no known prefix, or a letter inside a word: skip the rest of the
        // word. Its ASCII letters and digits are all encoding characters (the run goes on) and
        // none is at a word start, so no detector can start inside it.
        i++;
        char w;
        while (i < n && (w = s.charAt(i)) < 128 && (TABLE[w] & ALNUM) != 0) {
          i++;
        }
        // The space after it, the commonest character of prose: what the loop would do with it
        // (end a run too short to decode, step on) without going round once more.
        if (i < stopAt && i < n && s.charAt(i) == ' '
            && (runStart < 0 || i - runStart < EncodedDetector.MIN_RUN)) {
          runStart = -1;
          i++;
        }
        continue;
      }
      long hit = detectAt(s, i, cls, minStart);
      if (hit == 0) {
        i++;
        continue;
      }
      int end = (int) hit;
      if (hit < 0) { // skip a run that cannot hold a match
        i = -end;
        continue;
      }
      int start = i + (int) ((hit >>> 40) & 0xFF) - 128;
      String id = DetectorIds.BUILT_IN.get((int) ((hit >>> 32) & 0xFF));
      out.add(start, end, id, false);
      minStart = end;
      i = end;
      runStart = -1;
    }
    if (runStart >= 0 && depth > 0 && n - runStart >= EncodedDetector.MIN_RUN) {
      encodedRun(s, runStart, n, depth, minStart, revealed, out);
    }
    return n;
  }

  private int encodedRun(
      CharSequence s, int runStart, int runEnd, int depth, int minStart, Set<String> revealed,
      Findings out) {
    int start = EncodedDetector.dataStart(s, runStart, runEnd);
    if (start < minStart) {
      return minStart;
    }
    String id = EncodedDetector.hiddenValue(this, s, start, runEnd, depth, revealed);
    if (id == null) {
      return minStart;
    }
    out.add(start, runEnd, id, true);
    return runEnd;
  }

  private static boolean isRun(char c) {
    return c < 128 && (TABLE[c] & RUN) != 0;
  }

  /**
   * Packs a hit found while at position {@code at}: the start as an offset from {@code at} (an
   * e-mail starts up to 64 characters before its '@', an assigned value a few after the '=') in
   * bits 40-47, the detector index in bits 32-39, the end in the low 32 bits.
   */
  private static long hit(int at, int start, int detector, int end) {
    return ((long) (start - at + 128) << 40) | ((long) detector << 32) | end;
  }

  private static final int CARD = 0;
  private static final int IBAN = 1;
  private static final int SSN = 2;
  private static final int EMAIL = 3;
  private static final int PHONE = 4;
  private static final int IP = 5;
  private static final int AWS_ACCESS_KEY = 6;
  private static final int AWS_SECRET_KEY = 7;
  private static final int GITHUB_TOKEN = 8;
  private static final int SLACK_TOKEN = 9;
  private static final int STRIPE_KEY = 10;
  private static final int GOOGLE_API_KEY = 11;
  private static final int OPENAI_KEY = 12;
  private static final int ANTHROPIC_KEY = 13;
  private static final int PRIVATE_KEY = 14;
  private static final int JWT = 15;
  private static final int PASETO = 16;
  private static final int NHIPAM_SECRET = 17;
  private static final int GENERIC_SECRET = 18;

  /**
   * Tries the detectors a character class can start. Returns 0 for nothing, a packed {@link
   * #hit}, or the negated offset to continue from when a run cannot hold any match.
   */
  private long detectAt(CharSequence s, int i, int cls, int minStart) {
    char c = s.charAt(i);
    switch (cls) {
      case DIGIT:
        return Chars.atBoundary(s, i) ? digitAt(s, i) : 0;
      case LETTER:
        return letterAt(s, i, c); // the scan loop checked the word start and the prefix
      case AT:
        if (on(EMAIL)) {
          int start = EmailDetector.localStart(s, i, minStart);
          int end = start < 0 ? -1 : EmailDetector.domainEnd(s, i);
          if (end > 0) {
            return hit(i, start, EMAIL, end);
          }
        }
        return 0;
      case PLUS:
        if (on(PHONE) && Chars.atBoundary(s, i)) {
          int end = PhoneDetector.matchInternational(s, i);
          return end > 0 ? hit(i, i, PHONE, end) : 0;
        }
        return 0;
      case PAREN:
        if (on(PHONE)) {
          int end = PhoneDetector.matchNational(s, i);
          return end > 0 ? hit(i, i, PHONE, end) : 0;
        }
        return 0;
      case DASH:
        if (on(PRIVATE_KEY) && i + 10 < s.length() && s.charAt(i + 1) == '-') {
          int end = PemDetector.match(s, i);
          return end > 0 ? hit(i, i, PRIVATE_KEY, end) : 0;
        }
        return 0;
      case ASSIGN:
        return assignmentAt(s, i);
      default:
        return 0;
    }
  }

  private long digitAt(CharSequence s, int i) {
    if (!skipShortNumbers) {
      return digitAtThoroughly(s, i);
    }
    int n = s.length();
    int k = i;
    while (k < n && Chars.isAsciiDigit(s.charAt(k))) {
      k++;
    }
    int run = k - i;
    char next = k < n ? s.charAt(k) : 0;
    if (run > 0 && run < CardDetector.MIN_DIGITS && (k == n || endsEveryNumber(next))) {
      // An id, a quantity, a year: too short for a card, and nothing follows that a separated
      // number (an SSN, a phone, an IP address) would read on. Skip the run; no digit inside it
      // is at a word start.
      return -(long) k;
    }
    long found = cardAt(s, i);
    if (found != 0 || run == 0) {
      return found; // a digit of another script: only a card reads those
    }
    // What the run's length and the character after it allow (each detector's own first test,
    // made once here): an SSN and a national phone start with three digits and a separator, an
    // IPv4 address with at most three and a dot, an IPv6 address with at most four hex digits
    // before a colon (so a colon or a hex letter follows the digits).
    if (run == 3 && (next == '-' || next == ' ' || next == '.')) {
      if (next != '.' && (found = ssnAt(s, i)) != 0) {
        return found;
      }
      if ((found = phoneAt(s, i)) != 0) {
        return found;
      }
    }
    if (run <= 4 && (found = ipAt(s, i, run <= 3 && next == '.', next == ':' || Chars.isHex(next))) != 0) {
      return found;
    }
    // Nothing starts here, and no digit inside the run is at a word start: skip the run.
    return -(long) k;
  }

  /** {@link #digitAt} without its shortcuts: every detector tried; the reference they are tested against. */
  private long digitAtThoroughly(CharSequence s, int i) {
    long found = cardAt(s, i);
    if (found != 0 || !Chars.isAsciiDigit(s.charAt(i))) {
      return found;
    }
    if ((found = ssnAt(s, i)) != 0 || (found = phoneAt(s, i)) != 0) {
      return found;
    }
    return ipAt(s, i, true, true);
  }

  /** A card at {@code i}: a packed hit, the negated end of a digit run too long for any card, or 0. */
  private long cardAt(CharSequence s, int i) {
    if (!on(CARD)) {
      return 0;
    }
    int end = CardDetector.match(s, i);
    if (end > 0) {
      return hit(i, i, CARD, end);
    }
    return end == CardDetector.SKIP_RUN ? -(long) pastDigits(s, i) : 0;
  }

  private long ssnAt(CharSequence s, int i) {
    int end = on(SSN) ? SsnDetector.match(s, i) : -1;
    return end > 0 ? hit(i, i, SSN, end) : 0;
  }

  private long phoneAt(CharSequence s, int i) {
    int end = on(PHONE) ? PhoneDetector.matchNational(s, i) : -1;
    return end > 0 ? hit(i, i, PHONE, end) : 0;
  }

  /** An IP address at {@code i}: IPv4 if {@code v4} allows it, else IPv6 if {@code v6} and a colon comes soon. */
  private long ipAt(CharSequence s, int i, boolean v4, boolean v6) {
    if (!on(IP)) {
      return 0;
    }
    int end = v4 ? IpDetector.matchV4(s, i) : -1;
    if (end < 0 && v6 && WordStarts.colonSoon(s, i)) {
      end = IpDetector.matchV6(s, i);
    }
    return end > 0 ? hit(i, i, IP, end) : 0;
  }

  /** Offset past the run of digits (of any script) that starts at {@code i}. */
  private static int pastDigits(CharSequence s, int i) {
    int past = i;
    while (past < s.length() && Chars.digit(s.charAt(past)) >= 0) {
      past++;
    }
    return past;
  }

  /**
   * Whether {@code c}, right after a run of ASCII digits, ends every number a detector matches:
   * it is ASCII and none of the separators, brackets or hex letters that cards, SSNs, phones and
   * IP addresses continue with.
   */
  private static boolean endsEveryNumber(char c) {
    return c < 128 && !NUMBER_GOES_ON[c];
  }

  private static final boolean[] NUMBER_GOES_ON = new boolean[128];

  static {
    for (char c : " -.:/()+,_abcdefABCDEF".toCharArray()) {
      NUMBER_GOES_ON[c] = true;
    }
  }

  private boolean startsSpecificMatch(CharSequence s, int start) {
    char c = s.charAt(start);
    if (c >= 128) {
      return false;
    }
    int cls = TABLE[c] & 15;
    if (cls == DIGIT) {
      return digitAt(s, start) > 0;
    }
    if (cls == LETTER) {
      return WordStarts.mayStart(s, start, c) && letterAt(s, start, c) > 0;
    }
    if (cls == DASH) {
      return on(PRIVATE_KEY) && PemDetector.match(s, start) > 0;
    }
    return false;
  }

  private long letterAt(CharSequence s, int i, char c) {
    int end;
    switch (c) {
      case 'A':
        if (on(AWS_ACCESS_KEY) && (end = TokenDetector.awsAccessKey(s, i)) > 0) {
          return hit(i, i, AWS_ACCESS_KEY, end);
        }
        if (on(GOOGLE_API_KEY) && (end = TokenDetector.googleApiKey(s, i)) > 0) {
          return hit(i, i, GOOGLE_API_KEY, end);
        }
        break;
      case 'g':
        if (on(GITHUB_TOKEN) && (end = TokenDetector.githubToken(s, i)) > 0) {
          return hit(i, i, GITHUB_TOKEN, end);
        }
        break;
      case 'x':
        if (on(SLACK_TOKEN) && (end = TokenDetector.slackToken(s, i)) > 0) {
          return hit(i, i, SLACK_TOKEN, end);
        }
        break;
      case 's':
        if (on(STRIPE_KEY) && (end = TokenDetector.stripeKey(s, i)) > 0) {
          return hit(i, i, STRIPE_KEY, end);
        }
        if (on(ANTHROPIC_KEY) && (end = TokenDetector.anthropicKey(s, i)) > 0) {
          return hit(i, i, ANTHROPIC_KEY, end);
        }
        if (on(OPENAI_KEY) && (end = TokenDetector.openAiKey(s, i)) > 0) {
          return hit(i, i, OPENAI_KEY, end);
        }
        break;
      case 'r':
        if (on(STRIPE_KEY) && (end = TokenDetector.stripeKey(s, i)) > 0) {
          return hit(i, i, STRIPE_KEY, end);
        }
        break;
      case 'e':
        if (on(JWT) && (end = TokenDetector.jwt(s, i)) > 0) {
          return hit(i, i, JWT, end);
        }
        break;
      case 'v':
      case 'k':
        if (on(PASETO) && (end = TokenDetector.paseto(s, i)) > 0) {
          return hit(i, i, PASETO, end);
        }
        break;
      case 'n':
        if (on(NHIPAM_SECRET) && (end = TokenDetector.nhipamSecret(s, i)) > 0) {
          return hit(i, i, NHIPAM_SECRET, end);
        }
        break;
      default:
        break;
    }
    if (Chars.isAsciiUpper(c) && on(IBAN) && (end = IbanDetector.match(s, i)) > 0) {
      return hit(i, i, IBAN, end);
    }
    if (Chars.isHex(c) && on(IP) && WordStarts.colonSoon(s, i) && (end = IpDetector.matchV6(s, i)) > 0) {
      return hit(i, i, IP, end);
    }
    return 0;
  }

  private long assignmentAt(CharSequence s, int i) {
    if (!on(GENERIC_SECRET) && !on(AWS_SECRET_KEY)) {
      return 0;
    }
    if (i + 1 < s.length() && (s.charAt(i + 1) == '=' || s.charAt(i + 1) == ':')) {
      return 0; // "==" and "::" are comparisons and scopes; the next character is the operator
    }
    int nameClass = AssignmentDetector.classifyName(s, i);
    if (nameClass == AssignmentDetector.NONE) {
      return 0;
    }
    int detector = nameClass == AssignmentDetector.AWS_SECRET ? AWS_SECRET_KEY : GENERIC_SECRET;
    if (!on(detector)) {
      return 0;
    }
    int start = AssignmentDetector.valueStart(s, i);
    if (start < s.length() && startsSpecificMatch(s, start)) {
      return 0; // a detector that knows the format will take it when the scan gets there
    }
    int end = AssignmentDetector.valueEnd(s, start, nameClass);
    if (end < 0 && detector == AWS_SECRET_KEY && on(GENERIC_SECRET)) {
      detector = GENERIC_SECRET;
      end = AssignmentDetector.valueEnd(s, start, AssignmentDetector.GENERIC);
    }
    return end > 0 ? hit(i, start, detector, end) : 0;
  }
}
