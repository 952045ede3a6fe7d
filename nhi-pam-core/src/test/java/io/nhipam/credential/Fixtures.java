package io.nhipam.credential;

import io.nhipam.audit.AuditLog;
import io.nhipam.audit.AuditSinks;
import io.nhipam.identity.Identity;
import io.nhipam.identity.IdentityKind;
import io.nhipam.policy.IdentityPolicy;
import io.nhipam.policy.Policy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Shared fixtures for core tests: a mutable clock and a small policy. */
public final class Fixtures {
  private Fixtures() {}

  /** Kept as a nested name so tests read {@code Fixtures.MutableClock}; one implementation. */
  public static final class MutableClock extends io.nhipam.testing.MutableClock {
    public MutableClock(Instant start) {
      super(start);
    }
  }

  public static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

  /** finance-bot: invoices and db invoices, payroll denied; support-agent: tickets, may reveal cards; ci-pipeline: deploy. */
  public static Policy policy() {
    return Policy.builder()
        .identity(IdentityPolicy.builder(new Identity("finance-bot", IdentityKind.AI_AGENT, "team-finance@example.com",
                java.util.Map.of("env", "test")))
            .allow("invoices:read", "invoices:list", "reports:*:read", "db:PUBLIC.INVOICES:select")
            .deny("payroll:**", "reports:salaries:read")
            .maxTtl(Duration.ofMinutes(15))
            .build())
        .identity(IdentityPolicy.builder(Identity.of("sub-agent", IdentityKind.AI_AGENT, "team-finance@example.com"))
            .allow("invoices:read")
            .maxTtl(Duration.ofMinutes(10))
            .build())
        .identity(IdentityPolicy.builder(Identity.of("support-agent", IdentityKind.AI_AGENT, "team-support@example.com"))
            .allow("tickets:read")
            .reveal(java.util.Set.of("card"))
            .maxTtl(Duration.ofMinutes(15))
            .build())
        .identity(IdentityPolicy.builder(Identity.of("ci-pipeline", IdentityKind.PIPELINE, "team-platform@example.com"))
            .allow("deploy:prod", "secrets:deploy-key:read")
            .maxTtl(Duration.ofMinutes(30))
            .build())
        .source("fixtures")
        .build();
  }

  public static AuditLog memoryAudit() {
    return AuditLog.of(AuditSinks.inMemory());
  }

  public static CredentialAuthority authority(Clock clock, KeyRing ring, AuditLog audit) {
    return CredentialAuthority.builder().policy(policy()).keyRing(ring).audit(audit).clock(clock).build();
  }
}
