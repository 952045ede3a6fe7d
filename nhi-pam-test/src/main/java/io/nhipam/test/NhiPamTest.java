package io.nhipam.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Builds a fresh {@code NhiPam} for each test method from a policy file, with a {@link TestClock}
 * and an in-memory audit trail, and injects it (and its parts) into test method parameters:
 * {@code NhiPam}, {@code Guard}, {@code CredentialAuthority}, {@code Policy}, {@link TestClock} and
 * {@code InMemoryAuditSink}.
 *
 * <pre>{@code
 * @NhiPamTest(policy = "nhi-policy.yaml")
 * class FinanceBotPolicyTest {
 *   @Test
 *   void payrollIsDenied(NhiPam pam) {
 *     Credential cred = pam.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
 *     assertThat(pam.guard()).denies(cred, "payroll:read").hasReason(ReasonCode.DENIED_BY_RULE);
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(NhiPamExtension.class)
public @interface NhiPamTest {
  /**
   * The policy: a class-path resource (looked up relative to the test class, then from the root)
   * or, failing that, a file path. YAML or JSON by extension.
   */
  String policy();

  /** Where the test clock starts, as an ISO-8601 instant. */
  String start() default "2026-01-01T00:00:00Z";
}
