package io.nhipam.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MaskActionTest {
  @Test
  void parse_policyForms_giveActions() {
    assertThat(MaskAction.parse("last4")).isEqualTo(MaskAction.lastFour());
    assertThat(MaskAction.parse("redact")).isEqualTo(MaskAction.redact());
    assertThat(MaskAction.parse("pseudonym")).isEqualTo(MaskAction.pseudonym());
    assertThat(MaskAction.parse("drop")).isEqualTo(MaskAction.drop());
    assertThat(MaskAction.parse("partial(2,4)")).isEqualTo(MaskAction.partial(2, 4));
    assertThat(MaskAction.parse(" partial( 0 , 16 ) ")).isEqualTo(MaskAction.partial(0, 16));
  }

  @Test
  void toString_roundTripsThroughParse() {
    for (MaskAction a : new MaskAction[] {MaskAction.lastFour(), MaskAction.redact(),
        MaskAction.partial(3, 1), MaskAction.pseudonym(), MaskAction.drop()}) {
      assertThat(MaskAction.parse(a.toString())).isEqualTo(a);
    }
  }

  @Test
  void parse_unknownForm_failsNamingTheAcceptedOnes() {
    for (String bad : new String[] {"last-4", "REDACT", "partial(2)", "partial(2,4,5)",
        "partial(-1,4)", "partial(17,0)", "partial(a,b)", "", "hash"}) {
      assertThatThrownBy(() -> MaskAction.parse(bad))
          .as(bad)
          .isInstanceOf(MaskException.class)
          .hasMessageContaining("unknown mask action")
          .hasMessageContaining("last4, redact, partial(<keepFirst>,<keepLast>)");
    }
  }

  @Test
  void partial_outOfRange_rejected() {
    assertThatThrownBy(() -> MaskAction.partial(-1, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
  }

  @Test
  void keep_shortValue_starsEverything() {
    Masker m = Masker.builder().defaultDetectors().action("generic-secret", MaskAction.partial(8, 8)).build();
    assertThat(m.mask("password=Ab3$dEf9").text()).isEqualTo("password=***$****");
  }
}
