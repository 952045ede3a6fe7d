package io.nhipam.mask;

/**
 * IBANs: two-letter country code, two check digits, then the country's BBAN, either unbroken or
 * in groups separated by single spaces or dashes (one kind per number). The total length must be
 * the registered length for the country and the ISO 7064 mod-97 check must give 1.
 */
final class IbanDetector {
  static final int MAX_LENGTH = 34 + 33;

  /** Registered IBAN lengths, indexed by (first letter - 'A') * 26 + (second letter - 'A'). */
  private static final byte[] LENGTHS = new byte[26 * 26];

  static {
    String table =
        "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22"
            + " DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28"
            + " HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21"
            + " LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29"
            + " PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23"
            + " TN24 TR26 UA29 VA22 VG24 XK20 YE30";
    for (String entry : table.split(" ")) {
      LENGTHS[(entry.charAt(0) - 'A') * 26 + (entry.charAt(1) - 'A')] =
          (byte) Integer.parseInt(entry.substring(2));
    }
  }

  private IbanDetector() {}

  /** Whether {@code c0 c1} is a country with a registered IBAN length. */
  static int lengthFor(char c0, char c1) {
    if (!Chars.isAsciiUpper(c0) || !Chars.isAsciiUpper(c1)) {
      return 0;
    }
    return LENGTHS[(c0 - 'A') * 26 + (c1 - 'A')];
  }

  /** Matches an IBAN starting at {@code start}; returns the end offset or -1. */
  static int match(CharSequence s, int start) {
    int n = s.length();
    if (start + 15 > n) {
      return -1;
    }
    int expected = lengthFor(s.charAt(start), s.charAt(start + 1));
    if (expected == 0
        || !Chars.isAsciiDigit(s.charAt(start + 2))
        || !Chars.isAsciiDigit(s.charAt(start + 3))) {
      return -1;
    }
    int count = 0;
    char sep = 0;
    int i = start;
    while (i < n && count < expected) {
      char c = s.charAt(i);
      if (Chars.isAsciiDigit(c) || Chars.isAsciiUpper(c)) {
        count++;
        i++;
      } else if ((c == ' ' || c == '-') && count >= 4 && (sep == 0 || sep == c)
          && i + 1 < n && (Chars.isAsciiDigit(s.charAt(i + 1)) || Chars.isAsciiUpper(s.charAt(i + 1)))) {
        sep = c;
        i++;
      } else {
        return -1;
      }
    }
    if (count != expected || !Chars.endsWord(s, i)) {
      return -1;
    }
    if (sep != 0 && i + 1 < n && s.charAt(i) == sep && Chars.isAsciiDigit(s.charAt(i + 1))) {
      // A further group follows: this is a longer number, not an IBAN of this length.
      return -1;
    }
    return mod97(s, start, i) == 1 ? i : -1;
  }

  /** ISO 7064 mod 97-10 over the alphanumerics of {@code s[start,end)}, first four moved last. */
  private static int mod97(CharSequence s, int start, int end) {
    int rem = 0;
    int seen = 0;
    int headEnd = start;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (!Chars.isAsciiAlnum(c)) {
        continue;
      }
      seen++;
      if (seen <= 4) {
        headEnd = i + 1;
        continue;
      }
      rem = step(rem, c);
    }
    for (int i = start; i < headEnd; i++) {
      char c = s.charAt(i);
      if (Chars.isAsciiAlnum(c)) {
        rem = step(rem, c);
      }
    }
    return rem;
  }

  private static int step(int rem, char c) {
    if (Chars.isAsciiDigit(c)) {
      return (rem * 10 + (c - '0')) % 97;
    }
    int v = c - 'A' + 10;
    return (rem * 100 + v) % 97;
  }
}
