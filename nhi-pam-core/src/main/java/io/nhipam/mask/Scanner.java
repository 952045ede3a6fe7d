package io.nhipam.mask;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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

  Scanner(Set<String> enabledIds, int decodeDepth, @Nullable GitleaksRules gitleaks) {
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

  /**
   * The built-in pass; stops past the first sync character stepped on at or after {@code stopAt}.
   * A whole {@code String} (not a window, whose copy would cost more than the window's scan) of
   * at least {@link #LATIN1_MIN} characters that {@linkplain #looksQuiet looks like prose} is
   * scanned over its ISO-8859-1 bytes ({@link #scanLatin1}); anything else character by
   * character ({@link #scanChars}). Both add the same.
   */
  private int scan(CharSequence s, int from, int stopAt, int depth, Set<String> revealed, Findings out) {
    if (from == 0 && stopAt == Integer.MAX_VALUE && s instanceof String && s.length() >= LATIN1_MIN
        && looksQuiet((String) s) && scanOverBytes((String) s, depth, revealed, out)) {
      return s.length();
    }
    return scanChars(s, from, stopAt, depth, revealed, out);
  }

  /**
   * The built-in pass over the whole of {@code s} by {@link #scanLatin1}, when its ISO-8859-1
   * encoding has one byte per character (false, and nothing added, when not: a surrogate pair
   * becomes one byte).
   */
  boolean scanOverBytes(String s, int depth, Set<String> revealed, Findings out) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    if (b.length != s.length()) {
      return false;
    }
    scanLatin1(s, b, depth, revealed, out);
    return true;
  }

  /** How many of its first characters say whether a text is worth scanning over its bytes. */
  private static final int SAMPLE = 64;

  /**
   * Whether the start of {@code s} is mostly letters, spaces, commas and full stops, as prose is:
   * then quiet blocks are likely and {@link #scanLatin1} pays off. For other text (JSON, logs)
   * the copy and the blocks looked at cost more than they save. A guess only: either way the
   * scan finds the same.
   */
  private static boolean looksQuiet(String s) {
    int n = Math.min(s.length(), SAMPLE);
    int plain = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Chars.isAsciiLetter(c) || c == ' ' || c == ',' || c == '.') {
        plain++;
      }
    }
    return plain * 8 >= n * 7;
  }

  /** Shortest {@code String} scanned over its bytes: below it, the copy costs more than it saves. */
  static final int LATIN1_MIN = 24;

  /** Reads eight bytes of a {@code byte[]} as one {@code long}, the first in the lowest byte. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long HIGH_BITS = 0x8080808080808080L;

  /**
   * {@link #scanChars} from offset 0, with {@code b} the ISO-8859-1 encoding of {@code s}, one
   * byte per character: every character up to U+00FF is its own byte, any other is {@code '?'}.
   * Eight bytes at a time, a block in which {@link #scanChars} would call nothing ({@link
   * #quietBlock}) is passed with only the start of the current run carried; from any other block
   * on, the character loop ({@link #stepChars}) steps through a stretch of characters, which
   * doubles (up to {@link #MAX_STRETCH}) with each such block and halves (down to 8) with each
   * quiet one. Adds the same findings in the same order as {@link #scanChars}.
   */
  private int scanLatin1(String s, byte[] b, int depth, Set<String> revealed, Findings out) {
    int n = b.length;
    int i = 0;
    int[] state = {0, -1}; // minStart and runStart, as stepChars leaves them
    int stretch = 8; // steps after a block that is not quiet: doubled after each, halved after quiet ones
    while (i < n) {
      int limit = n;
      if (i + 9 <= n) {
        long quiet = quietBlock(s, b, i, state[RUN_START], depth);
        if (quiet != NOT_QUIET) {
          state[RUN_START] = (int) quiet;
          i += 8;
          stretch = Math.max(8, stretch >> 1);
          continue;
        }
        limit = stretch == MAX_STRETCH ? n : i + stretch;
        stretch = Math.min(2 * stretch, MAX_STRETCH);
      }
      i = stepChars(s, i, state[MIN_START], state[RUN_START], limit, Integer.MAX_VALUE, depth, revealed,
          out, state);
    }
    if (state[RUN_START] >= 0 && depth > 0 && n - state[RUN_START] >= EncodedDetector.MIN_RUN) {
      encodedRun(s, state[RUN_START], n, depth, state[MIN_START], revealed, out);
    }
    return n;
  }

  /** Slots of the state {@link #stepChars} takes and leaves. */
  private static final int MIN_START = 0;
  private static final int RUN_START = 1;

  /**
   * Longest stretch {@link #scanLatin1} steps through before it looks for a quiet block again:
   * in text with few of them (JSON, say), looking often would cost more than it saves.
   */
  private static final int MAX_STRETCH = 256;

  /** What {@link #quietBlock} returns for a block that must be stepped through. */
  private static final long NOT_QUIET = Long.MIN_VALUE;

  private static final long ONES = 0x0101010101010101L;

  /** Per byte of {@code x} (each below 0x80), the high bit set where the byte is at least {@code v}. */
  private static long atLeast(long x, int v) {
    return x + (0x80 - v) * ONES;
  }

  /** Per byte of {@code x} (each below 0x80), the high bit set where the byte is {@code v}. */
  private static long equal(long x, int v) {
    return ~((x ^ (v * ONES)) + 0x7F * ONES);
  }

  /**
   * Whether {@link #scanChars}, at offset {@code p} with the run begun at {@code runStart} (or
   * none, -1), would call nothing in the eight characters from {@code p} (with {@code p + 8 <
   * b.length}) and only carry the run on: then the start of the run after them (-1 for none),
   * else {@link #NOT_QUIET}. Quiet means: only ASCII letters, digits, spaces, commas and full
   * stops, the next character ASCII too; no digit at a word start; no letter at a word start
   * that {@link WordStarts#mayStart} lets through; and no run of at least {@link
   * EncodedDetector#MIN_RUN} characters ending. Any other block is stepped through. In a quiet
   * block, every character is a no-op for the scan wherever it steps (the inside of a word or
   * number, or a character of class {@code NONE}) but for the run it carries on or ends.
   */
  static long quietBlock(String s, byte[] b, int p, int runStart, int depth) {
    long x = (long) LONGS.get(b, p);
    long next = (long) LONGS.get(b, p + 1); // the second character of each pair
    if (((x | next) & HIGH_BITS) != 0) {
      return NOT_QUIET;
    }
    long digit = atLeast(x, '0') & ~atLeast(x, ':');
    long folded = x | 0x2020202020202020L;
    long alnum = (digit | (atLeast(folded, 'a') & ~atLeast(folded, '{'))) & HIGH_BITS;
    long dot = equal(x, '.') & HIGH_BITS;
    if (((alnum | dot | equal(x, ' ') | equal(x, ',')) & HIGH_BITS) != HIGH_BITS) {
      return NOT_QUIET;
    }
    long before = alnum << 8;
    if (p > 0) {
      int c0 = b[p - 1];
      if (c0 >= 0 && c0 != '?') {
        before |= (TABLE[c0] & ALNUM) << 2; // ALNUM is 0x20: 0x80 for a letter or digit
      } else if (Chars.isWordChar(s.charAt(p - 1))) {
        before |= 0x80;
      }
    }
    long starts = alnum & ~before;
    if ((starts & digit) != 0) {
      return NOT_QUIET; // a number starts here
    }
    if (starts != 0) { // words start here: only a listed pair can start anything
      long second = starts & (starts - 1);
      if (listedAt(x, next, starts) | listedAt(x, next, second) | ((second & (second - 1)) != 0)) {
        long hex = digit | (atLeast(folded, 'a') & ~atLeast(folded, 'g'));
        for (long w = starts; w != 0; w &= w - 1) {
          int k = Long.numberOfTrailingZeros(w) >>> 3;
          int q = p + k;
          int pair = WordStarts.pair((char) b[q], (char) b[q + 1]);
          if (pair == 0 || (pair == WordStarts.IPV6 && k < 7
              && (~hex & HIGH_BITS & (0x80808080L << (8 * k + 8))) != 0)) {
            continue; // no colon in the block: a character that is not hex comes first
          }
          if (WordStarts.mayStart(s, q, (char) b[q])) {
            return NOT_QUIET;
          }
        }
      }
    }
    long notRun = ~(alnum | dot) & HIGH_BITS;
    if (notRun == 0) {
      return runStart >= 0 ? runStart : p;
    }
    int firstEnd = p + (Long.numberOfTrailingZeros(notRun) >>> 3);
    if (runStart >= 0 & depth > 0 & firstEnd - runStart >= EncodedDetector.MIN_RUN) {
      return NOT_QUIET; // a long run ends here: it may be encoded
    }
    int lastStart = p + ((63 - Long.numberOfLeadingZeros(notRun)) >>> 3) + 1;
    return notRun < 0 ? -1 : lastStart; // a run goes on past the block from its last start
  }

  /**
   * Whether the lowest word start flagged in {@code starts} (none: false) begins a pair that
   * {@link WordStarts#pair lists}; {@code x} holds the block, {@code next} the block one on.
   */
  private static boolean listedAt(long x, long next, long starts) {
    int shift = Long.numberOfTrailingZeros(starts) & ~7; // 64 for none, taken as 0
    int c = (int) (x >>> shift) & 0x7F;
    int c2 = (int) (next >>> shift) & 0x7F;
    return starts != 0 && WordStarts.pair((char) c, (char) c2) != 0;
  }

  /** The built-in pass over any {@code CharSequence}, one character at a time. */
  private int scanChars(CharSequence s, int from, int stopAt, int depth, Set<String> revealed, Findings out) {
    int n = s.length();
    int runStart = -1;
    if (from > 0 && from < n && isRun(s.charAt(from - 1)) && isRun(s.charAt(from))) {
      runStart = from;
      while (runStart > 0 && isRun(s.charAt(runStart - 1))) {
        runStart--;
      }
    }
    return stepChars(s, from, from, runStart, n, stopAt, depth, revealed, out, null);
  }

  /**
   * The loop of {@link #scanChars} from offset {@code i}, where the last match ended at {@code
   * minStart} (or the scan began) and the current run began at {@code runStart} (-1: none).
   * Returns past the first sync character stepped on at or after {@code stopAt}, or the first
   * offset stepped on at or after {@code limit} (then {@code state}, given with a limit below the
   * length, receives minStart and runStart there), or the length (then runs are settled).
   */
  private int stepChars(
      CharSequence s, int i, int minStart, int runStart, int limit, int stopAt, int depth,
      Set<String> revealed, Findings out, int @Nullable [] state) {
    int n = s.length();
    while (i < n) {
      if (i >= limit && state != null) {
        state[MIN_START] = minStart;
        state[RUN_START] = runStart;
        return i;
      }
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
      if (cls == LETTER && !(Chars.atBoundary(s, i) && WordStarts.mayStart(s, i, c))) {
        // A word that starts no known prefix, or a letter inside a word: skip the rest of the
        // word. Its ASCII letters and digits are all encoding characters (the run goes on) and
        // none is at a word start, so no detector can start inside it.
        i++;
        char w;
        while (i < n && (w = s.charAt(i)) < 128 && (TABLE[w] & ALNUM) != 0) {
          i++;
        }
        continue;
      }
      long hit = detectAt(s, i, cls, minStart);
      if (hit == 0) {
        i++;
        if (cls == DIGIT && c < 128) {
          // Nothing found from this ASCII digit: the rest of the number or word is skipped as a
          // word is. Its ASCII digits are not at a word start (the detectors would return at
          // once), its letters would be skipped, and the run the digit is in goes on. (After a
          // digit beyond ASCII, which is no run character, a run would start: no skip.)
          char w;
          while (i < n && (w = s.charAt(i)) < 128 && (TABLE[w] & ALNUM) != 0) {
            i++;
          }
        }
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
    if (state != null) {
      state[RUN_START] = -1; // settled
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
    if (on(CARD)) {
      int end = CardDetector.match(s, i);
      if (end > 0) {
        return hit(i, i, CARD, end);
      }
      if (end == CardDetector.SKIP_RUN) {
        int k = i;
        while (k < s.length() && Chars.digit(s.charAt(k)) >= 0) {
          k++;
        }
        return -(long) k;
      }
    }
    if (!Chars.isAsciiDigit(s.charAt(i))) {
      return 0;
    }
    if (on(SSN)) {
      int end = SsnDetector.match(s, i);
      if (end > 0) {
        return hit(i, i, SSN, end);
      }
    }
    if (on(PHONE)) {
      int end = PhoneDetector.matchNational(s, i);
      if (end > 0) {
        return hit(i, i, PHONE, end);
      }
    }
    if (on(IP)) {
      int end = IpDetector.matchV4(s, i);
      if (end < 0 && WordStarts.colonSoon(s, i)) {
        end = IpDetector.matchV6(s, i);
      }
      if (end > 0) {
        return hit(i, i, IP, end);
      }
    }
    return 0;
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
