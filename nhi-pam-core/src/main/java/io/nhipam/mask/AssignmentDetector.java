package io.nhipam.mask;

/**
 * Secrets assigned to a telling name: {@code password=...}, {@code "client_secret": "..."},
 * {@code AWS_SECRET_ACCESS_KEY: ...}. Triggered by {@code =} or {@code :}; looks back over quotes
 * and spaces for the name (up to 64 characters) and forward for the value. The value alone is the
 * match. A value must look like a secret, not a word or a placeholder: for password-like names at
 * least 6 characters with Shannon entropy of 2.3 bits per character or more; for other names at
 * least 10 characters, 3.0 bits or more, and at least one digit or a mix of cases.
 */
final class AssignmentDetector {
  static final int MAX_VALUE = 256;
  static final int MAX_NAME = 64;
  /** Longest match, counting the look-back over the name (the stream hold-back needs it). */
  static final int MAX_LENGTH = MAX_VALUE + MAX_NAME + 8;

  /** Words a name may contain, each with the kind of name it makes (bits below). */
  private static final String[] WORDS = {
    "aws", "secret", "password", "passwd", "passphrase", "pwd", "token", "apikey", "api_key",
    "api-key", "access_key", "accesskey", "private_key", "auth", "credential", "signing_key",
    "encryption_key", "client_key", "bearer"
  };

  private static final int HAS_AWS = 1;
  private static final int HAS_SECRET = 2;
  private static final int HAS_PASSWORD = 4;
  private static final int HAS_OTHER = 8;

  /** For each lowercase ASCII pair of first letters, the indices into {@link #WORDS} starting so. */
  private static final int[][] BY_PAIR = new int[128 * 128][];

  /** The kind bits of each of {@link #WORDS}. */
  private static final int[] KINDS = new int[WORDS.length];

  static {
    for (int w = 0; w < WORDS.length; w++) {
      String word = WORDS[w];
      KINDS[w] = kindOf(word);
      int pair = word.charAt(0) << 7 | word.charAt(1);
      int[] old = BY_PAIR[pair];
      int[] grown = old == null ? new int[1] : java.util.Arrays.copyOf(old, old.length + 1);
      grown[grown.length - 1] = w;
      BY_PAIR[pair] = grown;
    }
  }

  private static int kindOf(String word) {
    switch (word) {
      case "aws":
        return HAS_AWS;
      case "secret":
        return HAS_SECRET;
      case "password":
      case "passwd":
      case "passphrase":
      case "pwd":
        return HAS_PASSWORD;
      default:
        return HAS_OTHER;
    }
  }

  private AssignmentDetector() {}

  /** Result holder kind: which detector a value belongs to. */
  static final int NONE = 0;
  static final int GENERIC = 1;
  static final int AWS_SECRET = 2;

  /**
   * Classifies the name before the operator at {@code op}.
   *
   * @return {@link #NONE}, {@link #GENERIC}, {@link #AWS_SECRET}, or GENERIC | 4 for a
   *     password-like name
   */
  static int classifyName(CharSequence s, int op) {
    int i = op;
    // "=>" and ":=" operators, and quotes/spaces between name and operator
    while (i > 0 && i > op - 4) {
      char c = s.charAt(i - 1);
      if (c == '"' || c == '\'' || c == ' ' || c == ':' || c == '\t') {
        i--;
      } else {
        break;
      }
    }
    int end = i;
    int lowest = Math.max(0, end - MAX_NAME);
    while (i > lowest && isNameChar(s.charAt(i - 1))) {
      i--;
    }
    if (i == end) {
      return NONE;
    }
    int kinds = wordsIn(s, i, end);
    if ((kinds & (HAS_AWS | HAS_SECRET)) == (HAS_AWS | HAS_SECRET)) {
      return AWS_SECRET;
    }
    if ((kinds & HAS_PASSWORD) != 0) {
      return GENERIC | 4;
    }
    return (kinds & (HAS_SECRET | HAS_OTHER)) != 0 ? GENERIC : NONE;
  }

  private static boolean isNameChar(char c) {
    return Chars.isAsciiAlnum(c) || c == '_' || c == '-' || c == '.';
  }

  /**
   * The kinds of the {@link #WORDS} that occur in {@code s[start, end)}, ignoring ASCII case: one
   * pass over the name, and a comparison only where a word's first two letters stand.
   */
  private static int wordsIn(CharSequence s, int start, int end) {
    int kinds = 0;
    for (int k = start; k + 3 <= end; k++) {
      char c = Chars.lower(s.charAt(k));
      char c2 = Chars.lower(s.charAt(k + 1));
      int[] candidates = c < 128 && c2 < 128 ? BY_PAIR[c << 7 | c2] : null;
      if (candidates == null) {
        continue;
      }
      for (int w : candidates) {
        String word = WORDS[w];
        if (k + word.length() <= end && Chars.startsWithIgnoreCase(s, k, word)) {
          kinds |= KINDS[w];
        }
      }
    }
    return kinds;
  }

  static boolean isValueChar(char c) {
    if (c <= ' ' || c >= 127) {
      return false;
    }
    switch (c) {
      case '"': case '\'': case '`': case ',': case ';': case '&': case '[': case ']':
      case '{': case '}': case '(': case ')': case '<': case '>': case '*': case '|': case '\\':
        return false;
      default:
        return true;
    }
  }

  /** Start of the value after the operator at {@code op}, skipping operators, spaces, quotes. */
  static int valueStart(CharSequence s, int op) {
    int n = s.length();
    int i = op + 1;
    int limit = Math.min(n, op + 6);
    while (i < limit) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '=' || c == '>' || c == '`') {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  /**
   * End of a secret-looking value starting at {@code start} for a name of the given class, or
   * -1.
   */
  static int valueEnd(CharSequence s, int start, int nameClass) {
    int len = Chars.runLength(s, start, MAX_VALUE + 1, AssignmentDetector::isValueChar);
    if (len > MAX_VALUE) {
      return -1;
    }
    int end = start + len;
    // A trailing dot or colon ends a sentence, not a secret.
    while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ':')) {
      end--;
    }
    len = end - start;
    if (nameClass == AWS_SECRET) {
      if (len != 40) {
        return -1;
      }
      for (int k = start; k < end; k++) {
        char c = s.charAt(k);
        if (!(Chars.isAsciiAlnum(c) || c == '/' || c == '+')) {
          return -1;
        }
      }
      return end;
    }
    boolean password = (nameClass & 4) != 0;
    if (len < (password ? 6 : 10) || looksLikePlaceholder(s, start, end)) {
      return -1;
    }
    double h = Chars.entropy(s, start, end);
    if (h < (password ? 2.3 : 3.0)) {
      return -1;
    }
    if (!password && !hasDigitOrMixedCase(s, start, end)) {
      return -1;
    }
    if (password && len < 12 && isLowercaseWord(s, start, end)) {
      return -1; // "password: required" is prose
    }
    return end;
  }

  private static boolean looksLikePlaceholder(CharSequence s, int start, int end) {
    char c = s.charAt(start);
    return c == '$' || c == '%' || c == '@' && s.charAt(end - 1) == '@'
        || Chars.startsWith(s, start, "http") || Chars.startsWith(s, start, "/")
        || holdsMaskOutput(s, start, end);
  }

  /**
   * Whether the value already holds what a mask action writes ({@code ***} of last-four or
   * partial): it was masked before, and detecting it again would break idempotence.
   */
  private static boolean holdsMaskOutput(CharSequence s, int start, int end) {
    int stars = 0;
    for (int k = start; k < end; k++) {
      stars = s.charAt(k) == '*' ? stars + 1 : 0;
      if (stars == 3) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLowercaseWord(CharSequence s, int start, int end) {
    for (int k = start; k < end; k++) {
      char c = s.charAt(k);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }

  private static boolean hasDigitOrMixedCase(CharSequence s, int start, int end) {
    boolean upper = false;
    boolean lower = false;
    for (int k = start; k < end; k++) {
      char c = s.charAt(k);
      if (Chars.isAsciiDigit(c)) {
        return true;
      }
      upper |= Chars.isAsciiUpper(c);
      lower |= c >= 'a' && c <= 'z';
    }
    return upper && lower;
  }
}
