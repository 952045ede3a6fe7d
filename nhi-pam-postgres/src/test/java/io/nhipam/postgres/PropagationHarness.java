package io.nhipam.postgres;

import io.nhipam.NhiPam;
import io.nhipam.audit.AuditChainEncoder;
import io.nhipam.audit.AuditEvent;
import io.nhipam.audit.AuditEventType;
import io.nhipam.audit.AuditLog;
import io.nhipam.audit.AuditSigner;
import io.nhipam.audit.AuditSink;
import io.nhipam.audit.VerificationResult;
import io.nhipam.credential.Credential;
import io.nhipam.credential.KeyRing;
import io.nhipam.credential.RevocationStore;
import io.nhipam.scope.Scope;
import io.nhipam.scope.Scopes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures what issue 8 asks for, against the local PostgreSQL: revocation propagation latency
 * from instance A to instance B (median, p99 over 1,000 revocations), {@code Guard.check} with the
 * PostgreSQL store against the in-memory store, and audit appends per second from 2 instances.
 *
 * <p>Not a unit test (no assertions on time): tagged {@code harness} and excluded by default. Run:
 *
 * <pre>
 * mvn -B -o -pl nhi-pam-postgres -am test -DexcludedGroups=none-excluded -Dgroups=harness \
 *     -Dtest=PropagationHarness -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("harness")
class PropagationHarness {
  static final int REVOCATIONS = 1_000;
  static final int CHECKS_PER_ROUND = 2_000_000;
  static final int AUDIT_PER_THREAD = 1_500;

  @Test
  void run() throws Exception {
    try (PgFixture pg = PgFixture.create()) {
      StringBuilder out = new StringBuilder();
      propagation(pg, out);
      guardCheck(pg, out);
      auditAppends(pg, out);
      System.out.println("\n===== nhi-pam-postgres harness =====\n" + out);
    }
  }

  private static void propagation(PgFixture pg, StringBuilder out) {
    PostgresRevocationStore a = pg.store(pg.pool("a", PgFixture.URL, 4), "jvm-a");
    PostgresRevocationStore b = pg.store(pg.pool("b", PgFixture.URL, 4), "jvm-b");
    Instant expires = Instant.now().plus(Duration.ofMinutes(30));
    for (int i = 0; i < 100; i++) { // warm-up: JIT, pools, prepared statements
      a.revokeCredential("cr_warm_" + i, expires);
      awaitIn(b, "cr_warm_" + i);
    }
    long[] fromCall = new long[REVOCATIONS];
    long[] fromCommit = new long[REVOCATIONS];
    long[] commit = new long[REVOCATIONS];
    for (int i = 0; i < REVOCATIONS; i++) {
      String id = "cr_prop_" + i;
      long t0 = System.nanoTime();
      a.revokeCredential(id, expires);
      long t1 = System.nanoTime();
      awaitIn(b, id);
      long t2 = System.nanoTime();
      fromCall[i] = t2 - t0;
      fromCommit[i] = t2 - t1;
      commit[i] = t1 - t0;
    }
    out.append(String.format("propagation A->B over %d revocations (ms):%n", REVOCATIONS));
    out.append(row("  revoke call (commit + NOTIFY) in A", commit));
    out.append(row("  revoke returned in A -> visible in B", fromCommit));
    out.append(row("  revoke called in A  -> visible in B", fromCall));
  }

  private static void awaitIn(RevocationStore store, String id) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!store.isCredentialRevoked(id)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(id + " did not reach B within 10 s");
      }
      LockSupport.parkNanos(20_000);
    }
  }

  private static String row(String label, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return String.format("%-42s median %7.3f  p99 %7.3f  max %7.3f%n", label, s[s.length / 2] / 1e6,
        s[(int) Math.ceil(s.length * 0.99) - 1] / 1e6, s[s.length - 1] / 1e6);
  }

  private static void guardCheck(PgFixture pg, StringBuilder out) {
    KeyRing ring = KeyRing.generate();
    PostgresRevocationStore store = pg.store(pg.pool("check", PgFixture.URL, 4), "jvm-check");
    NhiPam withPg = pg.pam(ring, store, AuditLog.of(new DiscardingSink()));
    NhiPam inMemory = pg.pam(PgFixture.copyOf(ring), RevocationStore.inMemory(Clock.systemUTC()),
        AuditLog.of(new DiscardingSink()));
    Credential c1 = withPg.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(10));
    Credential c2 = inMemory.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(10));
    Scope scope = Scope.of("invoices:read");
    List<Double> pgRates = new ArrayList<>();
    List<Double> memRates = new ArrayList<>();
    for (int round = 0; round < 7; round++) {
      double p = rate(withPg, c1, scope);
      double m = rate(inMemory, c2, scope);
      if (round >= 2) { // rounds 0-1 are warm-up
        pgRates.add(p);
        memRates.add(m);
      }
    }
    pgRates.sort(null);
    memRates.sort(null);
    double pgMedian = pgRates.get(pgRates.size() / 2);
    double memMedian = memRates.get(memRates.size() / 2);
    out.append(String.format("%nGuard.check (allowed, audited to a discarding sink), median of 5 rounds x %,d:%n",
        CHECKS_PER_ROUND));
    out.append(String.format("  PostgreSQL store  %,12.0f checks/s%n", pgMedian));
    out.append(String.format("  in-memory store   %,12.0f checks/s%n", memMedian));
    out.append(String.format("  ratio PG / in-memory  %.2f%n", pgMedian / memMedian));
  }

  private static double rate(NhiPam pam, Credential c, Scope scope) {
    int allowed = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < CHECKS_PER_ROUND; i++) {
      allowed += pam.guard().check(c, scope).isAllowed() ? 1 : 0;
    }
    long t1 = System.nanoTime();
    if (allowed != CHECKS_PER_ROUND) {
      throw new IllegalStateException("a check was denied: " + pam.guard().check(c, scope));
    }
    return CHECKS_PER_ROUND / ((t1 - t0) / 1e9);
  }

  private static void auditAppends(PgFixture pg, StringBuilder out) throws Exception {
    byte[] macKey = new byte[32];
    byte[] seed = new byte[32];
    Arrays.fill(macKey, (byte) 3);
    Arrays.fill(seed, (byte) 9);
    AuditChainEncoder encoder = AuditChainEncoder.create(macKey, AuditSigner.ed25519(seed, "harness"));
    DataSource poolA = pg.pool("audit-a", PgFixture.URL, 4);
    DataSource poolB = pg.pool("audit-b", PgFixture.URL, 4);
    PostgresAuditSink sinkA = PostgresAuditSink.builder(poolA, encoder).schema(pg.schema).writerId("jvm-a").build();
    PostgresAuditSink sinkB = PostgresAuditSink.builder(poolB, encoder).schema(pg.schema).writerId("jvm-b").build();
    for (int i = 0; i < 200; i++) {
      sinkA.write(event(i));
      sinkB.write(event(i));
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    LongAdder written = new LongAdder();
    List<Future<?>> done = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < 4; t++) {
      PostgresAuditSink sink = t % 2 == 0 ? sinkA : sinkB;
      done.add(threads.submit(() -> {
        for (int i = 0; i < AUDIT_PER_THREAD; i++) {
          sink.write(event(i));
          written.increment();
        }
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    long t1 = System.nanoTime();
    threads.shutdown();
    sinkA.close();
    sinkB.close();
    VerificationResult result = PostgresAuditTrail.verify(poolA, pg.schema, macKey,
        Map.of("harness", AuditSigner.ed25519PublicKey(seed)));
    out.append(String.format("%naudit appends, 2 instances x 2 threads, %,d events (checkpoint every 1000):%n",
        written.sum()));
    out.append(String.format("  %,.0f appends/s; chain afterwards: %s%n", written.sum() / ((t1 - t0) / 1e9), result));
  }

  private static AuditEvent event(int i) {
    return AuditEvent.builder(AuditEventType.DENY, Instant.now()).identity("finance-bot")
        .credentialId("cr_harness_" + i).scope("payroll:read").reason("MISSING_SCOPE").build();
  }

  /** Accepts events and drops them, so the check measurement sees the store, not an audit sink. */
  private static final class DiscardingSink implements AuditSink {
    private final LongAdder count = new LongAdder();

    @Override
    public void write(AuditEvent event) {
      count.increment();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
