package io.nhipam.internal.paseto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/** Properties over generated tokens and edits: nothing but the exact token verifies. */
class PasetoV4PublicPropertiesTest {
  private static final Ed25519PrivateKeyParameters SK = Ed25519Keys.privateKeyFromSeed(
      TestVectors.hex("1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100"));
  private static final Ed25519PublicKeyParameters PK = Ed25519Keys.publicKeyOf(SK);
  private static final byte[] FOOTER = Footer.forPid(Paserk.pid(PK));

  @Property(tries = 200)
  void signVerify_anyMessage_roundTrips(@ForAll @Size(max = 512) byte[] message) {
    String token = PasetoV4Public.sign(SK, message, FOOTER, new byte[0]);
    PasetoV4Public.Verified verified = PasetoV4Public.verify(token, PK, new byte[0]);
    assertThat(verified.message()).isEqualTo(message);
    assertThat(verified.footer()).isEqualTo(FOOTER);
  }

  @Property(tries = 500)
  void verify_anyOneCharacterChanged_isRefusedWithPasetoException(
      @ForAll @Size(max = 64) byte[] message,
      @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll @CharRange(from = ' ', to = '~') char replacement) {
    String token = PasetoV4Public.sign(SK, message, FOOTER, new byte[0]);
    int at = position % token.length();
    if (token.charAt(at) == replacement) {
      return;
    }
    String edited = token.substring(0, at) + replacement + token.substring(at + 1);
    assertThatThrownBy(() -> PasetoV4Public.verify(edited, PK, new byte[0]))
        .isInstanceOf(PasetoException.class);
  }

  @Property(tries = 200)
  void verify_arbitraryTextAfterTheHeader_isRefusedWithPasetoException(
      @ForAll @Size(max = 300) String text) {
    assertThatThrownBy(() -> PasetoV4Public.verify("v4.public." + text, PK, new byte[0]))
        .isInstanceOf(PasetoException.class);
  }
}
