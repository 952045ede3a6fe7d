package io.nhipam.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nhipam.NhiPam;
import io.nhipam.credential.Credential;
import io.nhipam.credential.KeyRing;
import io.nhipam.error.ReasonCode;
import io.nhipam.scope.Scopes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Instance A reaches PostgreSQL through a TCP proxy that the test cuts and restores; instance B
 * connects directly and keeps revoking while A is cut off.
 */
class FaultInjectionTest {
  PgFixture pg;
  TcpProxy proxy;
  PostgresRevocationStore storeA;
  NhiPam a;
  NhiPam b;

  @BeforeEach
  void setUp() throws Exception {
    pg = PgFixture.create();
    proxy = new TcpProxy("127.0.0.1", 5432);
    storeA = pg.store(pg.pool("a", proxy.jdbcUrl("test"), 4), "jvm-a");
    PostgresRevocationStore storeB = pg.store(pg.pool("b", PgFixture.URL, 4), "jvm-b");
    KeyRing ring = KeyRing.generate();
    a = pg.pam(ring, storeA);
    b = pg.pam(PgFixture.copyOf(ring), storeB);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (proxy != null) {
      proxy.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  ReasonCode inA(Credential c) {
    return a.guard().check(c, "invoices:read").reason();
  }

  @Test
  void cut_checksFailClosedAfterBound_restoreCatchesUpOnRevocationsMadeDuringTheCut() {
    Credential untouched = a.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    Credential ownRevoke = a.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    List<Credential> revokedByB = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      revokedByB.add(a.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5)));
    }
    assertThat(inA(untouched)).isEqualTo(ReasonCode.ALLOWED);

    proxy.cut();

    // Within the bound A may still answer from its copy; after it, every check fails closed.
    assertThat(PgFixture.await(PgFixture.BOUND.plusSeconds(3),
        () -> inA(untouched) == ReasonCode.REVOCATION_STATE_STALE)).isTrue();
    assertThat(storeA.unavailableReason()).contains("beyond the staleness bound of 2000 ms");
    assertThat(a.guard().check(untouched, "invoices:read").message()).contains("fail closed");
    for (Credential c : revokedByB) {
      b.revoke(c);
    }
    b.revokeIdentity("ci-pipeline");
    assertThatThrownBy(() -> a.revoke(ownRevoke)).isInstanceOf(PostgresException.class)
        .hasMessageContaining("holds in this JVM only");
    assertThatThrownBy(() -> a.revokeIdentity("finance-bot")).isInstanceOf(PostgresException.class)
        .hasMessageContaining("was not applied anywhere");
    assertThat(storeA.identityEpoch("finance-bot")).isZero();
    assertThat(inA(revokedByB.get(0))).isEqualTo(ReasonCode.REVOCATION_STATE_STALE);

    proxy.restore();

    assertThat(PgFixture.await(Duration.ofSeconds(10), () -> storeA.unavailableReason() == null)).isTrue();
    // Fresh again means caught up: every revocation B made during the cut is in A's copy now.
    for (Credential c : revokedByB) {
      assertThat(inA(c)).as(c.id()).isEqualTo(ReasonCode.REVOKED);
    }
    assertThat(storeA.identityEpoch("ci-pipeline")).isEqualTo(1);
    assertThat(inA(ownRevoke)).isEqualTo(ReasonCode.REVOKED);
    assertThat(inA(untouched)).isEqualTo(ReasonCode.ALLOWED);
  }

  @Test
  void stall_silentPartition_timeoutsFailClosedThenRecover() {
    Credential victim = a.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    Credential untouched = a.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));

    proxy.stall();

    assertThat(PgFixture.await(PgFixture.BOUND.plusSeconds(5),
        () -> inA(untouched) == ReasonCode.REVOCATION_STATE_STALE)).isTrue();
    b.revoke(victim);

    proxy.restore();

    assertThat(PgFixture.await(Duration.ofSeconds(15), () -> storeA.unavailableReason() == null)).isTrue();
    assertThat(inA(victim)).isEqualTo(ReasonCode.REVOKED);
    assertThat(inA(untouched)).isEqualTo(ReasonCode.ALLOWED);
  }

  @Test
  void startWhileUnreachable_failsClosedUntilConnected() {
    proxy.cut();
    PostgresRevocationStore late = pg.store(pg.pool("late", proxy.jdbcUrl("test"), 3), "jvm-late");
    assertThat(late.unavailableReason()).contains("has not yet confirmed");
    Credential c = b.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    b.revoke(c);
    NhiPam pam = pg.pam(PgFixture.copyOf(b.authority().keyRing()), late);
    assertThat(pam.guard().check(c, "invoices:read").reason()).isEqualTo(ReasonCode.REVOCATION_STATE_STALE);

    proxy.restore();

    assertThat(PgFixture.await(Duration.ofSeconds(10), () -> late.unavailableReason() == null)).isTrue();
    assertThat(pam.guard().check(c, "invoices:read").reason()).isEqualTo(ReasonCode.REVOKED);
  }
}
