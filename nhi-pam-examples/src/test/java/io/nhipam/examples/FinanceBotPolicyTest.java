package io.nhipam.examples;

import static io.nhipam.test.NhiPamAssertions.assertThat;

import io.nhipam.NhiPam;
import io.nhipam.credential.Credential;
import io.nhipam.error.ReasonCode;
import io.nhipam.scope.Scopes;
import io.nhipam.test.NhiPamTest;
import io.nhipam.test.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's "Policy tests with nhi-pam-test" snippet, verbatim, against the stories' policy. */
@NhiPamTest(policy = "/nhi-policy.yaml")          // a fresh NhiPam per test: test clock, in-memory audit
class FinanceBotPolicyTest {
  @Test
  void payrollIsDenied(NhiPam pam, TestClock clock) {
    Credential cred = pam.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    assertThat(pam.guard()).denies(cred, "payroll:read").hasReason(ReasonCode.DENIED_BY_RULE);
    assertThat(pam.guard()).allows(cred, "invoices:read");
    clock.advance(Duration.ofMinutes(6));
    assertThat(pam.guard()).denies(cred, "invoices:read").hasReason(ReasonCode.EXPIRED);
    assertThat(pam.guard().mask(cred, "4111 1111 1111 1111")).containsNoCardNumbers();
  }
}
