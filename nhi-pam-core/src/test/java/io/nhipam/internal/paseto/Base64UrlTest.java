package io.nhipam.internal.paseto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nhipam.internal.paseto.PasetoException.Kind;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base64UrlTest {

  @Test
  void encodeDecode_everyLengthUpTo100_roundTripsAndMatchesTheJdk() {
    Random random = new Random(42);
    for (int length = 0; length <= 100; length++) {
      byte[] data = new byte[length];
      random.nextBytes(data);
      String text = Base64Url.encode(data);
      assertThat(text).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(data));
      assertThat(text.length()).isEqualTo(Base64Url.encodedLength(length));
      assertThat(Base64Url.decode(text, "test")).isEqualTo(data);
    }
  }

  @Test
  void decode_urlAlphabetCharacters_decodeToTheirValues() {
    assertThat(Base64Url.decode("-_-_", "test")).containsExactly(0xfb, 0xff, 0xbf);
  }

  @Test
  void decode_rangeInsideLongerText_decodesOnlyThatRange() {
    assertThat(Base64Url.decode("xx.AQID.yy", 3, 7, "test")).containsExactly(1, 2, 3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"AQ==", "AQI=", "AQ=", "AQID===="})
  void decode_padding_isMalformed(String text) {
    assertThatThrownBy(() -> Base64Url.decode(text, "test"))
        .isInstanceOfSatisfying(PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED))
        .hasMessageContaining("padding");
  }

  @ParameterizedTest
  @ValueSource(strings = {"AQ ID", "AQID\n", " AQID", "AQ\tI", "AQ\r\nID"})
  void decode_whitespace_isMalformed(String text) {
    assertThatThrownBy(() -> Base64Url.decode(text, "test"))
        .isInstanceOf(PasetoException.class)
        .extracting(e -> ((PasetoException) e).kind())
        .isEqualTo(Kind.MALFORMED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+/AA", "AA/A", "AQI+", "AQ\u00e9A", "AQ\u0000A", "AQ.A"})
  void decode_charactersOutsideUrlAlphabet_isMalformedAndNamesTheOffset(String text) {
    assertThatThrownBy(() -> Base64Url.decode(text, "token payload"))
        .isInstanceOf(PasetoException.class)
        .hasMessageContaining("token payload")
        .hasMessageContaining("outside the URL-safe alphabet")
        .hasMessageContaining("at offset " + firstBadOffset(text));
  }

  @Test
  void decode_lengthLeavingOneLoneCharacter_isMalformed() {
    assertThatThrownBy(() -> Base64Url.decode("AQIDB", "test"))
        .isInstanceOfSatisfying(PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED))
        .hasMessageContaining("lone character");
  }

  @ParameterizedTest
  // "AQ" is canonical for 0x01; "AR".."AX" set the 4 unused bits. "AQI" is canonical for 01 02;
  // "AQJ", "AQK", "AQL" set the 2 unused bits.
  @ValueSource(strings = {"AR", "AX", "Af", "AQJ", "AQK", "AQL", "AQIDAR"})
  void decode_nonZeroTrailingBits_isMalformed(String text) {
    assertThatThrownBy(() -> Base64Url.decode(text, "test"))
        .isInstanceOfSatisfying(PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED))
        .hasMessageContaining("unused bits");
  }

  @Test
  void decode_canonicalShortForms_areAccepted() {
    assertThat(Base64Url.decode("AQ", "test")).containsExactly(1);
    assertThat(Base64Url.decode("AQI", "test")).containsExactly(1, 2);
    assertThat(Base64Url.decode("", "test")).isEmpty();
  }

  private static int firstBadOffset(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_';
      if (!ok) {
        return i;
      }
    }
    throw new IllegalArgumentException("no bad character");
  }
}
