package io.nhipam.mask;

/**
 * IP addresses. IPv4: four dotted decimal octets 0-255 without leading zeros, not part of a
 * longer dotted run (so {@code 1.2.3.4.5} is not an address). IPv6: eight groups of one to four
 * hex digits, or fewer around a single {@code ::} with at least three groups, optionally ending
 * in an embedded IPv4 address.
 */
final class IpDetector {
  static final int MAX_LENGTH = 45;

  private IpDetector() {}

  static int matchV4(CharSequence s, int start) {
    int i = start;
    int n = s.length();
    for (int octet = 0; octet < 4; octet++) {
      if (octet > 0) {
        if (i >= n || s.charAt(i) != '.') {
          return -1;
        }
        i++;
      }
      int len = 0;
      int value = 0;
      while (i < n && len < 4 && Chars.isAsciiDigit(s.charAt(i))) {
        value = value * 10 + (s.charAt(i) - '0');
        i++;
        len++;
      }
      if (len == 0 || len > 3 || value > 255 || (len > 1 && s.charAt(i - len) == '0')) {
        return -1;
      }
    }
    if (!Chars.endsWord(s, i)) {
      return -1;
    }
    if (i + 1 < n && s.charAt(i) == '.' && Chars.isAsciiAlnum(s.charAt(i + 1))) {
      return -1;
    }
    if (start > 0 && s.charAt(start - 1) == '.') {
      return -1;
    }
    return i;
  }

  static int matchV6(CharSequence s, int start) {
    int n = s.length();
    int i = start;
    int groups = 0;
    boolean doubleColon = false;
    int end = -1;
    int limit = Math.min(n, start + MAX_LENGTH);
    if (i + 1 < n && s.charAt(i) == ':' && s.charAt(i + 1) == ':') {
      doubleColon = true;
      i += 2;
      end = i;
    }
    while (i < limit) {
      int len = 0;
      while (i + len < limit && len < 5 && Chars.isHex(s.charAt(i + len))) {
        len++;
      }
      if (len == 0 || len > 4) {
        if (len > 4) {
          return -1;
        }
        break;
      }
      if (i + len < n && s.charAt(i + len) == '.' && groups <= 6) {
        int v4 = matchV4(s, i);
        if (v4 > 0 && (s.charAt(i - 1) == ':')) {
          groups += 2;
          end = v4;
          i = v4;
          break;
        }
        return -1;
      }
      groups++;
      i += len;
      end = i;
      if (i + 1 < n && s.charAt(i) == ':' && s.charAt(i + 1) == ':') {
        if (doubleColon) {
          return -1;
        }
        doubleColon = true;
        i += 2;
        end = i;
      } else if (i < n && s.charAt(i) == ':' && i + 1 < n && Chars.isHex(s.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    if (end < 0 || groups > 8) {
      return -1;
    }
    boolean ok = doubleColon ? groups >= 3 && groups <= 7 : groups == 8;
    if (!ok || !Chars.endsWord(s, end)) {
      return -1;
    }
    if (end < n && (s.charAt(end) == ':' || s.charAt(end) == '.')
        && end + 1 < n && Chars.isAsciiAlnum(s.charAt(end + 1))) {
      return -1;
    }
    return end;
  }
}
