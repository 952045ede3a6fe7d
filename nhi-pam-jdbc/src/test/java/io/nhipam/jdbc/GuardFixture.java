package io.nhipam.jdbc;

import io.nhipam.NhiPam;
import io.nhipam.audit.AuditLog;
import io.nhipam.audit.AuditSinks;
import io.nhipam.audit.InMemoryAuditSink;
import io.nhipam.credential.Credential;
import io.nhipam.credential.KeyRing;
import io.nhipam.identity.Identity;
import io.nhipam.identity.IdentityKind;
import io.nhipam.policy.IdentityPolicy;
import io.nhipam.policy.Policy;
import io.nhipam.scope.Scopes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One NhiPam for a test schema: identities, their credentials and the column rules.
 *
 * <ul>
 *   <li>finance: reads invoices, customers and tickets; writes invoices; never payroll.
 *   <li>support: reads tickets and customers; card numbers and account codes are masked for it.
 *   <li>revealer: reads customers and may reveal account codes.
 *   <li>capped / truncated: read invoices with a 2-row limit (deny / truncate).
 *   <li>operator: may CALL and run DDL.
 * </ul>
 */
final class GuardFixture {
  final NhiPam pam;
  final InMemoryAuditSink audit;
  final String schema;

  GuardFixture(String schema, boolean upper) {
    this.schema = schema;
    this.audit = AuditSinks.inMemory();
    String inv = t("invoices", upper);
    String cus = t("customers", upper);
    String tic = t("tickets", upper);
    String acct = "db:" + schema + "." + (upper ? "CUSTOMERS.ACCOUNT_CODE" : "customers.account_code");
    String card = "db:" + schema + "." + (upper ? "CUSTOMERS.CARD_NUMBER" : "customers.card_number");
    Policy policy = Policy.builder()
        .identity(identity("finance", scopes(inv + ":select", inv + ":insert", inv + ":update", inv + ":delete",
            cus + ":select", tic + ":select")))
        .identity(identity("support", scopes(tic + ":select", cus + ":select")))
        .identity(identity("revealer", scopes(cus + ":select", acct + ":reveal", card + ":reveal")))
        .identity(IdentityPolicy.builder(Identity.of("capped", IdentityKind.AI_AGENT, "team@example.com"))
            .allow(inv + ":select").maxRows(2, IdentityPolicy.RowLimitAction.DENY).maxTtl(Duration.ofHours(1)).build())
        .identity(IdentityPolicy.builder(Identity.of("truncated", IdentityKind.AI_AGENT, "team@example.com"))
            .allow(inv + ":select").maxRows(2, IdentityPolicy.RowLimitAction.TRUNCATE).maxTtl(Duration.ofHours(1))
            .build())
        .identity(identity("operator", scopes("db:statement:*", "db:" + schema + ".*:execute", inv + ":select")))
        .maskColumn(acct, "last4")
        .maskColumn(card, "last4")
        .build();
    this.pam = NhiPam.builder().policy(policy).keyRing(KeyRing.generate()).audit(AuditLog.of(audit))
        .clock(Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC)).build();
  }

  private String t(String table, boolean upper) {
    return "db:" + schema + "." + (upper ? table.toUpperCase(java.util.Locale.ROOT) : table);
  }

  private static String[] scopes(String... s) {
    return s;
  }

  private static IdentityPolicy identity(String id, String[] allow) {
    return IdentityPolicy.builder(Identity.of(id, IdentityKind.AI_AGENT, "team@example.com")).allow(allow)
        .maxTtl(Duration.ofHours(1)).build();
  }

  Credential mint(String identity) {
    IdentityPolicy p = pam.policy().find(identity);
    List<String> s = new ArrayList<>(p.allow().values());
    return pam.mint(identity, Scopes.parse(s), Duration.ofMinutes(30));
  }
}
