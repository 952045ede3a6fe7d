package io.nhipam.internal.paseto;

import static io.nhipam.internal.paseto.TestVectors.hex;
import static io.nhipam.internal.paseto.TestVectors.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.nhipam.internal.paseto.PasetoException.Kind;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The official PASETO v4 vectors (paseto/v4.json). */
class PasetoV4PublicVectorsTest {
  private static final String FILE = "paseto/v4.json";

  private static List<JsonNode> named(String prefix) {
    return TestVectors.tests(FILE).stream()
        .filter(t -> t.get("name").asText().startsWith(prefix))
        .toList();
  }

  /** The one Ed25519 key pair of the file, used by every 4-S vector. */
  private static Ed25519PublicKeyParameters filePublicKey() {
    return Ed25519Keys.publicKeyFromBytes(hex(named("4-S-").get(0).get("public-key").asText()));
  }

  @Test
  void vectorFile_holdsThreeSignAndFiveFailVectors() {
    assertThat(named("4-S-")).hasSize(3);
    assertThat(named("4-F-")).hasSize(5);
    assertThat(named("4-E-")).hasSize(9);
  }

  @TestFactory
  Stream<DynamicTest> sign_everyPublicVector_reproducesTheTokenExactly() {
    return named("4-S-").stream().map(t -> DynamicTest.dynamicTest(t.get("name").asText(), () -> {
      assertThat(t.get("expect-fail").asBoolean()).isFalse();
      Ed25519PrivateKeyParameters sk =
          Ed25519Keys.privateKeyFromSecretKey(hex(t.get("secret-key").asText()));
      assertThat(sk.getEncoded()).isEqualTo(hex(t.get("secret-key-seed").asText()));
      String token = PasetoV4Public.sign(
          sk, utf8(t.get("payload")), utf8(t.get("footer")), utf8(t.get("implicit-assertion")));
      assertThat(token).isEqualTo(t.get("token").asText());
    }));
  }

  @TestFactory
  Stream<DynamicTest> verify_everyPublicVector_returnsPayloadAndFooter() {
    return named("4-S-").stream().map(t -> DynamicTest.dynamicTest(t.get("name").asText(), () -> {
      Ed25519PublicKeyParameters pk =
          Ed25519Keys.publicKeyFromBytes(hex(t.get("public-key").asText()));
      PasetoV4Public.Verified verified =
          PasetoV4Public.verify(t.get("token").asText(), pk, utf8(t.get("implicit-assertion")));
      assertThat(verified.message()).isEqualTo(utf8(t.get("payload")));
      assertThat(verified.footer()).isEqualTo(utf8(t.get("footer")));
      assertThat(PasetoV4Public.peekFooter(t.get("token").asText()))
          .isEqualTo(utf8(t.get("footer")));
    }));
  }

  @TestFactory
  Stream<DynamicTest> verify_publicVectorWithOtherImplicitAssertion_isBadSignature() {
    return named("4-S-").stream().map(t -> DynamicTest.dynamicTest(t.get("name").asText(), () -> {
      Ed25519PublicKeyParameters pk =
          Ed25519Keys.publicKeyFromBytes(hex(t.get("public-key").asText()));
      byte[] other = "{\"test-vector\":\"other\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThatThrownBy(() -> PasetoV4Public.verify(t.get("token").asText(), pk, other))
          .isInstanceOfSatisfying(
              PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_SIGNATURE));
    }));
  }

  @TestFactory
  Stream<DynamicTest> verify_everyFailVector_isRefusedForItsReason() {
    return named("4-F-").stream().map(t -> DynamicTest.dynamicTest(t.get("name").asText(), () -> {
      assertThat(t.get("expect-fail").asBoolean()).isTrue();
      String token = t.get("token").asText();
      // 4-F-2 is a v4.public token that does not verify with the file's public key; the others
      // are local tokens (v4.local, v3.local), which this layer refuses by header alone.
      Kind expected = token.startsWith("v4.public.") ? Kind.BAD_SIGNATURE : Kind.WRONG_VERSION_OR_PURPOSE;
      assertThatThrownBy(
              () -> PasetoV4Public.verify(token, filePublicKey(), utf8(t.get("implicit-assertion"))))
          .isInstanceOfSatisfying(
              PasetoException.class, e -> assertThat(e.kind()).isEqualTo(expected));
    }));
  }

  @TestFactory
  Stream<DynamicTest> verify_everyLocalVector_isWrongVersionOrPurpose() {
    return named("4-E-").stream().map(t -> DynamicTest.dynamicTest(t.get("name").asText(), () -> {
      String token = t.get("token").asText();
      assertThat(token).startsWith("v4.local.");
      assertThatThrownBy(
              () -> PasetoV4Public.verify(token, filePublicKey(), utf8(t.get("implicit-assertion"))))
          .isInstanceOfSatisfying(
              PasetoException.class,
              e -> assertThat(e.kind()).isEqualTo(Kind.WRONG_VERSION_OR_PURPOSE))
          .hasMessageContaining("v4.local");
      assertThatThrownBy(() -> PasetoV4Public.peekFooter(token))
          .isInstanceOfSatisfying(
              PasetoException.class,
              e -> assertThat(e.kind()).isEqualTo(Kind.WRONG_VERSION_OR_PURPOSE));
    }));
  }
}
