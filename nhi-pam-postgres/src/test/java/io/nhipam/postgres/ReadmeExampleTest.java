package io.nhipam.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.nhipam.NhiPam;
import io.nhipam.audit.AuditChainEncoder;
import io.nhipam.audit.AuditLog;
import io.nhipam.audit.AuditSigner;
import io.nhipam.credential.Credential;
import io.nhipam.credential.KeyRing;
import io.nhipam.error.ReasonCode;
import io.nhipam.policy.Policy;
import io.nhipam.scope.Scopes;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The wiring shown in the module README, kept here so it cannot rot. */
class ReadmeExampleTest {
  @Test
  void readmeWiring_mintCheckRevoke_deniedWithReasonRevoked() throws Exception {
    try (PgFixture pg = PgFixture.create()) {
      DataSource dataSource = pg.pool("app", PgFixture.URL, 5);
      PostgresSchema schema = pg.schema;
      Policy policy = PgFixture.policy();
      KeyRing keyRing = KeyRing.generate();
      byte[] auditMacKey = new byte[32];
      byte[] auditSigningSeed = new byte[32];
      new java.security.SecureRandom().nextBytes(auditMacKey);
      new java.security.SecureRandom().nextBytes(auditSigningSeed);

      // --- README snippet starts
      schema.migrate(dataSource);                        // or let a DBA apply the SQL by hand
      PostgresRevocationStore revocations = PostgresRevocationStore.builder(dataSource)
          .schema(schema)
          .stalenessBound(Duration.ofSeconds(5))
          .build();
      PostgresAuditSink auditSink = PostgresAuditSink.builder(dataSource,
              AuditChainEncoder.create(auditMacKey, AuditSigner.ed25519(auditSigningSeed, "audit-2026")))
          .schema(schema)
          .build();
      NhiPam pam = NhiPam.builder()
          .policy(policy)
          .keyRing(keyRing)
          .revocationStore(revocations)
          .audit(AuditLog.of(auditSink))
          .build();
      PostgresInventory.create(dataSource, schema, Clock.systemUTC()).register(policy);
      PostgresLeases leases = PostgresLeases.create(dataSource, schema, pam.authority());
      // --- README snippet ends

      try (revocations; pam) {
        Credential cred = pam.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
        assertThat(pam.guard().check(cred, "invoices:read").isAllowed()).isTrue();
        pam.revoke(cred);
        assertThat(pam.guard().check(cred, "invoices:read").reason()).isEqualTo(ReasonCode.REVOKED);
        assertThat(leases.listOpen()).isEmpty();
      }
    }
  }
}
