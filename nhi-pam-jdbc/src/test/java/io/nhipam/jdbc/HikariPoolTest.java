package io.nhipam.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.nhipam.credential.Credential;
import io.nhipam.error.ReasonCode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guard under a pool (HikariCP wraps the guarded DataSource) and over one (the guard wraps HikariCP). */
class HikariPoolTest {
  private TestDatabase db;
  private GuardFixture fx;
  private final AtomicReference<Credential> current = new AtomicReference<>();

  @BeforeEach
  void setUp() throws SQLException {
    db = TestDatabase.h2();
    fx = new GuardFixture(db.schema, true);
  }

  @AfterEach
  void tearDown() throws SQLException {
    db.close();
  }

  private static HikariDataSource pool(DataSource ds) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(ds);
    config.setMaximumPoolSize(2);
    config.setPoolName("guard-test");
    return new HikariDataSource(config);
  }

  @Test
  void hikariOverGuard_pooledConnectionsStayGuardedAcrossCredentials() throws Exception {
    try (HikariDataSource pool = pool(GuardedDataSource.wrap(db.dataSource, fx.pam.guard(), current::get))) {
      assertFinanceReadsInvoicesNotPayroll(pool);
      assertSupportSeesMaskedAccount(pool);
      try (Connection c = pool.getConnection(); Connection raw = db.dataSource.getConnection()) {
        assertThatThrownBy(() -> c.unwrap(raw.getClass())).isInstanceOf(SQLException.class);
      }
    }
  }

  @Test
  void guardOverHikari_checksAndMasksEveryStatement() throws Exception {
    try (HikariDataSource pool = pool(db.dataSource)) {
      GuardedDataSource guarded = GuardedDataSource.wrap(pool, fx.pam.guard(), current::get);
      assertFinanceReadsInvoicesNotPayroll(guarded);
      assertSupportSeesMaskedAccount(guarded);
      try (Connection c = guarded.getConnection()) {
        assertThatThrownBy(() -> c.unwrap(com.zaxxer.hikari.pool.HikariProxyConnection.class))
            .isInstanceOfSatisfying(GuardedSQLException.class,
                e -> assertThat(e.reason()).isEqualTo(ReasonCode.UNSUPPORTED_OPERATION));
      }
    }
  }

  private void assertFinanceReadsInvoicesNotPayroll(DataSource ds) throws SQLException {
    current.set(fx.mint("finance"));
    for (int round = 0; round < 3; round++) { // more rounds than pooled connections: reuse is covered
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM invoices")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(3);
        }
        assertThatThrownBy(() -> s.executeQuery("SELECT * FROM payroll")).isInstanceOfSatisfying(
            GuardedSQLException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.MISSING_SCOPE));
      }
    }
  }

  private void assertSupportSeesMaskedAccount(DataSource ds) throws SQLException {
    current.set(fx.mint("support"));
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT account_code FROM customers")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("****-****7766");
    }
  }
}
