package io.nhipam.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.nhipam.NhiPam;
import io.nhipam.audit.AuditLog;
import io.nhipam.audit.AuditSinks;
import io.nhipam.credential.KeyRing;
import io.nhipam.credential.RevocationStore;
import io.nhipam.identity.Identity;
import io.nhipam.identity.IdentityKind;
import io.nhipam.policy.IdentityPolicy;
import io.nhipam.policy.Policy;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away schema in the test database (PostgreSQL at 127.0.0.1:5432, database {@code test},
 * user {@code postgres}; override with -Dnhipam.pg.url), pools for it, and NhiPam instances that
 * share it. Skips the test when the database is unreachable, unless the environment has CI=true.
 */
final class PgFixture implements AutoCloseable {
  static final String URL = System.getProperty("nhipam.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String USER = System.getProperty("nhipam.pg.user", "postgres");
  static final Duration BOUND = Duration.ofSeconds(2);

  final PostgresSchema schema;
  final String channel;
  private final List<AutoCloseable> resources = new ArrayList<>();

  private PgFixture() {
    byte[] r = new byte[5];
    new SecureRandom().nextBytes(r);
    String suffix = HexFormat.of().formatHex(r);
    this.schema = PostgresSchema.named("nhipam_test_" + suffix);
    this.channel = "nhipam_rev_" + suffix;
  }

  /** A fresh, migrated schema, or a skipped test (failed under CI=true) if PostgreSQL is unreachable. */
  static PgFixture create() {
    requireDatabase();
    PgFixture f = new PgFixture();
    f.schema.migrate(f.pool("migrate", URL, 2));
    return f;
  }

  static void requireDatabase() {
    String problem = null;
    try (Connection c = DriverManager.getConnection(URL, USER, "")) {
      c.isValid(2);
    } catch (SQLException e) {
      problem = "PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage() + ")";
    }
    if (problem != null) {
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(problem + "; under CI=true the PostgreSQL tests must run");
      }
      Assumptions.abort(problem + "; skipping the PostgreSQL tests (start PostgreSQL 15+ with a"
          + " database 'test' and trust auth for user postgres to run them)");
    }
  }

  HikariDataSource pool(String name, String url, int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(url);
    config.setUsername(USER);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(1000);
    config.setValidationTimeout(500);
    config.setInitializationFailTimeout(-1);
    HikariDataSource ds = new HikariDataSource(config);
    resources.add(ds);
    return ds;
  }

  PostgresRevocationStore store(javax.sql.DataSource ds, String jvmId) {
    PostgresRevocationStore store = PostgresRevocationStore.builder(ds).schema(schema).channel(channel)
        .stalenessBound(BOUND).heartbeatInterval(Duration.ofMillis(200)).catchUpInterval(Duration.ofMillis(500))
        .jvmId(jvmId).build();
    resources.add(store);
    return store;
  }

  static Policy policy() {
    return Policy.builder()
        .identity(IdentityPolicy.builder(Identity.of("finance-bot", IdentityKind.AI_AGENT, "team-finance@example.com"))
            .allow("invoices:read", "invoices:list")
            .maxTtl(Duration.ofMinutes(15))
            .build())
        .identity(IdentityPolicy.builder(Identity.of("ci-pipeline", IdentityKind.PIPELINE, "team-platform@example.com"))
            .allow("deploy:prod")
            .maxTtl(Duration.ofMinutes(30))
            .build())
        .source("pg-fixture")
        .build();
  }

  /** An NhiPam over {@code store} with the fleet's key ring and an in-memory audit log. */
  NhiPam pam(KeyRing ring, RevocationStore store) {
    return pam(ring, store, AuditLog.of(AuditSinks.inMemory()));
  }

  NhiPam pam(KeyRing ring, RevocationStore store, AuditLog audit) {
    return pam(ring, store, audit, java.time.Clock.systemUTC());
  }

  NhiPam pam(KeyRing ring, RevocationStore store, AuditLog audit, java.time.Clock clock) {
    NhiPam pam = NhiPam.builder().policy(policy()).keyRing(ring).revocationStore(store).audit(audit)
        .clock(clock).build();
    resources.add(pam);
    return pam;
  }

  /** The same signing key in another "JVM": each instance gets its own KeyRing object. */
  static KeyRing copyOf(KeyRing ring) {
    return KeyRing.fromSecret(ring.exportSecretUnsafe(ring.activeKeyId()));
  }

  /** Polls {@code condition} until it holds or {@code timeout} passes; returns whether it held. */
  static boolean await(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.onSpinWait();
      java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
    }
    return condition.getAsBoolean();
  }

  @Override
  public void close() throws SQLException {
    // Newest first: NhiPam instances, then stores, then the pools they use.
    for (int i = resources.size() - 1; i >= 0; i--) {
      AutoCloseable r = resources.get(i);
      try {
        r.close();
      } catch (Exception ignored) {
        // Keep closing the rest.
      }
    }
    try (Connection c = DriverManager.getConnection(URL, USER, "");
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema.name() + " CASCADE");
    }
  }
}
