package io.nhipam.internal.paseto;

import static io.nhipam.internal.paseto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.nhipam.internal.paseto.PasetoException.Kind;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class Ed25519KeysTest {
  /** The order of the Ed25519 base point, RFC 8032 section 5.1. */
  static final BigInteger L =
      BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

  private static final byte[] MESSAGE = "pay invoice 42".getBytes(StandardCharsets.UTF_8);

  @Test
  void generate_twoKeysFromSecureRandom_differ() {
    SecureRandom random = new SecureRandom();
    assertThat(Ed25519Keys.generate(random).getEncoded())
        .isNotEqualTo(Ed25519Keys.generate(random).getEncoded())
        .hasSize(Ed25519Keys.SEED_BYTES);
  }

  @Test
  void signVerify_matchingKey_verifies() {
    Ed25519PrivateKeyParameters sk = Ed25519Keys.generate(new SecureRandom());
    byte[] signature = Ed25519Keys.sign(sk, MESSAGE);
    assertThat(signature).hasSize(Ed25519Keys.SIGNATURE_BYTES);
    assertThat(Ed25519Keys.verify(Ed25519Keys.publicKeyOf(sk), MESSAGE, signature)).isTrue();
  }

  @Test
  void verify_otherKeyOrOtherMessage_isFalse() {
    Ed25519PrivateKeyParameters sk = Ed25519Keys.generate(new SecureRandom());
    byte[] signature = Ed25519Keys.sign(sk, MESSAGE);
    Ed25519PublicKeyParameters other = Ed25519Keys.publicKeyOf(Ed25519Keys.generate(new SecureRandom()));
    assertThat(Ed25519Keys.verify(other, MESSAGE, signature)).isFalse();
    byte[] altered = MESSAGE.clone();
    altered[0] ^= 1;
    assertThat(Ed25519Keys.verify(Ed25519Keys.publicKeyOf(sk), altered, signature)).isFalse();
  }

  @Test
  void verify_signatureOfWrongLength_isFalse() {
    Ed25519PrivateKeyParameters sk = Ed25519Keys.generate(new SecureRandom());
    Ed25519PublicKeyParameters pk = Ed25519Keys.publicKeyOf(sk);
    byte[] signature = Ed25519Keys.sign(sk, MESSAGE);
    assertThat(Ed25519Keys.verify(pk, MESSAGE, Arrays.copyOf(signature, 63))).isFalse();
    assertThat(Ed25519Keys.verify(pk, MESSAGE, Arrays.copyOf(signature, 65))).isFalse();
    assertThat(Ed25519Keys.verify(pk, MESSAGE, new byte[0])).isFalse();
  }

  @Test
  void verify_sPlusGroupOrder_isRejectedAsNonCanonical() {
    Ed25519PrivateKeyParameters sk = Ed25519Keys.generate(new SecureRandom());
    byte[] signature = Ed25519Keys.sign(sk, MESSAGE);
    byte[] malleated = withSPlusL(signature);
    assertThat(malleated).isNotEqualTo(signature);
    assertThat(Ed25519Keys.verify(Ed25519Keys.publicKeyOf(sk), MESSAGE, malleated)).isFalse();
  }

  @Test
  void publicKeyOf_seedOfRfc8032Test1_matchesTheRfc() {
    Ed25519PrivateKeyParameters sk = Ed25519Keys.privateKeyFromSeed(
        hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    assertThat(Ed25519Keys.publicKeyOf(sk).getEncoded())
        .isEqualTo(hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
    assertThat(Ed25519Keys.sign(sk, new byte[0])).isEqualTo(hex(
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
            + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"));
  }

  @Test
  void privateKeyFromSeed_wrongLength_isBadKey() {
    assertThatThrownBy(() -> Ed25519Keys.privateKeyFromSeed(new byte[31]))
        .isInstanceOfSatisfying(PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_KEY))
        .hasMessageContaining("must be 32 bytes, got 31");
    assertThatThrownBy(() -> Ed25519Keys.privateKeyFromSeed(new byte[64]))
        .isInstanceOfSatisfying(PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_KEY));
  }

  @Test
  void publicKeyFromBytes_wrongLength_isBadKey() {
    for (int length : new int[] {0, 31, 33, 64}) {
      assertThatThrownBy(() -> Ed25519Keys.publicKeyFromBytes(new byte[length]))
          .isInstanceOfSatisfying(PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_KEY))
          .hasMessageContaining("must be 32 bytes, got " + length);
    }
  }

  @Test
  void publicKeyFromBytes_notAPointOrSmallOrder_isBadKey() {
    byte[] allOnes = new byte[32];
    Arrays.fill(allOnes, (byte) 0xff);
    for (byte[] key : List.of(new byte[32], allOnes)) {
      assertThatThrownBy(() -> Ed25519Keys.publicKeyFromBytes(key))
          .isInstanceOfSatisfying(PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_KEY))
          .hasMessageContaining("not a usable Ed25519 public key");
    }
  }

  @Test
  void privateKeyFromSecretKey_matchingHalves_importsTheSeed() {
    Ed25519PrivateKeyParameters sk = Ed25519Keys.generate(new SecureRandom());
    byte[] secret = new byte[64];
    sk.encode(secret, 0);
    Ed25519Keys.publicKeyOf(sk).encode(secret, 32);
    assertThat(Ed25519Keys.privateKeyFromSecretKey(secret).getEncoded()).isEqualTo(sk.getEncoded());
  }

  @Test
  void privateKeyFromSecretKey_publicHalfOfAnotherKey_isBadKey() {
    Ed25519PrivateKeyParameters sk = Ed25519Keys.generate(new SecureRandom());
    byte[] secret = new byte[64];
    sk.encode(secret, 0);
    Ed25519Keys.publicKeyOf(Ed25519Keys.generate(new SecureRandom())).encode(secret, 32);
    assertThatThrownBy(() -> Ed25519Keys.privateKeyFromSecretKey(secret))
        .isInstanceOfSatisfying(PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_KEY))
        .hasMessageContaining("does not match");
  }

  @Test
  void privateKeyFromSecretKey_wrongLength_isBadKey() {
    assertThatThrownBy(() -> Ed25519Keys.privateKeyFromSecretKey(new byte[32]))
        .isInstanceOfSatisfying(PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_KEY))
        .hasMessageContaining("must be 64 bytes")
        .hasMessageContaining("got 32");
  }

  @Test
  void wycheproof_ed25519File_holds151Vectors() {
    assertThat(wycheproofCases()).hasSize(151);
  }

  @TestFactory
  Stream<DynamicTest> wycheproof_everyVector_verifiesExactlyWhenValid() {
    return wycheproofCases().stream().map(c -> DynamicTest.dynamicTest(
        "tcId " + c.id + " " + c.result + " " + c.comment,
        () -> {
          Ed25519PublicKeyParameters pk = Ed25519Keys.publicKeyFromBytes(c.publicKey);
          assertThat(Ed25519Keys.verify(pk, c.message, c.signature))
              .as("tcId %d (%s) flags %s", c.id, c.comment, c.flags)
              .isEqualTo(c.result.equals("valid"));
        }));
  }

  private record WycheproofCase(
      int id, String comment, String flags, String result, byte[] publicKey, byte[] message,
      byte[] signature) {}

  private static List<WycheproofCase> wycheproofCases() {
    JsonNode root = TestVectors.load("wycheproof/ed25519_test.json");
    assertThat(root.get("numberOfTests").asInt()).isEqualTo(151);
    List<WycheproofCase> cases = new ArrayList<>();
    for (JsonNode group : root.get("testGroups")) {
      byte[] pk = hex(group.get("publicKey").get("pk").asText());
      for (JsonNode test : group.get("tests")) {
        String result = test.get("result").asText();
        assertThat(result).as("Ed25519 vectors are either valid or invalid").isIn("valid", "invalid");
        cases.add(new WycheproofCase(
            test.get("tcId").asInt(), test.get("comment").asText(), test.get("flags").toString(),
            result, pk, hex(test.get("msg").asText()), hex(test.get("sig").asText())));
      }
    }
    return cases;
  }

  /** The signature with its scalar S replaced by S + L (same value mod L, non-canonical). */
  static byte[] withSPlusL(byte[] signature) {
    byte[] sLittle = Arrays.copyOfRange(signature, 32, 64);
    byte[] sBig = reverse(sLittle);
    BigInteger s = new BigInteger(1, sBig).add(L);
    byte[] sum = s.toByteArray();
    byte[] fixed = new byte[32];
    System.arraycopy(sum, Math.max(0, sum.length - 32), fixed, Math.max(0, 32 - sum.length),
        Math.min(32, sum.length));
    byte[] out = signature.clone();
    System.arraycopy(reverse(fixed), 0, out, 32, 32);
    return out;
  }

  private static byte[] reverse(byte[] in) {
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = in[in.length - 1 - i];
    }
    return out;
  }
}
