package io.nhipam.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditEventTest {
  @Test
  void build_allFields_exposesThemAndSortsAttributes() {
    AuditEvent e = AuditEvent.builder(AuditEventType.MASK, TestKeys.T0)
        .identity("support-agent").credentialId("cr_1").scope("tickets:read").reason("MASKED")
        .message("masked 3 values").delegationChain(List.of("orchestrator", "support-agent"))
        .correlationId("call-7").attribute("mask.iban", 1).attribute("mask.card", 2).build();
    assertThat(e.attributes().keySet()).containsExactly("mask.card", "mask.iban");
    assertThat(e.delegationChain()).containsExactly("orchestrator", "support-agent");
    assertThat(e.identity()).contains("support-agent");
    assertThat(e.toString()).startsWith("{\"type\":\"MASK\",\"time\":\"2025-01-01T00:00:00Z\"")
        .endsWith("\"attributes\":{\"mask.card\":\"2\",\"mask.iban\":\"1\"}}");
    assertThat(TestKeys.event(3)).isEqualTo(TestKeys.event(3)).hasSameHashCodeAs(TestKeys.event(3))
        .isNotEqualTo(TestKeys.event(4)).isNotEqualTo(e);
  }

  @Test
  void builder_fieldSetTwice_isRefused() {
    AuditEvent.Builder b = AuditEvent.builder(AuditEventType.DENY, TestKeys.T0).identity("a");
    assertThatThrownBy(() -> b.identity("b"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("identity was already set");
    b.attribute("k", "v");
    assertThatThrownBy(() -> b.attribute("k", "w"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("attribute k was already set");
  }

  @Test
  void builder_badAttributeKeyOrBlankValue_isRefusedWithHint() {
    AuditEvent.Builder b = AuditEvent.builder(AuditEventType.DENY, TestKeys.T0);
    assertThatThrownBy(() -> b.attribute("Mask Card", "1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mask.card");
    assertThatThrownBy(() -> b.message("  "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leave it unset");
    assertThatThrownBy(() -> b.scope("x".repeat(513)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 512");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "v4.public.eyJzdWIiOiJmaW5hbmNlLWJvdCJ9c2lnbmF0dXJl",
      "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJib3QifQ.c2ln",
      "nhipam_3xKq9ZrT0bLm2nV8cW4yH6jD1sF5gA7eR0tY2uI4oP6aS8d",
      "k4.secret.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "-----BEGIN PRIVATE KEY-----",
      "x -----BEGIN RSA PRIVATE KEY-----",
      "v3.local.AAAA",
      "key k1.local-pw.AAAA",
      "card 4242 4242 4242 4242 used",
      "cr_4111111111111111.AAAAAAAAA",
      "4111-1111-1111-1111"})
  void builder_secretShapedValue_isRefusedWithoutEchoingIt(String secret) {
    for (int field = 0; field < 3; field++) {
      AuditEvent.Builder b = AuditEvent.builder(AuditEventType.MINT, TestKeys.T0);
      int f = field;
      assertThatThrownBy(() -> {
            if (f == 0) {
              b.message(secret);
            } else if (f == 1) {
              b.attribute("token", secret);
            } else {
              b.correlationId(secret);
            }
          })
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("<redacted>")
          .hasMessageContaining("AuditFingerprint")
          .hasMessageNotContaining(secret);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"cr_9f2a", "4242", "2025-01-01T00:00:00Z", "4242 4242 4242 4241",
      "invoices:read", "fp_abc", "finance-bot", "v4.publicity", "v5.public.x", "k4.public.AAAA", "k4.pid.AAAA",
      "eyJ.short", "nhipam_tooShort", "-----BEGIN PUBLIC KEY-----", "-----BEGIN PRIVATE KEY", "MISSING_SCOPE",
      "cr_AAAAAAAAAAAAAAAAAAAAAA", "fp_brX3JvsNcY8995mw3xUz3Q"})
  void builder_harmlessValue_isAccepted(String value) {
    AuditEvent e = AuditEvent.builder(AuditEventType.ALLOW, TestKeys.T0).message(value).build();
    assertThat(e.message()).contains(value);
  }

  @Test
  void builder_sameSecretInstanceTwice_isRefusedBothTimes() {
    // the harmless-value memo must never remember a refused value
    String secret = "card 4242 4242 4242 4242 used";
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> AuditEvent.builder(AuditEventType.ALLOW, TestKeys.T0).scope(secret))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payment card");
    }
  }

  @Test
  void builder_manyValuesSharingMemoSlots_refusesEverySecretEveryTime() {
    // harmless and secret-shaped values mixed, more than the memo has slots, each set three times:
    // a remembered harmless value is accepted, a secret one never is, whatever shares its slot
    List<String> values = new java.util.ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      values.add(i % 7 == 0 ? "v4.public.eyJ" + i + "AAAA" : "scope-" + i + ":read");
    }
    for (int round = 0; round < 3; round++) {
      for (String v : values) {
        for (String candidate : List.of(v, new String(v.toCharArray()))) { // also an equal, other instance
          if (v.startsWith("v4.")) {
            assertThatThrownBy(() -> AuditEvent.builder(AuditEventType.ALLOW, TestKeys.T0).scope(candidate))
                .as(candidate).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a PASETO token");
          } else {
            assertThat(AuditEvent.builder(AuditEventType.ALLOW, TestKeys.T0).scope(candidate).build().scope())
                .contains(candidate);
          }
        }
      }
    }
  }

  @Test
  void builder_longValues_areScannedEveryTimeAndLimitsStillHold() {
    String longSecret = "x".repeat(600) + " 4242 4242 4242 4242";
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> AuditEvent.builder(AuditEventType.ALLOW, TestKeys.T0).message(longSecret))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payment card");
    }
    String longHarmless = "y".repeat(300);
    AuditEvent.builder(AuditEventType.ALLOW, TestKeys.T0).message(longHarmless).build();
    assertThatThrownBy(() -> AuditEvent.builder(AuditEventType.ALLOW, TestKeys.T0).scope("z".repeat(513)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 512");
  }

  @Test
  void build_withoutChainOrAttributes_hasEmptyOnes() {
    AuditEvent e = AuditEvent.builder(AuditEventType.ALLOW, TestKeys.T0).scope("invoices:read").build();
    assertThat(e.delegationChain()).isEmpty();
    assertThat(e.attributes()).isEmpty();
    assertThat(e).isEqualTo(AuditEvent.builder(AuditEventType.ALLOW, TestKeys.T0).scope("invoices:read").build());
  }

  @Test
  void builder_chainSetTwice_isRefusedEvenWhenEmpty() {
    AuditEvent.Builder b = AuditEvent.builder(AuditEventType.DENY, TestKeys.T0).delegationChain(List.of());
    assertThatThrownBy(() -> b.delegationChain(List.of("a")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("delegationChain was already set");
  }
}
