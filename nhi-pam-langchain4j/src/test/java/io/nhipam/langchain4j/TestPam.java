package io.nhipam.langchain4j;

import io.nhipam.NhiPam;
import io.nhipam.audit.AuditEvent;
import io.nhipam.audit.AuditEventType;
import io.nhipam.audit.AuditLog;
import io.nhipam.audit.AuditSinks;
import io.nhipam.audit.InMemoryAuditSink;
import io.nhipam.credential.Credential;
import io.nhipam.credential.KeyRing;
import io.nhipam.guard.Guard;
import io.nhipam.identity.Identity;
import io.nhipam.identity.IdentityKind;
import io.nhipam.policy.IdentityPolicy;
import io.nhipam.policy.Policy;
import io.nhipam.scope.Scopes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The three test identities, built in code: finance-bot (invoices and payroll in policy),
 * support-agent (tickets, cards masked), support-lead (tickets, may reveal cards), ops-agent
 * (file tools behind a tool provider).
 */
final class TestPam {
  static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  final io.nhipam.test.TestClock clock = new io.nhipam.test.TestClock(T0);
  final InMemoryAuditSink sink = AuditSinks.inMemory();
  final NhiPam pam;

  TestPam() {
    this("nhi-pam-test");
  }

  TestPam(String audience) {
    this(audience, KeyRing.generate());
  }

  TestPam(String audience, KeyRing keys) {
    Policy policy = Policy.builder()
        .identity(IdentityPolicy.builder(Identity.of("finance-bot", IdentityKind.BOT, "finance-team"))
            .allow("invoices:read", "payroll:read").maxTtl(Duration.ofHours(1)).build())
        .identity(IdentityPolicy.builder(Identity.of("support-agent", IdentityKind.AI_AGENT, "support-team"))
            .allow("tickets:read").maxTtl(Duration.ofHours(1)).build())
        .identity(IdentityPolicy.builder(Identity.of("support-lead", IdentityKind.AI_AGENT, "support-team"))
            .allow("tickets:read").reveal(java.util.Set.of("card")).maxTtl(Duration.ofHours(1)).build())
        .identity(IdentityPolicy.builder(Identity.of("ops-agent", IdentityKind.AI_AGENT, "platform-team"))
            .allow("tool:*", "tool:*:destructive").maxTtl(Duration.ofHours(1)).build())
        .source("TestPam")
        .build();
    pam = NhiPam.builder().policy(policy).keyRing(keys).audit(AuditLog.of(sink)).clock(clock)
        .audience(audience).build();
  }

  Guard guard() {
    return pam.guard();
  }

  Credential mint(String identity, String... scopes) {
    return pam.mint(identity, Scopes.of(scopes), Duration.ofMinutes(5));
  }

  List<AuditEvent> events(AuditEventType type) {
    return sink.events().stream().filter(e -> e.type() == type).toList();
  }
}
