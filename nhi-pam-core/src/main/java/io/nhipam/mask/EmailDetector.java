package io.nhipam.mask;

/**
 * E-mail addresses, found from their {@code @}: a dot-atom local part of 1 to 64 characters
 * before it, and a domain of at least two labels with an alphabetic top-level label after it.
 * The star is not accepted in the local part, so masked output is never taken for an address.
 */
final class EmailDetector {
  static final int MAX_LENGTH = 64 + 1 + 253;

  private EmailDetector() {}

  private static boolean isLocalChar(char c) {
    return Chars.isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
        || c == '\'';
  }

  /** Start of the local part ending at {@code at} (the '@'), not before {@code min}, or -1. */
  static int localStart(CharSequence s, int at, int min) {
    int i = at;
    int lowest = Math.max(min, at - 64);
    while (i > lowest && isLocalChar(s.charAt(i - 1))) {
      i--;
    }
    while (i < at && (s.charAt(i) == '.' || s.charAt(i) == '\'')) {
      i++; // a local part does not start with a dot or a quote
    }
    if (i == at || s.charAt(at - 1) == '.') {
      return -1;
    }
    return i;
  }

  /** End of the domain starting after {@code at}, or -1. */
  static int domainEnd(CharSequence s, int at) {
    int n = s.length();
    int i = at + 1;
    int labels = 0;
    int lastLabelStart = i;
    int end = -1;
    int limit = Math.min(n, at + 1 + 253);
    while (i < limit) {
      int labelStart = i;
      while (i < limit && (Chars.isAsciiAlnum(s.charAt(i)) || s.charAt(i) == '-')) {
        i++;
      }
      // A label never ends with '-': trailing hyphens belong to what follows the address (e.g. the
      // "-----BEGIN" of a PEM block written right after it), so the label ends before them.
      int labelEnd = i;
      while (labelEnd > labelStart && s.charAt(labelEnd - 1) == '-') {
        labelEnd--;
      }
      int len = labelEnd - labelStart;
      if (len == 0 || len > 63 || s.charAt(labelStart) == '-') {
        break;
      }
      labels++;
      lastLabelStart = labelStart;
      end = labelEnd;
      if (labelEnd == i && i + 1 < limit && s.charAt(i) == '.' && Chars.isAsciiAlnum(s.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    if (labels < 2 || end < 0 || end - lastLabelStart < 2) {
      return -1;
    }
    for (int k = lastLabelStart; k < end; k++) {
      if (!Chars.isAsciiLetter(s.charAt(k))) {
        // "example.com-----BEGIN": the top-level domain is all letters, so a hyphen after its
        // letters starts whatever follows the address, not a longer label.
        return s.charAt(k) == '-' && k - lastLabelStart >= 2 ? k : -1;
      }
    }
    return end;
  }
}
