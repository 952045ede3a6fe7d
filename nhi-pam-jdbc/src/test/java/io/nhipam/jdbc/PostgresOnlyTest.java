package io.nhipam.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nhipam.credential.Credential;
import io.nhipam.error.ReasonCode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** PostgreSQL syntax H2 does not share: RETURNING, data-modifying CTEs, UPDATE ... FROM. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresOnlyTest {
  private TestDatabase db;
  private GuardFixture fx;
  private final AtomicReference<Credential> current = new AtomicReference<>();
  private GuardedDataSource guarded;

  @BeforeAll
  void setUp() throws SQLException {
    db = TestDatabase.postgres();
    fx = new GuardFixture(db.schema, false);
    guarded = GuardedDataSource.wrap(db.dataSource, fx.pam.guard(), current::get);
  }

  @AfterAll
  void tearDown() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void returning_writtenRowComesBackThroughTheGuard() throws Exception {
    current.set(fx.mint("finance"));
    try (Connection c = guarded.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("INSERT INTO invoices (id, amount, note) VALUES (40, 1,"
            + " 'card 4242 4242 4242 4242') RETURNING id, note")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(40);
      assertThat(rs.getString(2)).isEqualTo("card **** **** **** 4242");
    }
  }

  @Test
  void callableOutParameter_maskedLikeAResultValue() throws Exception {
    current.set(fx.mint("operator"));
    try (Connection c = guarded.getConnection(); java.sql.CallableStatement call = c.prepareCall("{? = call upper(?)}")) {
      call.registerOutParameter(1, java.sql.Types.VARCHAR);
      call.setString(2, "card 4242 4242 4242 4242");
      call.execute();
      assertThat(call.getString(1)).isEqualTo("CARD **** **** **** 4242");
      assertThat(call.getObject(1)).isEqualTo("CARD **** **** **** 4242");
    }
  }

  @Test
  void callableStatement_withoutExecuteScope_deniedNamingTheProcedure() throws Exception {
    current.set(fx.mint("finance"));
    try (Connection c = guarded.getConnection()) {
      assertThatThrownBy(() -> c.prepareCall("{? = call upper(?)}")).isInstanceOfSatisfying(
          GuardedSQLException.class, e -> assertThat(e.decision().scope())
              .isEqualTo("db:" + db.schema + ".upper:execute"));
    }
  }

  @Test
  void generatedKeysByColumnName_needSelectOnTheWrittenTable() throws Exception {
    current.set(fx.mint("operator")); // may run DDL and calls, may not read or write customers
    try (Connection c = guarded.getConnection(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("UPDATE invoices SET note = note WHERE id = 2",
          new String[] {"note"})).isInstanceOfSatisfying(GuardedSQLException.class,
              e -> assertThat(e.decision().scope()).endsWith(".invoices:update"));
    }
  }

  @Test
  void generatedKeys_maskedColumnsOfTheWrittenTableStayMasked() throws Exception {
    current.set(fx.mint("finance"));
    try (Connection c = guarded.getConnection(); java.sql.PreparedStatement p = c.prepareStatement(
        "UPDATE invoices SET note = ? WHERE id = 3", Statement.RETURN_GENERATED_KEYS)) {
      p.setString(1, "card 4242 4242 4242 4242");
      assertThat(p.executeUpdate()).isEqualTo(1);
      try (ResultSet keys = p.getGeneratedKeys()) {
        assertThat(keys.next()).isTrue();
        assertThat(keys.getString("note")).isEqualTo("card **** **** **** 4242");
        assertThat(keys.getStatement()).isSameAs(p);
      }
    }
  }

  @Test
  void dataModifyingCte_needsTheDeleteScope() throws Exception {
    current.set(fx.mint("finance"));
    try (Connection c = guarded.getConnection(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("WITH d AS (DELETE FROM payroll RETURNING *) SELECT * FROM d"))
          .isInstanceOfSatisfying(GuardedSQLException.class, e -> {
            assertThat(e.reason()).isEqualTo(ReasonCode.MISSING_SCOPE);
            assertThat(e.decision().scope()).startsWith("db:" + db.schema + ".payroll:");
          });
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM invoices WHERE id < 40")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(3);
      }
    }
  }

  @Test
  void updateFrom_readingAllowedTable_runs() throws Exception {
    current.set(fx.mint("finance"));
    try (Connection c = guarded.getConnection(); Statement s = c.createStatement()) {
      int n = s.executeUpdate("UPDATE invoices i SET note = t.body FROM tickets t WHERE t.id = i.id AND i.id = 1");
      assertThat(n).isEqualTo(1);
      try (ResultSet rs = s.executeQuery("SELECT note FROM invoices WHERE id = 1")) {
        rs.next();
        assertThat(rs.getString(1)).doesNotContain("4242-4242-4242-4242").endsWith("was declined");
      }
    }
  }

  @Test
  void updateReturning_withoutUpdateScope_deniedBeforeAnythingIsWritten() throws Exception {
    current.set(fx.mint("support"));
    try (Connection c = guarded.getConnection(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("UPDATE customers SET name = name RETURNING account_code"))
          .isInstanceOfSatisfying(GuardedSQLException.class,
              e -> assertThat(e.decision().scope()).endsWith(".customers:update"));
    }
  }
}
