package io.nhipam.mask;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Encoded copies of sensitive values: a run of base64, base64url, hex or percent-encoded text is
 * decoded, and if the result is readable text, scanned again one level deeper. If that finds a
 * value, the whole encoded run is the match. Runs shorter than {@link #MIN_RUN} or longer than
 * {@link #MAX_RUN} characters are not decoded: the first are too short to hide anything the
 * detectors know, the second would defeat the stream hold-back (documented limit).
 */
final class EncodedDetector {
  static final int MIN_RUN = 16;
  static final int MAX_RUN = 8 * 1024;

  private EncodedDetector() {}

  /** Characters an encoded run is made of. */
  static boolean isRunChar(char c) {
    return Chars.isAsciiAlnum(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-'
        || c == '%' || c == '.' || c == '~';
  }

  /**
   * Where the encoded data of the run {@code s[start, end)} begins: after a {@code name=} prefix
   * (base64 never has an {@code =} followed by data), else {@code start}.
   */
  static int dataStart(CharSequence s, int start, int end) {
    int p = start;
    for (int i = start; i + 1 < end; i++) {
      if (s.charAt(i) == '=' && s.charAt(i + 1) != '=') {
        p = i + 1;
      }
    }
    return p;
  }

  /**
   * The id of a detected value hidden in {@code s[start, end)}, or null. Prefers an id the
   * caller may not see, so a run hiding a revealed and an unrevealed value is masked.
   */
  static @Nullable String hiddenValue(
      Scanner scanner, CharSequence s, int start, int end, int depth, Set<String> revealed) {
    int len = end - start;
    if (len < MIN_RUN || len > MAX_RUN) {
      return null;
    }
    String decoded = decode(s, start, end);
    if (decoded == null) {
      return null;
    }
    Findings inner = new Findings();
    scanner.scan(decoded, 0, depth - 1, revealed, inner);
    if (inner.isEmpty()) {
      return null;
    }
    for (int k = 0; k < inner.size(); k++) {
      if (!revealed.contains(inner.id(k))) {
        return inner.id(k);
      }
    }
    return inner.id(0);
  }

  /** Readable text behind the run, trying percent, hex, then base64 / base64url; or null. */
  static @Nullable String decode(CharSequence s, int start, int end) {
    boolean percent = false;
    boolean allHex = true;
    boolean base64 = true;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 < end && Chars.isHex(s.charAt(i + 1)) && Chars.isHex(s.charAt(i + 2))) {
          percent = true;
        }
        base64 = false;
        allHex = false;
      } else if (c == '.' || c == '~') {
        base64 = false;
        allHex = false;
      } else if (!Chars.isHex(c)) {
        allHex = false;
      }
    }
    byte[] bytes;
    if (percent) {
      bytes = percentDecode(s, start, end);
    } else if (allHex && (end - start) % 2 == 0) {
      bytes = hexDecode(s, start, end);
    } else if (base64) {
      bytes = base64Decode(s, start, end);
    } else {
      return null;
    }
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    return readableText(bytes);
  }

  private static byte[] percentDecode(CharSequence s, int start, int end) {
    byte[] out = new byte[end - start];
    int n = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < end && Chars.isHex(s.charAt(i + 1)) && Chars.isHex(s.charAt(i + 2))) {
        out[n++] = (byte) (Chars.hexValue(s.charAt(i + 1)) * 16 + Chars.hexValue(s.charAt(i + 2)));
        i += 2;
      } else if (c == '+') {
        out[n++] = ' ';
      } else {
        out[n++] = (byte) c;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static byte[] hexDecode(CharSequence s, int start, int end) {
    byte[] out = new byte[(end - start) / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (Chars.hexValue(s.charAt(start + 2 * i)) * 16
          + Chars.hexValue(s.charAt(start + 2 * i + 1)));
    }
    return out;
  }

  private static byte @Nullable [] base64Decode(CharSequence s, int start, int end) {
    int e = end;
    while (e > start && s.charAt(e - 1) == '=') {
      e--;
    }
    if (end - e > 2) {
      return null;
    }
    boolean url = false;
    boolean std = false;
    for (int i = start; i < e; i++) {
      char c = s.charAt(i);
      if (c == '=') {
        return null;
      }
      url |= c == '-' || c == '_';
      std |= c == '+' || c == '/';
    }
    if (url && std) {
      return null;
    }
    int len = e - start;
    if (len % 4 == 1) {
      return null;
    }
    int outLen = len / 4 * 3 + (len % 4 == 0 ? 0 : len % 4 - 1);
    byte[] out = new byte[outLen];
    int acc = 0;
    int bits = 0;
    int n = 0;
    for (int i = start; i < e; i++) {
      int v = base64Value(s.charAt(i));
      if (v < 0) {
        return null;
      }
      acc = (acc << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[n++] = (byte) (acc >> bits);
        acc &= (1 << bits) - 1;
      }
    }
    return n == outLen ? out : java.util.Arrays.copyOf(out, n);
  }

  private static int base64Value(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '+' || c == '-') {
      return 62;
    }
    if (c == '/' || c == '_') {
      return 63;
    }
    return -1;
  }

  /**
   * UTF-8 text with no control characters but tab, CR, LF; otherwise null. Checked by hand
   * before any string is built: binary data (the common case for a random hex or base64 run) is
   * turned down with no allocation and no exception.
   */
  private static @Nullable String readableText(byte[] bytes) {
    return isReadableUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8) : null;
  }

  /**
   * Whether {@code bytes} is well-formed UTF-8 (no overlong forms, surrogates or code points
   * above U+10FFFF, as a strict decoder requires) whose ASCII part has no control character but
   * tab, LF and CR, and no DEL.
   */
  static boolean isReadableUtf8(byte[] bytes) {
    int n = bytes.length;
    int i = 0;
    while (i < n) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        if (b < ' ' && b != '\t' && b != '\n' && b != '\r' || b == 0x7F) {
          return false;
        }
        i++;
        continue;
      }
      int more;
      int lo = 0x80;
      int hi = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        more = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        more = 2;
        if (b == 0xE0) {
          lo = 0xA0; // overlong
        } else if (b == 0xED) {
          hi = 0x9F; // UTF-16 surrogates
        }
      } else if (b >= 0xF0 && b <= 0xF4) {
        more = 3;
        if (b == 0xF0) {
          lo = 0x90; // overlong
        } else if (b == 0xF4) {
          hi = 0x8F; // above U+10FFFF
        }
      } else {
        return false;
      }
      if (i + more >= n) { // truncated sequence
        return false;
      }
      int b1 = bytes[i + 1] & 0xFF;
      if (b1 < lo || b1 > hi) {
        return false;
      }
      for (int k = 2; k <= more; k++) {
        int bk = bytes[i + k] & 0xFF;
        if (bk < 0x80 || bk > 0xBF) {
          return false;
        }
      }
      i += more + 1;
    }
    return true;
  }
}
