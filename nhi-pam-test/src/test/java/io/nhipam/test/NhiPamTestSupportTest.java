package io.nhipam.test;

import static io.nhipam.test.NhiPamAssertions.assertThat;
import static io.nhipam.test.NhiPamAssertions.assertThatText;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nhipam.NhiPam;
import io.nhipam.audit.AuditEventType;
import io.nhipam.audit.InMemoryAuditSink;
import io.nhipam.credential.Credential;
import io.nhipam.error.ReasonCode;
import io.nhipam.guard.Guard;
import io.nhipam.scope.Scopes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@NhiPamTest(policy = "/test-policy.yaml", start = "2026-06-01T12:00:00Z")
class NhiPamTestSupportTest {

  @Test
  void extension_injectsPamWithTestClockAndMemoryAudit(NhiPam pam, TestClock clock, InMemoryAuditSink sink) {
    Credential c = pam.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));

    org.assertj.core.api.Assertions.assertThat(c.issuedAt()).isEqualTo(clock.instant());
    org.assertj.core.api.Assertions.assertThat(sink.events()).extracting(e -> e.type()).contains(AuditEventType.MINT);
    clock.advance(Duration.ofMinutes(6));
    assertThat(pam.guard()).denies(c, "invoices:read").hasReason(ReasonCode.EXPIRED);
  }

  @Test
  void guardAssert_allowsAndDenies_withReasonAndRule(Guard guard, NhiPam pam) {
    Credential c = pam.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));

    assertThat(guard).allows(c, "invoices:read").hasRule("invoices:read").isForIdentity("finance-bot");
    assertThat(guard).denies(c, "payroll:read").hasReason(ReasonCode.DENIED_BY_RULE).hasRule("payroll:**");
    assertThat(guard).denies(c, "invoices:write").hasReason(ReasonCode.MISSING_SCOPE)
        .hasMessageContaining("lacks scope invoices:write");
  }

  @Test
  void guardAssert_wrongExpectation_failsWithReadableMessage(Guard guard, NhiPam pam) {
    Credential c = pam.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));

    assertThatThrownBy(() -> assertThat(guard).allows(c, "payroll:read"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("DENIED_BY_RULE");
    assertThatThrownBy(() -> assertThat(guard).denies(c, "invoices:read"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("allowed by invoices:read");
    assertThatThrownBy(() -> assertThat(guard).denies(c, "payroll:read").hasReason(ReasonCode.MISSING_SCOPE))
        .isInstanceOf(AssertionError.class).hasMessageContaining("expected reason MISSING_SCOPE");
  }

  @Test
  void maskedTextAssert_findsCardsAndSecrets_withoutPrintingThem(Guard guard, NhiPam pam) {
    Credential c = pam.mint("support-agent", Scopes.of("tickets:read"), Duration.ofMinutes(5));
    String raw = "card 4242-4242-4242-4242 and key AKIAIOSFODNN7EXAMPLE";

    assertThat(guard.mask(c, raw)).containsNoCardNumbers();
    assertThatText(guard.mask(c, "paid with 4242 4242 4242 4242")).containsNoSensitiveData().contains("4242");
    assertThatThrownBy(() -> assertThat(raw).containsNoCardNumbers())
        .isInstanceOf(AssertionError.class).hasMessageContaining("card").hasMessageNotContaining("4242-4242");
    assertThatThrownBy(() -> assertThatText("key AKIAIOSFODNN7EXAMPLE").containsNoSecrets())
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void decisionAssert_revealScope_changesWhatIsSeen(NhiPam pam) {
    Credential reveal = pam.mint("support-agent", Scopes.of("tickets:read", "pii:card:reveal"), Duration.ofMinutes(5));

    assertThat(pam.guard().check(reveal, "pii:card:reveal")).isAllowed();
    org.assertj.core.api.Assertions.assertThat(pam.guard().mask(reveal, "card 4242 4242 4242 4242"))
        .contains("4242 4242 4242 4242");
  }
}
