package io.nhipam.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nhipam.NhiPam;
import io.nhipam.audit.AuditChainEncoder;
import io.nhipam.audit.AuditLog;
import io.nhipam.audit.AuditSigner;
import io.nhipam.audit.VerificationResult;
import io.nhipam.credential.Credential;
import io.nhipam.credential.CredentialLease;
import io.nhipam.credential.CredentialRevokedException;
import io.nhipam.credential.KeyRing;
import io.nhipam.error.ReasonCode;
import io.nhipam.scope.Scopes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two NhiPam instances with separate pools share one schema, as two JVMs of a fleet would. */
class CrossInstanceTest {
  static final byte[] MAC_KEY = new byte[32];
  static final byte[] SEED = new byte[32];
  static final Duration WAIT = PgFixture.BOUND.plusSeconds(1);

  static {
    for (int i = 0; i < 32; i++) {
      MAC_KEY[i] = (byte) (i * 7 + 1);
      SEED[i] = (byte) (i * 13 + 5);
    }
  }

  PgFixture pg;
  DataSource poolA;
  DataSource poolB;
  PostgresRevocationStore storeA;
  PostgresRevocationStore storeB;
  PostgresAuditSink sinkA;
  PostgresAuditSink sinkB;
  NhiPam a;
  NhiPam b;

  @BeforeEach
  void setUp() {
    pg = PgFixture.create();
    poolA = pg.pool("a", PgFixture.URL, 6);
    poolB = pg.pool("b", PgFixture.URL, 6);
    storeA = pg.store(poolA, "jvm-a");
    storeB = pg.store(poolB, "jvm-b");
    sinkA = sink(poolA, "jvm-a");
    sinkB = sink(poolB, "jvm-b");
    KeyRing ring = KeyRing.generate();
    a = pg.pam(ring, storeA, AuditLog.of(sinkA));
    b = pg.pam(PgFixture.copyOf(ring), storeB, AuditLog.of(sinkB));
    PostgresInventory.create(poolA, pg.schema, a.authority().clock()).register(a.policy());
  }

  PostgresAuditSink sink(DataSource ds, String writer) {
    return PostgresAuditSink.builder(ds, AuditChainEncoder.create(MAC_KEY, AuditSigner.ed25519(SEED, "audit-1")))
        .schema(pg.schema).writerId(writer).checkpointEvery(50).build();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  ReasonCode reasonIn(NhiPam pam, Credential c, String scope) {
    return pam.guard().check(c, scope).reason();
  }

  @Test
  void revoke_inA_bDeniesWithinBound() {
    Credential cred = a.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    assertThat(reasonIn(b, cred, "invoices:read")).isEqualTo(ReasonCode.ALLOWED);

    a.revoke(cred);

    assertThat(reasonIn(a, cred, "invoices:read")).isEqualTo(ReasonCode.REVOKED);
    assertThat(PgFixture.await(WAIT, () -> reasonIn(b, cred, "invoices:read") == ReasonCode.REVOKED)).isTrue();
    assertThatThrownBy(() -> b.verify(cred.token())).isInstanceOf(CredentialRevokedException.class);
  }

  @Test
  void revokeIdentity_inB_aDeniesOldCredentialsAndAllowsNewOnes() {
    Credential old = a.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));

    b.revokeIdentity("finance-bot");

    assertThat(PgFixture.await(WAIT, () -> reasonIn(a, old, "invoices:read") == ReasonCode.REVOKED)).isTrue();
    Credential fresh = a.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    assertThat(reasonIn(a, fresh, "invoices:read")).isEqualTo(ReasonCode.ALLOWED);
    assertThat(reasonIn(b, fresh, "invoices:read")).isEqualTo(ReasonCode.ALLOWED);
    assertThat(storeA.identityEpoch("finance-bot")).isEqualTo(1).isEqualTo(storeB.identityEpoch("finance-bot"));
  }

  @Test
  void leaseClose_inB_aDeniesAndNoLongerListsIt() {
    PostgresLeases leasesA = PostgresLeases.create(poolA, pg.schema, a.authority());
    CredentialLease lease = b.lease("ci-pipeline", Scopes.of("deploy:prod"), Duration.ofMinutes(5));
    Credential cred = lease.credential();
    assertThat(reasonIn(a, cred, "deploy:prod")).isEqualTo(ReasonCode.ALLOWED);
    assertThat(leasesA.listOpen()).singleElement().satisfies(l -> {
      assertThat(l.leaseId()).isEqualTo(lease.id());
      assertThat(l.ownerJvm()).isEqualTo("jvm-b");
      assertThat(l.identityId()).isEqualTo("ci-pipeline");
      assertThat(l.credentialId()).contains(cred.id());
      assertThat(l.expiresAt()).isEqualTo(cred.expiresAt());
    });

    lease.close();

    assertThat(PgFixture.await(WAIT, () -> reasonIn(a, cred, "deploy:prod") == ReasonCode.REVOKED)).isTrue();
    assertThat(storeA.isLeaseRevoked(lease.id())).isTrue();
    assertThat(leasesA.listOpen()).isEmpty();
    assertThat(leasesA.find(lease.id()).orElseThrow().closeReason()).contains("closed");
  }

  @Test
  void leaseRenew_inB_tableFollowsTheNewCredential() {
    PostgresLeases leasesA = PostgresLeases.create(poolA, pg.schema, a.authority());
    CredentialLease lease = b.lease("ci-pipeline", Scopes.of("deploy:prod"), Duration.ofMinutes(1));
    Credential first = lease.credential();

    Credential second = lease.renew(Duration.ofMinutes(5));

    LeaseInfo info = leasesA.find(lease.id()).orElseThrow();
    assertThat(info.renewals()).isEqualTo(1);
    assertThat(info.credentialId()).contains(second.id());
    assertThat(info.expiresAt()).isEqualTo(second.expiresAt());
    assertThat(PgFixture.await(WAIT, () -> reasonIn(a, first, "deploy:prod") == ReasonCode.REVOKED)).isTrue();
    assertThat(reasonIn(a, second, "deploy:prod")).isEqualTo(ReasonCode.ALLOWED);
  }

  @Test
  void kill_fromA_leaseOpenedInB_deniedEverywhereAndMarkedKilled() throws Exception {
    PostgresLeases leasesA = PostgresLeases.create(poolA, pg.schema, a.authority());
    CredentialLease lease = b.lease("ci-pipeline", Scopes.of("deploy:prod"), Duration.ofMinutes(5));

    assertThat(leasesA.kill(lease.id())).isTrue();

    assertThat(reasonIn(a, lease.credential(), "deploy:prod")).isEqualTo(ReasonCode.REVOKED);
    assertThat(PgFixture.await(WAIT, () -> reasonIn(b, lease.credential(), "deploy:prod") == ReasonCode.REVOKED))
        .isTrue();
    LeaseInfo killed = leasesA.find(lease.id()).orElseThrow();
    assertThat(killed.closeReason()).contains("killed");
    // Kept until the latest any renewal could reach: opened + ci-pipeline's 30-minute maximum.
    try (Connection c = poolA.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
        "SELECT expires_at FROM " + pg.schema.table("revocations") + " WHERE kind = 'lease' AND target = ?")) {
      ps.setString(1, lease.id());
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
            .isEqualTo(killed.openedAt().plus(Duration.ofMinutes(30)));
      }
    }
    assertThat(leasesA.kill(lease.id())).isFalse();
    assertThatThrownBy(() -> leasesA.kill("ls_unknown")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no lease ls_unknown");
  }

  @Test
  void lease_ownerJvmDiedWithoutClosing_expiresOnTimeAndDropsOutOfTheOpenList() {
    StepClock clock = new StepClock(java.time.Instant.now());
    NhiPam dying = pg.pam(PgFixture.copyOf(a.authority().keyRing()), pg.store(poolB, "jvm-dying"),
        AuditLog.of(sink(poolB, "jvm-dying")), clock);
    NhiPam survivor = pg.pam(PgFixture.copyOf(a.authority().keyRing()), storeA, AuditLog.of(sinkA), clock);
    PostgresLeases leases = PostgresLeases.create(poolA, pg.schema, survivor.authority());
    CredentialLease lease = dying.lease("ci-pipeline", Scopes.of("deploy:prod"), Duration.ofMinutes(2));
    assertThat(leases.listOpen()).extracting(LeaseInfo::ownerJvm).containsExactly("jvm-dying");
    // The owning JVM stops here: the lease is never closed, nothing revokes it.

    clock.advance(Duration.ofMinutes(2).plus(survivor.authority().leeway()).plusSeconds(1));

    assertThat(survivor.guard().check(lease.credential(), "deploy:prod").reason()).isEqualTo(ReasonCode.EXPIRED);
    assertThat(leases.listOpen()).isEmpty();
    LeaseInfo row = leases.find(lease.id()).orElseThrow();
    assertThat(row.closedAt()).isEmpty();
    assertThat(row.expiresAt()).isEqualTo(lease.credential().expiresAt());
    assertThat(row.isOpenAt(clock.instant())).isFalse();
  }

  /** A clock that moves only when the test says so. */
  static final class StepClock extends java.time.Clock {
    private volatile java.time.Instant now;

    StepClock(java.time.Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now;
    }
  }

  @Test
  void audit_concurrentWritersInTwoInstances_oneChainVerifiesWithoutGap() throws Exception {
    Credential credA = a.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    Credential credB = b.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> done = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      NhiPam pam = t % 2 == 0 ? a : b;
      Credential cred = t % 2 == 0 ? credA : credB;
      done.add(pool.submit(() -> {
        int allowedAndDenied = 0;
        for (int i = 0; i < 150; i++) {
          allowedAndDenied += pam.guard().check(cred, "invoices:read").isAllowed() ? 1 : 0;
          allowedAndDenied += pam.guard().check(cred, "invoices:list").reason() == ReasonCode.MISSING_SCOPE ? 1 : 0;
        }
        return allowedAndDenied;
      }));
    }
    for (Future<Integer> f : done) {
      assertThat(f.get()).isEqualTo(300);
    }
    pool.shutdown();
    sinkA.close();
    sinkB.close();

    VerificationResult result = PostgresAuditTrail.verify(poolA, pg.schema, MAC_KEY,
        Map.of("audit-1", AuditSigner.ed25519PublicKey(SEED)));
    assertThat(result.ok()).as(result.toString()).isTrue();
    assertThat(result.events()).as("two policy loads, two mints, 1200 checks").isEqualTo(2 + 2 + 4 * 300);
    try (Connection c = poolA.getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*), min(seq), max(seq), count(DISTINCT writer) FROM "
            + pg.schema.table("audit_log"))) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(rs.getLong(3));
      assertThat(rs.getLong(2)).isEqualTo(1);
      assertThat(rs.getLong(4)).isEqualTo(2);
    }
    InventoryEntry bot = PostgresInventory.create(poolB, pg.schema, a.authority().clock()).find("finance-bot")
        .orElseThrow();
    assertThat(bot.owner()).contains("team-finance@example.com");
    assertThat(bot.liveCredentials()).isEqualTo(2);
    assertThat(bot.lastUsed()).isPresent();
  }

  @Test
  void audit_rowAlteredInTable_verifierNamesIt() throws Exception {
    a.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    b.mint("finance-bot", Scopes.of("invoices:list"), Duration.ofMinutes(5));
    sinkA.close();
    long alteredSeq;
    try (Connection c = poolA.getConnection(); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT seq FROM " + pg.schema.table("audit_log")
          + " WHERE line LIKE '%invoices:list%'")) {
        assertThat(rs.next()).isTrue();
        alteredSeq = rs.getLong(1);
      }
      st.executeUpdate("UPDATE " + pg.schema.table("audit_log")
          + " SET line = replace(line, 'invoices:list', 'payroll:read') WHERE seq = " + alteredSeq);
    }

    VerificationResult result = PostgresAuditTrail.verify(poolA, pg.schema, MAC_KEY,
        Map.of("audit-1", AuditSigner.ed25519PublicKey(SEED)));

    assertThat(result.ok()).isFalse();
    assertThat(result.failedSeq()).hasValue(alteredSeq);
    assertThat(result.problem()).contains(VerificationResult.Problem.ALTERED);
  }

  @Test
  void inventory_revokedCredentialsNoLongerCountAsLive() {
    Credential c1 = a.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    b.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    PostgresInventory inventory = PostgresInventory.create(poolB, pg.schema, b.authority().clock());
    assertThat(inventory.find("finance-bot").orElseThrow().liveCredentials()).isEqualTo(2);

    a.revoke(c1);
    assertThat(inventory.find("finance-bot").orElseThrow().liveCredentials()).isEqualTo(1);

    b.revokeIdentity("finance-bot");
    InventoryEntry after = inventory.find("finance-bot").orElseThrow();
    assertThat(after.liveCredentials()).isZero();
    assertThat(after.lastRevoked()).isPresent();
    assertThat(inventory.find("ci-pipeline").orElseThrow().kind()).contains("PIPELINE");
  }
}
