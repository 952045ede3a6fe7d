package io.nhipam.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RevocationConcurrencyTest {

  @Test
  void inMemoryStore_forgetsEntriesPastExpiry() {
    Fixtures.MutableClock clock = new Fixtures.MutableClock(Fixtures.T0);
    InMemoryRevocationStore store = new InMemoryRevocationStore(clock, Duration.ofMinutes(1));
    store.revokeCredential("cr_AAAAAAAAAAAAAAAAAAAAAA", Fixtures.T0.plus(Duration.ofMinutes(5)));
    store.revokeCredential("cr_BAAAAAAAAAAAAAAAAAAAAA", Fixtures.T0.plus(Duration.ofMinutes(60)));
    store.revokeLease("ls_AAAAAAAAAAAAAAAAAAAAAA", Fixtures.T0.plus(Duration.ofMinutes(5)));
    store.revokeCredential("not-our-format", Fixtures.T0.plus(Duration.ofMinutes(5)));
    assertThat(store.size()).isEqualTo(4);
    assertThat(store.isCredentialRevoked("cr_AAAAAAAAAAAAAAAAAAAAAA")).isTrue();
    assertThat(store.isCredentialRevoked("cr_AAAAAAAAAAAAAAAAAAAAAQ")).isFalse();
    assertThat(store.isLeaseRevoked("cr_AAAAAAAAAAAAAAAAAAAAAA")).isFalse();
    assertThat(store.isCredentialRevoked("not-our-format")).isTrue();

    clock.advance(Duration.ofMinutes(7));
    store.purgeExpired();

    assertThat(store.size()).isEqualTo(1);
    assertThat(store.isCredentialRevoked("cr_BAAAAAAAAAAAAAAAAAAAAA")).isTrue();
    assertThat(store.isCredentialRevoked("cr_AAAAAAAAAAAAAAAAAAAAAA")).isFalse();
  }

  @Test
  void inMemoryStore_identityEpochs_areAtomicUnderContention() throws Exception {
    InMemoryRevocationStore store = new InMemoryRevocationStore(new Fixtures.MutableClock(Fixtures.T0),
        Duration.ofMinutes(1));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 1000; i++) {
          store.revokeIdentity("bot");
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    assertThat(store.identityEpoch("bot")).isEqualTo(8000);
    assertThat(store.identityEpoch("other")).isZero();
  }

  @Test
  void inMemoryStore_repeatedRevocationWithLaterExpiry_extendsTheEntryAndNeverUnrevokes() throws Exception {
    Fixtures.MutableClock clock = new Fixtures.MutableClock(Fixtures.T0);
    InMemoryRevocationStore store = new InMemoryRevocationStore(clock, Duration.ofMinutes(1));
    String id = "cr_CAAAAAAAAAAAAAAAAAAAAA";
    store.revokeCredential(id, Fixtures.T0.plus(Duration.ofMinutes(5)));
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicInteger unrevoked = new java.util.concurrent.atomic.AtomicInteger();
    Thread reader = new Thread(() -> {
      while (!stop.get()) {
        if (!store.isCredentialRevoked(id)) {
          unrevoked.incrementAndGet();
        }
      }
    });
    reader.start();
    for (int i = 6; i < 20_000; i++) {
      store.revokeCredential(id, Fixtures.T0.plus(Duration.ofMinutes(i)));
    }
    stop.set(true);
    reader.join();

    assertThat(unrevoked.get()).as("checks that saw the revoked id as unrevoked").isZero();
    assertThat(store.size()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(19_000)); // past the first expiries, not the last one
    store.purgeExpired();
    assertThat(store.isCredentialRevoked(id)).as("kept until its latest expiry").isTrue();
  }

  @Test
  void authority_revocationAfterACachedCheck_takesEffectOnTheNextCheck() {
    Fixtures.MutableClock clock = new Fixtures.MutableClock(Fixtures.T0);
    CredentialAuthority a = Fixtures.authority(clock, KeyRing.generate(),
        io.nhipam.audit.AuditLog.of(io.nhipam.audit.AuditSinks.inMemory()));
    io.nhipam.scope.Scopes scopes = io.nhipam.scope.Scopes.of("invoices:read");
    Credential byId = a.mint("finance-bot", scopes, Duration.ofMinutes(5));
    Credential byIdentity = a.mint("sub-agent", scopes, Duration.ofMinutes(5));
    CredentialLease lease = a.lease("finance-bot", scopes, Duration.ofMinutes(5));
    Credential leased = lease.credential();
    Credential parent = a.mint("finance-bot", scopes, Duration.ofMinutes(5));
    Credential child = a.attenuate(parent, scopes, Duration.ofMinutes(1));
    List<Credential> all = List.of(byId, byIdentity, leased, child);
    for (int round = 0; round < 2; round++) { // twice: the second round answers from the remembered check
      for (Credential c : all) {
        assertThat(a.problem(c)).as("%s before any revocation", c.subject()).isNull();
      }
    }

    a.revoke(byId);
    assertThat(a.problem(byId)).isEqualTo(io.nhipam.error.ReasonCode.REVOKED);
    a.revokeIdentity("sub-agent");
    assertThat(a.problem(byIdentity)).isEqualTo(io.nhipam.error.ReasonCode.REVOKED);
    lease.close();
    assertThat(a.problem(leased)).isEqualTo(io.nhipam.error.ReasonCode.REVOKED);
    assertThat(a.problem(child)).as("child before its parent is revoked").isNull();
    a.revoke(parent);
    assertThat(a.problem(child)).isEqualTo(io.nhipam.error.ReasonCode.REVOKED);
  }

  @Test
  void authority_checkRememberedByOneStore_isNotTrustedByAnother() {
    // both stores at the same version: only the store's identity tells the remembered checks apart
    Fixtures.MutableClock clock = new Fixtures.MutableClock(Fixtures.T0);
    KeyRing ring = KeyRing.generate();
    CredentialAuthority a = Fixtures.authority(clock, ring, io.nhipam.audit.AuditLog.of(io.nhipam.audit.AuditSinks.inMemory()));
    CredentialAuthority b = Fixtures.authority(clock, ring, io.nhipam.audit.AuditLog.of(io.nhipam.audit.AuditSinks.inMemory()));
    Credential c = a.mint("finance-bot", io.nhipam.scope.Scopes.of("invoices:read"), Duration.ofMinutes(5));
    a.revocations().revokeCredential("cr_DAAAAAAAAAAAAAAAAAAAAA", Fixtures.T0.plus(Duration.ofMinutes(5)));
    assertThat(a.problem(c)).isNull(); // remembered: unrevoked in a's store at its version 1

    b.revocations().revokeCredential(c.id(), c.expiresAt()); // b's store, now also at version 1

    assertThat(b.problem(c)).isEqualTo(io.nhipam.error.ReasonCode.REVOKED);
    assertThat(a.problem(c)).isNull();
  }
}
