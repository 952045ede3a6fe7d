package io.nhipam.mask;

/**
 * Payment card numbers: 13 to 19 decimal digits (ASCII or any Unicode decimal digit, such as
 * full-width), grouped by one kind of separator (space, dash, dot) or none, zero-width characters
 * allowed anywhere between digits. A candidate must pass Luhn and fall in a known IIN range for
 * its length. When a separated run has more digits than a card (a card followed by a year, say),
 * the longest prefix ending at a group boundary that validates wins.
 */
final class CardDetector {
  static final int MIN_DIGITS = 13;
  static final int MAX_DIGITS = 19;
  /** Longest possible match: 19 digits, 18 separators, a few zero-width characters each. */
  static final int MAX_LENGTH = 19 + 18 + 37 * 2;

  /** Returned when an unseparated digit run is longer than any card: skip the whole run. */
  static final int SKIP_RUN = -2;

  private CardDetector() {}

  /**
   * Matches a card number starting at {@code start} (a digit at a word boundary).
   *
   * @return the end offset of the match, -1 for no match, or {@link #SKIP_RUN}
   */
  static int match(CharSequence s, int start) {
    int first = Chars.digit(s.charAt(start));
    if (first == 0 || first == 1 || first == 7) {
      return -1; // no issuer range starts with these digits
    }
    int n = s.length();
    int i = start;
    int count = 0;
    char sep = 0;
    int boundaries = 0; // bit k set: a separator follows the k-th digit
    int zeroWidthRun = 0;
    boolean tooLong = false;
    long lo = 0; // digits 0-15, four bits each
    long hi = 0; // digits 16-18
    while (i < n) {
      char c = s.charAt(i);
      int d = Chars.digit(c);
      if (d >= 0) {
        if (count == MAX_DIGITS) {
          tooLong = true;
          break;
        }
        if (count < 16) {
          lo |= (long) d << (4 * count);
        } else {
          hi |= (long) d << (4 * (count - 16));
        }
        count++;
        zeroWidthRun = 0;
        i++;
      } else if (Chars.isZeroWidth(c) && count > 0 && zeroWidthRun < 2) {
        zeroWidthRun++;
        i++;
      } else if ((c == ' ' || c == '-' || c == '.') && count > 0 && (sep == 0 || sep == c)) {
        int next = skipZeroWidth(s, i + 1);
        if (next >= n || Chars.digit(s.charAt(next)) < 0) {
          break;
        }
        sep = c;
        boundaries |= 1 << count;
        i = next;
        zeroWidthRun = 0;
      } else {
        break;
      }
    }
    if (tooLong && sep == 0) {
      return SKIP_RUN;
    }
    if (count < MIN_DIGITS) {
      return -1;
    }
    int first6 = 0;
    for (int k = 0; k < 6; k++) {
      first6 = first6 * 10 + (int) ((lo >>> (4 * k)) & 15);
    }
    if (!tooLong && iinMatches(first6, count) && luhn(lo, hi, count)) {
      return endOfDigits(s, start, count);
    }
    for (int k = Math.min(count, MAX_DIGITS); k >= MIN_DIGITS; k--) {
      if ((boundaries & (1 << k)) != 0 && iinMatches(first6, k) && luhn(lo, hi, k)) {
        return endOfDigits(s, start, k);
      }
    }
    return -1;
  }

  private static int skipZeroWidth(CharSequence s, int i) {
    int n = s.length();
    int k = i;
    while (k < n && k < i + 2 && Chars.isZeroWidth(s.charAt(k))) {
      k++;
    }
    return k;
  }

  /** Offset just past the {@code digits}-th digit from {@code start}. */
  private static int endOfDigits(CharSequence s, int start, int digits) {
    int seen = 0;
    int i = start;
    while (seen < digits) {
      if (Chars.digit(s.charAt(i)) >= 0) {
        seen++;
      }
      i++;
    }
    return i;
  }

  /** Luhn over the first {@code length} packed digits. */
  private static boolean luhn(long lo, long hi, int length) {
    int sum = 0;
    for (int k = 0; k < length; k++) {
      int d = (int) (k < 16 ? (lo >>> (4 * k)) & 15 : (hi >>> (4 * (k - 16))) & 15);
      if (((length - k) & 1) == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  /** Known issuer ranges and the lengths each issues; {@code first6} holds the first six digits. */
  static boolean iinMatches(int first6, int length) {
    int d1 = first6 / 100000;
    int d2 = first6 / 10000;
    int d3 = first6 / 1000;
    int d4 = first6 / 100;
    if (d1 == 4) { // Visa
      return length == 13 || length == 16 || length == 19;
    }
    if ((d2 >= 51 && d2 <= 55) || (d4 >= 2221 && d4 <= 2720)) { // Mastercard
      return length == 16;
    }
    if (d2 == 34 || d2 == 37) { // American Express
      return length == 15;
    }
    if (d4 == 6011 || (d3 >= 644 && d3 <= 649) || d2 == 65) { // Discover
      return length >= 16 && length <= 19;
    }
    if (d2 == 62) { // UnionPay (and Discover's 622126-622925)
      return length >= 16 && length <= 19;
    }
    if ((d3 >= 300 && d3 <= 305) || d2 == 36 || d2 == 38 || d2 == 39) { // Diners Club
      return length >= 14 && length <= 19;
    }
    if (d4 >= 3528 && d4 <= 3589) { // JCB
      return length >= 16 && length <= 19;
    }
    if (d4 >= 2200 && d4 <= 2204) { // Mir
      return length >= 16 && length <= 19;
    }
    if (d2 == 50 || (d2 >= 56 && d2 <= 58) || d2 == 63 || d2 == 67) { // Maestro
      return length >= 13 && length <= 19;
    }
    if (d2 == 60 || d2 == 81 || d2 == 82 || d3 == 508) { // RuPay
      return length == 16;
    }
    if (d4 == 9792) { // Troy
      return length == 16;
    }
    return false;
  }
}
