package io.nhipam.internal.paseto;

import static io.nhipam.internal.paseto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.nhipam.internal.paseto.PasetoException.Kind;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaserkTest {

  private static Stream<DynamicTest> each(String file, java.util.function.Consumer<JsonNode> check) {
    return TestVectors.tests(file).stream()
        .map(t -> DynamicTest.dynamicTest(t.get("name").asText(), () -> check.accept(t)));
  }

  private static void assertBadKey(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_KEY));
  }

  @Test
  void vectorFiles_holdThePassAndFailVectors() {
    assertThat(TestVectors.tests("paseto/k4.public.json")).hasSize(4);
    assertThat(TestVectors.tests("paseto/k4.secret.json")).hasSize(5);
    assertThat(TestVectors.tests("paseto/k4.pid.json")).hasSize(5);
  }

  @TestFactory
  Stream<DynamicTest> k4public_everyVector() {
    return each("paseto/k4.public.json", t -> {
      byte[] key = hex(t.get("key").asText());
      if (t.get("expect-fail").asBoolean()) {
        assertBadKey(() -> Paserk.encodePublicBytes(key));
        assertBadKey(() -> Paserk.encodePublic(Ed25519Keys.publicKeyFromBytes(key)));
        return;
      }
      String paserk = t.get("paserk").asText();
      assertThat(Paserk.encodePublicBytes(key)).isEqualTo(paserk);
      assertThat(Paserk.decodePublicBytes(paserk)).isEqualTo(key);
    });
  }

  @Test
  void decodePublic_allZeroKeyOfVector1_isRefusedAsUnusableForVerification() {
    // k4.public-1 is a valid serialisation of 32 zero bytes, but that is a small-order point,
    // which must never become a verification key.
    String paserk = "k4.public.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    assertThat(Paserk.decodePublicBytes(paserk)).isEqualTo(new byte[32]);
    assertThatThrownBy(() -> Paserk.decodePublic(paserk))
        .isInstanceOfSatisfying(PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_KEY))
        .hasMessageContaining("small order");
  }

  @TestFactory
  Stream<DynamicTest> k4secret_everyVector() {
    return each("paseto/k4.secret.json", t -> {
      byte[] key = hex(t.get("key").asText());
      if (t.get("expect-fail").asBoolean()) {
        assertBadKey(() -> Paserk.encodeSecret(Ed25519Keys.privateKeyFromSecretKey(key)));
        return;
      }
      String paserk = t.get("paserk").asText();
      Ed25519PrivateKeyParameters sk = Ed25519Keys.privateKeyFromSecretKey(key);
      assertThat(sk.getEncoded()).isEqualTo(hex(t.get("secret-key-seed").asText()));
      assertThat(Ed25519Keys.publicKeyOf(sk).getEncoded()).isEqualTo(hex(t.get("public-key").asText()));
      assertThat(Paserk.encodeSecret(sk)).isEqualTo(paserk);
      assertThat(Paserk.decodeSecret(paserk).getEncoded()).isEqualTo(sk.getEncoded());
    });
  }

  @TestFactory
  Stream<DynamicTest> k4pid_everyVector() {
    return each("paseto/k4.pid.json", t -> {
      byte[] key = hex(t.get("key").asText());
      if (t.get("expect-fail").asBoolean()) {
        assertBadKey(() -> Paserk.pidOfBytes(key));
        assertBadKey(() -> Paserk.pid(Ed25519Keys.publicKeyFromBytes(key)));
        return;
      }
      String pid = t.get("paserk").asText();
      assertThat(Paserk.pidOfBytes(key)).isEqualTo(pid).hasSize(Paserk.PID_CHARS);
      assertThat(Paserk.requirePid(pid)).isEqualTo(pid);
    });
  }

  @Test
  void pid_usableKey_matchesTheBytesForm() {
    Ed25519PublicKeyParameters pk = Ed25519Keys.publicKeyOf(Ed25519Keys.generate(new SecureRandom()));
    assertThat(Paserk.pid(pk)).isEqualTo(Paserk.pidOfBytes(pk.getEncoded())).startsWith("k4.pid.");
  }

  @Test
  void encodeDecode_generatedKeys_roundTrip() {
    Ed25519PrivateKeyParameters sk = Ed25519Keys.generate(new SecureRandom());
    Ed25519PublicKeyParameters pk = Ed25519Keys.publicKeyOf(sk);
    assertThat(Paserk.decodePublic(Paserk.encodePublic(pk)).getEncoded()).isEqualTo(pk.getEncoded());
    assertThat(Paserk.decodeSecret(Paserk.encodeSecret(sk)).getEncoded()).isEqualTo(sk.getEncoded());
  }

  @Test
  void decodeSecret_publicHalfFromAnotherKey_isBadKey() {
    byte[] secret = new byte[64];
    Ed25519Keys.generate(new SecureRandom()).encode(secret, 0);
    Ed25519Keys.publicKeyOf(Ed25519Keys.generate(new SecureRandom())).encode(secret, 32);
    String paserk = "k4.secret." + Base64Url.encode(secret);
    assertThatThrownBy(() -> Paserk.decodeSecret(paserk))
        .isInstanceOfSatisfying(PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_KEY))
        .hasMessageContaining("does not match")
        .hasMessageNotContaining(paserk.substring(10, 30));
  }

  @ParameterizedTest
  @ValueSource(strings = {"k3.public.", "k4.secret.", "k4.local.", "K4.PUBLIC.", "k4.pid.", "", "k4.public"})
  void decodePublic_otherVersionOrType_isBadKey(String prefix) {
    String paserk = prefix + Base64Url.encode(
        Ed25519Keys.publicKeyOf(Ed25519Keys.generate(new SecureRandom())).getEncoded());
    assertThatThrownBy(() -> Paserk.decodePublic(paserk))
        .isInstanceOfSatisfying(PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_KEY))
        .hasMessageContaining("expected a k4.public PASERK")
        .hasMessageNotContaining(paserk.substring(prefix.length(), prefix.length() + 20));
  }

  @ParameterizedTest
  @ValueSource(strings = {"k4.public.", "k4.secret.", "k3.secret.", "k4.local."})
  void decodeSecret_otherVersionOrType_isBadKey(String prefix) {
    byte[] secret = new byte[64];
    Ed25519PrivateKeyParameters sk = Ed25519Keys.generate(new SecureRandom());
    sk.encode(secret, 0);
    Ed25519Keys.publicKeyOf(sk).encode(secret, 32);
    String paserk = prefix + Base64Url.encode(secret);
    if (prefix.equals("k4.secret.")) {
      assertThat(Paserk.decodeSecret(paserk).getEncoded()).isEqualTo(sk.getEncoded());
      return;
    }
    assertThatThrownBy(() -> Paserk.decodeSecret(paserk))
        .isInstanceOfSatisfying(PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_KEY))
        .hasMessageContaining("expected a k4.secret PASERK")
        .hasMessageNotContaining(paserk.substring(prefix.length(), prefix.length() + 20));
  }

  @Test
  void decodePublic_wrongLengthOrNonCanonical_isBadKey() {
    String good = Paserk.encodePublic(
        Ed25519Keys.publicKeyOf(Ed25519Keys.generate(new SecureRandom())));
    assertBadKey(() -> Paserk.decodePublic(good + "AAAA"));
    assertBadKey(() -> Paserk.decodePublic(good.substring(0, good.length() - 4)));
    assertBadKey(() -> Paserk.decodePublic(good + "="));
    assertBadKey(() -> Paserk.decodePublic(good + " "));
    assertBadKey(() -> Paserk.decodePublic("k4.public.cHFyc3R1dnd4eXp7fH1-f4CBgoOEhYaHiImKi4yNjo9"));
  }

  @Test
  void decodeSecret_shortKey_isBadKeyWithoutKeyText() {
    String paserk = "k4.secret." + Base64Url.encode(hex(
        "707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e"));
    assertThatThrownBy(() -> Paserk.decodeSecret(paserk))
        .isInstanceOfSatisfying(PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_KEY))
        .hasMessageContaining("must be 64 bytes")
        .hasMessageNotContaining(paserk.substring(10, 25));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "zVhMiPBP9fRf2snEcT7gFTioeA9COcNy9DfgL1W60haN",
      "k4.lid.S_XQmeEwHbbvRmiyfXfHYpLGjXGzjTRSDoT1YtTakWFE",
      "k4.sid.S_XQmeEwHbbvRmiyfXfHYpLGjXGzjTRSDoT1YtTakWFE",
      "k3.pid.S_XQmeEwHbbvRmiyfXfHYpLGjXGzjTRSDoT1YtTakWFE",
      "k4.pid.S_XQmeEwHbbvRmiyfXfHYpLGjXGzjTRSDoT1YtTakWF",
      "k4.pid.S_XQmeEwHbbvRmiyfXfHYpLGjXGzjTRSDoT1YtTakWFE=",
      "k4.pid.S_XQmeEwHbbvRmiyfXfHYpLGjXGzjTRSDoT1YtTakWF+",
      "k4.pid.S_XQmeEwHbbvRmiyfXfHYpLGjXGzjTRSDoT1YtTakWF "})
  void requirePid_notACanonicalK4Pid_isBadKey(String candidate) {
    assertBadKey(() -> Paserk.requirePid(candidate));
  }
}
