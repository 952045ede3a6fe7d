package io.nhipam.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Identity values: id grammar, the owner rule and immutable labels. */
class IdentityTest {

  @ParameterizedTest
  @ValueSource(strings = {"finance-bot", "a", "ci.pipeline_2", "svc@prod", "0day"})
  void isValidId_goodIds_true(String id) {
    assertThat(Identity.isValidId(id)).isTrue();
    assertThat(Identity.of(id, IdentityKind.BOT, "ops@example.com").id()).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-bot", ".bot", "finance bot", "fin/bot", "fin\u0430nce-bot", "bot\n"})
  void new_badId_failsExplainingGrammar(String id) {
    assertThat(Identity.isValidId(id)).isFalse();
    assertThatThrownBy(() -> Identity.of(id, IdentityKind.BOT, "ops@example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not valid: use 1-128 ASCII letters, digits and -_.@");
  }

  @Test
  void isValidId_lengthLimit_128() {
    assertThat(Identity.isValidId("a".repeat(128))).isTrue();
    assertThat(Identity.isValidId("a".repeat(129))).isFalse();
  }

  @Test
  void new_blankOwner_failsSayingOwnerNeeded() {
    assertThatThrownBy(() -> Identity.of("finance-bot", IdentityKind.AI_AGENT, "  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("identity 'finance-bot' has no owner: every non-human identity needs an accountable human or team");
  }

  @Test
  void new_nullParts_failNaming() {
    assertThatThrownBy(() -> new Identity("a", null, "o", Map.of())).hasMessage("kind");
    assertThatThrownBy(() -> new Identity("a", IdentityKind.BOT, null, Map.of())).hasMessage("owner");
  }

  @Test
  void labels_copiedSortedAndImmutable() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("team", "finance");
    labels.put("env", "prod");
    Identity identity = new Identity("finance-bot", IdentityKind.AI_AGENT, "team@example.com", labels);
    labels.put("env", "dev");

    assertThat(identity.labels()).containsExactly(Map.entry("env", "prod"), Map.entry("team", "finance"));
    assertThatThrownBy(() -> identity.labels().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void kinds_areTheFiveFromTheDesign() {
    assertThat(IdentityKind.values()).extracting(Enum::name)
        .containsExactly("SERVICE_ACCOUNT", "WORKLOAD", "PIPELINE", "BOT", "AI_AGENT");
  }
}
