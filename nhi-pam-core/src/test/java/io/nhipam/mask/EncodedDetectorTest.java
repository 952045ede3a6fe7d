package io.nhipam.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EncodedDetectorTest {

  /** The definition the hand check replaces: a strict JDK decoder, then the control check. */
  private static boolean reference(byte[] bytes) {
    CharBuffer chars;
    try {
      chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      return false;
    }
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      if (c < ' ' && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
        return false;
      }
    }
    return true;
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void isReadableUtf8_edgeSequences_agreesWithStrictDecoder() {
    byte[][] cases = {
      "plain text\twith tab\r\n".getBytes(StandardCharsets.UTF_8),
      "ümlaut € 𝄞".getBytes(StandardCharsets.UTF_8),
      bytes(0xC0, 0xAF), // overlong '/'
      bytes(0xE0, 0x80, 0xAF), // overlong
      bytes(0xED, 0xA0, 0x80), // surrogate
      bytes(0xF4, 0x90, 0x80, 0x80), // above U+10FFFF
      bytes(0xF0, 0x9F, 0x98), // truncated
      bytes(0xE2, 0x82), // truncated
      bytes(0x41, 0x00, 0x42), // NUL
      bytes(0x7F), // DEL
      bytes(0xC2, 0x85), // C1 control NEL: not ASCII, readable by the old definition
      bytes(0xEF, 0xBB, 0xBF, 0x41), // BOM
      bytes(0xF5, 0x80, 0x80, 0x80),
      bytes(0x80),
    };
    for (byte[] c : cases) {
      assertThat(EncodedDetector.isReadableUtf8(c)).as("bytes %s", java.util.Arrays.toString(c))
          .isEqualTo(reference(c));
    }
    assertThat(EncodedDetector.isReadableUtf8(cases[1])).isTrue();
    assertThat(EncodedDetector.isReadableUtf8(cases[2])).isFalse();
  }

  @Test
  void isReadableUtf8_randomBytes_agreesWithStrictDecoder() {
    SplittableRandom r = new SplittableRandom(42);
    int readable = 0;
    for (int t = 0; t < 200_000; t++) {
      byte[] b = new byte[1 + r.nextInt(12)];
      for (int i = 0; i < b.length; i++) {
        int kind = r.nextInt(4);
        b[i] = (byte) (kind == 0 ? 0x20 + r.nextInt(0x5F) // printable ASCII
            : kind == 1 ? 0x80 + r.nextInt(0x40) // continuation
            : kind == 2 ? 0xC0 + r.nextInt(0x40) // lead bytes and invalid ones
            : r.nextInt(256));
      }
      boolean expected = reference(b);
      readable += expected ? 1 : 0;
      assertThat(EncodedDetector.isReadableUtf8(b)).as("bytes %s", java.util.Arrays.toString(b))
          .isEqualTo(expected);
    }
    assertThat(readable).as("the generator reaches both answers").isBetween(1_000, 199_000);
  }

  @Test
  void decode_hexOfBinary_null() {
    assertThat(EncodedDetector.decode("9f3ac0ffee12d4b7", 0, 16)).isNull();
  }

  @Test
  void decode_hexOfText_text() {
    String hex = "68656c6c6f2c20776f726c64"; // "hello, world"
    assertThat(EncodedDetector.decode(hex, 0, hex.length())).isEqualTo("hello, world");
  }
}
