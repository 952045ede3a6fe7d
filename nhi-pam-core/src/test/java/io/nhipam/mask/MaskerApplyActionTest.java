package io.nhipam.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A rule for a known field or column applies one action to the whole value, without detection. */
class MaskerApplyActionTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  @Test
  void applyAction_eachKind_masksTheWholeValue() {
    Masker m = Masker.builder().defaultDetectors().pseudonymKey(KEY).build();

    assertThat(m.applyAction(MaskAction.lastFour(), "CARD_NUMBER", "4111-1111-1111-1111")).isEqualTo("****-****-****-1111");
    assertThat(m.applyAction(MaskAction.partial(2, 2), "ACCOUNT", "AB123456CD")).isEqualTo("AB******CD");
    assertThat(m.applyAction(MaskAction.redact(), "CARD_NUMBER", "anything")).isEqualTo("[REDACTED:CARD_NUMBER]");
    assertThat(m.applyAction(MaskAction.drop(), "CARD_NUMBER", "anything")).isNull();
    String p1 = m.applyAction(MaskAction.pseudonym(), "CUSTOMER", "alice@example.com");
    assertThat(p1).isEqualTo(m.applyAction(MaskAction.pseudonym(), "CUSTOMER", "alice@example.com"))
        .isNotEqualTo(m.applyAction(MaskAction.pseudonym(), "CUSTOMER", "bob@example.com"))
        .doesNotContain("alice");
  }

  @Test
  void applyAction_pseudonymWithoutKey_refusedWithWhatToDo() {
    Masker m = Masker.builder().defaultDetectors().build();

    assertThatThrownBy(() -> m.applyAction(MaskAction.pseudonym(), "CUSTOMER", "alice"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("pseudonymKey");
  }
}
