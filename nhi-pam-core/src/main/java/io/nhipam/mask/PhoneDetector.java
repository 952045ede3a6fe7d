package io.nhipam.mask;

/**
 * Phone numbers: international E.164 form ({@code +} then 8 to 15 digits, grouped by spaces,
 * dashes, dots or a parenthesised area code) and the North American national forms {@code (415)
 * 555-2671}, {@code 415-555-2671}, {@code 415.555.2671}, {@code 415 555 2671}. Other national
 * forms without a {@code +} are too ambiguous to tell from ordinary numbers and are not matched.
 */
final class PhoneDetector {
  static final int MAX_LENGTH = 32;

  private PhoneDetector() {}

  /** Matches {@code +<digits>} starting at the {@code +}. */
  static int matchInternational(CharSequence s, int start) {
    int n = s.length();
    int i = start + 1;
    int count = 0;
    int limit = Math.min(n, start + MAX_LENGTH);
    int lastDigitEnd = -1;
    while (i < limit) {
      char c = s.charAt(i);
      if (Chars.isAsciiDigit(c)) {
        count++;
        i++;
        lastDigitEnd = i;
      } else if ((c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') && count > 0
          && i + 1 < n && (Chars.isAsciiDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '(')) {
        i++;
      } else if (c == '(' && count > 0 && i + 1 < n && Chars.isAsciiDigit(s.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    if (count == 0 || s.charAt(start + 1) == '0') {
      return -1;
    }
    if (count < 8 || count > 15 || lastDigitEnd < 0 || !Chars.endsWord(s, lastDigitEnd)) {
      return -1;
    }
    return lastDigitEnd;
  }

  /** Matches a North American number starting at a digit or an opening parenthesis. */
  static int matchNational(CharSequence s, int start) {
    int n = s.length();
    int i = start;
    boolean paren = s.charAt(i) == '(';
    if (paren) {
      i++;
    }
    if (!areaOrExchange(s, i)) {
      return -1;
    }
    i += 3;
    char sep;
    if (paren) {
      if (i >= n || s.charAt(i) != ')') {
        return -1;
      }
      i++;
      if (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '-')) {
        i++;
      }
      sep = '-';
    } else {
      if (i >= n) {
        return -1;
      }
      sep = s.charAt(i);
      if (sep != '-' && sep != '.' && sep != ' ') {
        return -1;
      }
      i++;
    }
    if (!areaOrExchange(s, i)) {
      return -1;
    }
    i += 3;
    if (i >= n) {
      return -1;
    }
    char sep2 = s.charAt(i);
    if (paren ? (sep2 != '-' && sep2 != '.' && sep2 != ' ') : sep2 != sep) {
      return -1;
    }
    i++;
    for (int k = 0; k < 4; k++, i++) {
      if (i >= n || !Chars.isAsciiDigit(s.charAt(i))) {
        return -1;
      }
    }
    if (!Chars.endsWord(s, i)) {
      return -1;
    }
    if (i + 1 < n && (s.charAt(i) == sep2 || s.charAt(i) == '.' || s.charAt(i) == '-')
        && Chars.isAsciiDigit(s.charAt(i + 1))) {
      return -1; // a longer grouped number (an IP, a date, an id)
    }
    return i;
  }

  /** Three digits, the first 2-9 (NANP area codes and exchanges never start with 0 or 1). */
  private static boolean areaOrExchange(CharSequence s, int i) {
    if (i + 3 > s.length()) {
      return false;
    }
    char c = s.charAt(i);
    return c >= '2' && c <= '9' && Chars.isAsciiDigit(s.charAt(i + 1))
        && Chars.isAsciiDigit(s.charAt(i + 2));
  }
}
