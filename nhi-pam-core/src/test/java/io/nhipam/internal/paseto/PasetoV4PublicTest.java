package io.nhipam.internal.paseto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nhipam.internal.paseto.PasetoException.Kind;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile and edge-case input for {@link PasetoV4Public}. */
class PasetoV4PublicTest {
  // A fixed seed keeps every token in this class the same from run to run.
  private static final Ed25519PrivateKeyParameters SK =
      Ed25519Keys.privateKeyFromSeed(TestVectors.hex(
          "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
  private static final Ed25519PublicKeyParameters PK = Ed25519Keys.publicKeyOf(SK);
  private static final byte[] NONE = new byte[0];
  // 64 bytes: with the 64-byte signature the body is 128 bytes, 128 % 3 == 2, so the encoded
  // payload ends in a partial group whose last character has 2 unused bits.
  private static final byte[] CLAIMS =
      "{\"sub\":\"finance-bot\",\"scope\":[\"invoices:read\"],\"exp\":1893456000}"
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] FOOTER = Footer.forPid(Paserk.pid(PK));
  private static final byte[] ASSERTION = "aud=payments".getBytes(StandardCharsets.UTF_8);

  private static String token() {
    return PasetoV4Public.sign(SK, CLAIMS, NONE, NONE);
  }

  private static String tokenWithFooter() {
    return PasetoV4Public.sign(SK, CLAIMS, FOOTER, ASSERTION);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      String token, Kind kind) {
    return assertThatThrownBy(() -> PasetoV4Public.verify(token, PK, NONE))
        .isInstanceOfSatisfying(PasetoException.class, e -> assertThat(e.kind()).isEqualTo(kind));
  }

  @Test
  void signVerify_withFooterAndImplicitAssertion_returnsMessageAndFooter() {
    PasetoV4Public.Verified verified = PasetoV4Public.verify(tokenWithFooter(), PK, ASSERTION);
    assertThat(verified.message()).isEqualTo(CLAIMS);
    assertThat(verified.footer()).isEqualTo(FOOTER);
    assertThat(Footer.parseKid(PasetoV4Public.peekFooter(tokenWithFooter())))
        .isEqualTo(Paserk.pid(PK));
  }

  @Test
  void signVerify_withoutFooter_hasThreePartsAndEmptyFooter() {
    String token = token();
    assertThat(token).startsWith("v4.public.").doesNotContain("=");
    assertThat(token.split("\\.", -1)).hasSize(3);
    assertThat(PasetoV4Public.verify(token, PK, NONE).footer()).isEmpty();
    assertThat(PasetoV4Public.peekFooter(token)).isEmpty();
  }

  @Test
  void verified_toString_redactsContent() {
    assertThat(PasetoV4Public.verify(token(), PK, NONE).toString())
        .doesNotContain("finance-bot")
        .contains("<redacted");
  }

  @Test
  void verify_otherPublicKey_isBadSignature() {
    Ed25519PublicKeyParameters other = Ed25519Keys.publicKeyOf(Ed25519Keys.generate(new SecureRandom()));
    assertThatThrownBy(() -> PasetoV4Public.verify(token(), other, NONE))
        .isInstanceOfSatisfying(
            PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_SIGNATURE))
        .hasMessageContaining("does not verify");
  }

  @Test
  void verify_missingOrWrongImplicitAssertion_isBadSignature() {
    assertThatThrownBy(() -> PasetoV4Public.verify(tokenWithFooter(), PK, NONE))
        .isInstanceOfSatisfying(
            PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_SIGNATURE));
    assertThatThrownBy(() -> PasetoV4Public.verify(tokenWithFooter(), PK, "aud=x".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_SIGNATURE));
  }

  @Test
  void verify_flippedSignatureBit_isBadSignature() {
    for (int bit : new int[] {0, 7, 255, 511}) {
      assertRefused(withBody(token(), body -> flip(body, body.length - 64, bit)), Kind.BAD_SIGNATURE);
    }
  }

  @Test
  void verify_flippedMessageBit_isBadSignature() {
    assertRefused(withBody(token(), body -> flip(body, 0, 12)), Kind.BAD_SIGNATURE);
  }

  @Test
  void verify_swappedFooter_isBadSignature() {
    String token = tokenWithFooter();
    String otherFooter = Base64Url.encode(
        Footer.forPid(Paserk.pid(Ed25519Keys.publicKeyOf(Ed25519Keys.generate(new SecureRandom())))));
    String forged = token.substring(0, token.lastIndexOf('.') + 1) + otherFooter;
    assertThatThrownBy(() -> PasetoV4Public.verify(forged, PK, ASSERTION))
        .isInstanceOfSatisfying(
            PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_SIGNATURE));
  }

  @Test
  void verify_footerStripped_isBadSignature() {
    String token = tokenWithFooter();
    String stripped = token.substring(0, token.lastIndexOf('.'));
    assertThatThrownBy(() -> PasetoV4Public.verify(stripped, PK, ASSERTION))
        .isInstanceOfSatisfying(
            PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_SIGNATURE));
  }

  @Test
  void verify_nonCanonicalSignatureScalar_isBadSignature() {
    assertRefused(
        withBody(token(), body -> {
          byte[] sig = Arrays.copyOfRange(body, body.length - 64, body.length);
          System.arraycopy(Ed25519KeysTest.withSPlusL(sig), 0, body, body.length - 64, 64);
        }),
        Kind.BAD_SIGNATURE);
  }

  @Test
  void verify_truncatedSignature_isRefused() {
    for (int dropped : new int[] {1, 3, 32}) {
      assertRefused(
          withBody(token(), body -> {}, dropped), Kind.BAD_SIGNATURE);
    }
    // The payload is 171 characters; cutting 2 leaves 169, one lone character past full groups.
    String token = token();
    assertThat(token.length() - 10).isEqualTo(171);
    assertRefused(token.substring(0, token.length() - 2), Kind.MALFORMED)
        .hasMessageContaining("lone character");
  }

  @Test
  void verify_bodyShorterThanASignature_isMalformed() {
    assertRefused("v4.public." + Base64Url.encode(new byte[63]), Kind.MALFORMED)
        .hasMessageContaining("63 bytes, fewer than the 64");
  }

  @ParameterizedTest
  @ValueSource(strings = {"=", "==", "\n", " ", "\t", "\r\n"})
  void verify_paddingOrWhitespaceAppended_isMalformed(String suffix) {
    assertRefused(token() + suffix, Kind.MALFORMED);
    assertRefused(tokenWithFooter() + suffix, Kind.MALFORMED);
  }

  @Test
  void verify_whitespaceInsideThePayload_isMalformed() {
    String token = token();
    assertRefused(token.substring(0, 20) + " " + token.substring(20), Kind.MALFORMED)
        .hasMessageContaining("offset 10");
    assertRefused(token.substring(0, 20) + "\n" + token.substring(20), Kind.MALFORMED);
  }

  @Test
  void verify_standardAlphabetInsteadOfUrlAlphabet_isMalformed() {
    String token = token();
    String standard = "v4.public." + java.util.Base64.getEncoder().withoutPadding().encodeToString(
        Base64Url.decode(token, 10, token.length(), "test"));
    assertThat(standard).containsAnyOf("+", "/");
    assertRefused(standard, Kind.MALFORMED).hasMessageContaining("URL-safe alphabet");
  }

  @Test
  void verify_nonZeroTrailingBits_isMalformed() {
    String token = token();
    assertThat((CLAIMS.length + 64) % 3).isEqualTo(2);
    char last = token.charAt(token.length() - 1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char altered = alphabet.charAt(alphabet.indexOf(last) | 1);
    assertThat(altered).isNotEqualTo(last);
    assertRefused(token.substring(0, token.length() - 1) + altered, Kind.MALFORMED)
        .hasMessageContaining("unused bits");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "v4.local.", "v3.public.", "v2.public.", "v1.public.", "v3.local.", "V4.PUBLIC.",
      "v4.Public.", "v4.none.", "none.", "v5.public.", "v4.publicX.", " v4.public.", "v4public.",
      "v4.public:", "eyJhbGciOiJub25lIn0."})
  void verify_otherHeader_isWrongVersionOrPurpose(String header) {
    String token = token();
    String forged = header + token.substring("v4.public.".length());
    assertRefused(forged, Kind.WRONG_VERSION_OR_PURPOSE).hasMessageContaining("'v4.public.'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "v4", "v4.public", "none", "."})
  void verify_noHeaderAtAll_isWrongVersionOrPurpose(String token) {
    assertRefused(token, Kind.WRONG_VERSION_OR_PURPOSE);
  }

  @Test
  void verify_emptyPayload_isMalformed() {
    assertRefused("v4.public.", Kind.MALFORMED).hasMessageContaining("empty payload");
    assertRefused("v4.public..e30", Kind.MALFORMED).hasMessageContaining("empty payload");
  }

  @Test
  void verify_fiveParts_isMalformed() {
    assertRefused(tokenWithFooter() + ".e30", Kind.MALFORMED)
        .hasMessageContaining("more than 4 dot-separated parts");
    assertThatThrownBy(() -> PasetoV4Public.peekFooter(tokenWithFooter() + ".e30"))
        .isInstanceOfSatisfying(
            PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED));
  }

  @Test
  void verify_trailingDotWithoutFooter_isMalformed() {
    assertRefused(token() + ".", Kind.MALFORMED).hasMessageContaining("trailing");
  }

  @Test
  void verify_tenMegabyteToken_isTooLargeBeforeDecoding() {
    // Every payload character is outside the alphabet: had the decoder run, the kind would be
    // MALFORMED. TOO_LARGE shows the cap is checked first.
    String huge = "v4.public." + "!".repeat(10 * 1024 * 1024);
    assertRefused(huge, Kind.TOO_LARGE)
        .hasMessageContaining("above the limit of 8192")
        .hasMessageNotContaining("!!");
    assertThatThrownBy(() -> PasetoV4Public.peekFooter(huge))
        .isInstanceOfSatisfying(
            PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE));
  }

  @Test
  void verify_oneCharacterOverTheCap_isTooLarge() {
    String token = token();
    assertThat(PasetoV4Public.verify(token, PK, NONE, token.length()).message()).isEqualTo(CLAIMS);
    assertThatThrownBy(() -> PasetoV4Public.verify(token, PK, NONE, token.length() - 1))
        .isInstanceOfSatisfying(
            PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE));
  }

  @Test
  void signVerify_largeClaimsWithRaisedCap_workOnlyThroughTheOverload() {
    byte[] big = new byte[9000];
    Arrays.fill(big, (byte) 'a');
    assertThatThrownBy(() -> PasetoV4Public.sign(SK, big, NONE, NONE))
        .isInstanceOfSatisfying(
            PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE));
    String token = PasetoV4Public.sign(SK, big, NONE, NONE, 16_384);
    assertRefused(token, Kind.TOO_LARGE);
    assertThat(PasetoV4Public.verify(token, PK, NONE, 16_384).message()).isEqualTo(big);
  }

  @Test
  void verify_capNotAboveHeaderLength_isIllegalArgument() {
    assertThatThrownBy(() -> PasetoV4Public.verify(token(), PK, NONE, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxTokenChars");
  }

  @Test
  void refusals_neverQuoteTokenText() {
    String token = tokenWithFooter();
    String payload = token.substring(10, token.lastIndexOf('.'));
    String[] hostile = {
        token + "=", "v4.local." + payload, token + ".x", token.substring(0, token.length() - 2),
        token.replace(payload, payload.substring(0, payload.length() - 4))};
    for (String candidate : hostile) {
      assertThatThrownBy(() -> PasetoV4Public.verify(candidate, PK, ASSERTION))
          .isInstanceOf(PasetoException.class)
          .satisfies(e -> assertThat(e.getMessage())
              .doesNotContain(payload.substring(0, 16))
              .doesNotContain(token.substring(token.lastIndexOf('.') + 1, token.lastIndexOf('.') + 17)));
    }
  }

  private interface BodyEdit {
    void apply(byte[] body);
  }

  private static String withBody(String token, BodyEdit edit) {
    return withBody(token, edit, 0);
  }

  /** Decodes the body, edits it, drops its last {@code dropped} bytes and re-encodes it. */
  private static String withBody(String token, BodyEdit edit, int dropped) {
    byte[] body = Base64Url.decode(token, 10, token.length(), "test");
    edit.apply(body);
    return "v4.public." + Base64Url.encode(Arrays.copyOf(body, body.length - dropped));
  }

  private static void flip(byte[] data, int offset, int bit) {
    data[offset + bit / 8] ^= (byte) (1 << (bit % 8));
  }
}
