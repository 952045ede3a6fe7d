package io.nhipam.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nhipam.audit.AuditEvent;
import io.nhipam.audit.AuditEventType;
import io.nhipam.credential.Credential;
import io.nhipam.error.ReasonCode;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuardedDataSourceTest {
  private TestDatabase db;
  private GuardFixture fx;
  private final AtomicReference<Credential> current = new AtomicReference<>();
  private GuardedDataSource guarded;

  @BeforeEach
  void setUp() throws SQLException {
    db = TestDatabase.h2();
    fx = new GuardFixture(db.schema, true);
    guarded = GuardedDataSource.wrap(db.dataSource, fx.pam.guard(), current::get);
  }

  @AfterEach
  void tearDown() throws SQLException {
    db.close();
  }

  private Connection as(String identity) throws SQLException {
    current.set(fx.mint(identity));
    return guarded.getConnection();
  }

  @Test
  void unwrap_driverClass_deniedAndGuardedInterfaceReturnsItself() throws Exception {
    try (Connection c = as("finance"); Connection raw = db.dataSource.getConnection()) {
      assertThatThrownBy(() -> c.unwrap(raw.getClass())).isInstanceOfSatisfying(GuardedSQLException.class,
          e -> assertThat(e.reason()).isEqualTo(ReasonCode.UNSUPPORTED_OPERATION));
      assertThat(c.isWrapperFor(raw.getClass())).isFalse();
      assertThat(c.unwrap(Connection.class)).isSameAs(c);
      assertThat(guarded.isWrapperFor(DataSource.class)).isTrue();
      assertThat(guarded.unwrap(DataSource.class)).isSameAs(guarded);
      assertThatThrownBy(() -> guarded.unwrap(db.dataSource.getClass())).isInstanceOf(GuardedSQLException.class);
    }
  }

  @Test
  void sameSqlString_afterSetSchema_isAnalysedAgainstTheNewSchema() throws Exception {
    String other = db.schema + "_OTHER";
    try (Connection raw = db.dataSource.getConnection(); Statement s = raw.createStatement()) {
      s.execute("CREATE SCHEMA " + other);
      s.execute("CREATE TABLE " + other + ".invoices (id INT PRIMARY KEY)");
    }
    String sql = "SELECT id FROM invoices"; // one string instance, prepared twice on one connection
    try (Connection c = as("finance")) {
      try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).isTrue();
      }
      c.setSchema(other);
      assertThatThrownBy(() -> c.prepareStatement(sql)).isInstanceOfSatisfying(GuardedSQLException.class, e -> {
        assertThat(e.reason()).isEqualTo(ReasonCode.MISSING_SCOPE);
        assertThat(e.getMessage()).contains("lacks scope db:" + other + ".INVOICES:select");
      });
    } finally {
      try (Connection raw = db.dataSource.getConnection(); Statement s = raw.createStatement()) {
        s.execute("DROP SCHEMA " + other + " CASCADE");
      }
    }
  }

  @Test
  void backReferences_everyPath_returnGuardedObjects() throws Exception {
    try (Connection c = as("finance"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM invoices")) {
      assertThat(s.getConnection()).isSameAs(c);
      assertThat(rs.getStatement()).isSameAs(s);
      DatabaseMetaData md = c.getMetaData();
      assertThat(md.getConnection()).isSameAs(c);
      try (PreparedStatement p = c.prepareStatement("SELECT id FROM invoices WHERE id = ?")) {
        assertThat(p.getConnection()).isSameAs(c);
      }
      assertThat(rs.isWrapperFor(ResultSet.class)).isTrue();
      assertThat(rs.getMetaData().isWrapperFor(org.h2.jdbc.JdbcResultSetMetaData.class)).isFalse();
    }
  }

  @Test
  void nativeSqlAndLobFactories_denied() throws Exception {
    try (Connection c = as("finance")) {
      assertThatThrownBy(() -> c.nativeSQL("SELECT 1")).isInstanceOfSatisfying(GuardedSQLException.class, e -> {
        assertThat(e.reason()).isEqualTo(ReasonCode.UNSUPPORTED_OPERATION);
        assertThat(e.getSQLState()).isEqualTo("42501");
        assertThat(e.getMessage()).contains("nativeSQL");
      });
      assertThatThrownBy(c::createClob).isInstanceOfSatisfying(GuardedSQLException.class,
          e -> assertThat(e.reason()).isEqualTo(ReasonCode.UNSUPPORTED_OPERATION));
      assertThatThrownBy(c::getTypeMap).isInstanceOf(GuardedSQLException.class);
    }
  }

  @Test
  void resultSet_scrollAndUpdateMethods_denied() throws Exception {
    try (Connection c = as("finance"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, note FROM invoices")) {
      assertThat(rs.next()).isTrue();
      assertThatThrownBy(rs::previous).isInstanceOf(GuardedSQLException.class);
      assertThatThrownBy(() -> rs.updateString(2, "x")).isInstanceOf(GuardedSQLException.class);
      assertThatThrownBy(() -> rs.absolute(1)).isInstanceOf(GuardedSQLException.class);
    }
  }

  @Test
  void maskedColumn_everyTextGetter_returnsMaskedValue() throws Exception {
    try (Connection c = as("support"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT account_code AS a, card_number FROM customers")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("A")).isEqualTo("****-****7766");
      assertThat(rs.getObject(1)).isEqualTo("****-****7766");
      assertThat(rs.getObject(1, String.class)).isEqualTo("****-****7766");
      assertThat(rs.getNString(1)).isEqualTo("****-****7766");
      Clob clob = rs.getClob(1);
      assertThat(clob.getSubString(1, (int) clob.length())).isEqualTo("****-****7766");
      try (Reader r = rs.getCharacterStream(1)) {
        assertThat(new String(readAll(r))).isEqualTo("****-****7766");
      }
      try (InputStream in = rs.getBinaryStream(2)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).doesNotContain("4242 4242 4242")
            .endsWith("4242");
      }
      assertThat(rs.getString(2)).isEqualTo("**** **** **** 4242");
    }
  }

  @Test
  void maskedColumn_numericGetter_deniedAsInference() throws Exception {
    try (Connection c = as("support"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT account_code FROM customers")) {
      rs.next();
      assertThatThrownBy(() -> rs.getLong(1)).isInstanceOfSatisfying(GuardedSQLException.class,
          e -> assertThat(e.reason()).isEqualTo(ReasonCode.MASKED_COLUMN_INFERENCE));
    }
  }

  @Test
  void revealScope_columnComesBackClear() throws Exception {
    try (Connection c = as("revealer"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT account_code FROM customers")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo(TestDatabase.ACCOUNT);
    }
  }

  @Test
  void preparedStatement_credentialRevokedBetweenExecutions_secondExecutionDenied() throws Exception {
    try (Connection c = as("finance"); PreparedStatement p = c.prepareStatement("SELECT id FROM invoices WHERE id = ?")) {
      p.setInt(1, 1);
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).isTrue();
      }
      fx.pam.revoke(current.get());
      assertThatThrownBy(p::executeQuery).isInstanceOfSatisfying(GuardedSQLException.class,
          e -> assertThat(e.reason()).isEqualTo(ReasonCode.REVOKED));
    }
  }

  @Test
  void prepareStatement_forbiddenTable_deniedAtPrepare() throws Exception {
    try (Connection c = as("finance")) {
      assertThatThrownBy(() -> c.prepareStatement("SELECT * FROM payroll")).isInstanceOfSatisfying(
          GuardedSQLException.class, e -> {
            assertThat(e.reason()).isEqualTo(ReasonCode.MISSING_SCOPE);
            assertThat(e.decision().scope()).isEqualTo("db:" + db.schema + ".PAYROLL:select");
          });
    }
  }

  @Test
  void prepareCall_jdbcCallEscape_analysedAsCallAndDeniedWithoutExecuteScope() throws Exception {
    try (Connection c = as("finance")) {
      assertThatThrownBy(() -> c.prepareCall("{call evil(?)}")).isInstanceOfSatisfying(GuardedSQLException.class,
          e -> assertThat(e.decision().scope()).isEqualTo("db:" + db.schema + ".EVIL:execute"));
    }
  }

  @Test
  void prepareCall_withExecuteScope_runsAndMasksOutput() throws Exception {
    try (Connection c = as("operator"); CallableStatement call = c.prepareCall("CALL UPPER('my card 4242 4242 4242"
        + " 4242')")) {
      assertThat(call.getConnection()).isSameAs(c);
      assertThat(call.execute()).isTrue();
      try (ResultSet rs = call.getResultSet()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("MY CARD **** **** **** 4242");
      }
    }
  }

  @Test
  void audit_denial_carriesFingerprintNotSqlOrValues() throws Exception {
    try (Connection c = as("support"); PreparedStatement p = c.prepareStatement(
        "SELECT id FROM tickets WHERE body = ?")) {
      p.setString(1, "secret-value-42");
      p.executeQuery().close();
    }
    String fp = SqlAnalyzer.fingerprint("SELECT id FROM tickets WHERE body = ?");
    assertThat(fx.audit.events()).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.ALLOW);
      assertThat(e.correlationId()).contains(fp);
    });
    assertThat(fx.audit.events()).map(AuditEvent::toString).noneMatch(s -> s.contains("secret-value-42"));
  }

  @Test
  void audit_preparedStatement_oneAllowPerExecution_noneForThePrepare() throws Exception {
    String sql = "SELECT id FROM invoices WHERE id = ?";
    String fp = SqlAnalyzer.fingerprint(sql);
    try (Connection c = as("finance"); PreparedStatement p = c.prepareStatement(sql)) {
      assertThat(allowsOf(fp)).as("prepared, not yet executed").isZero();
      for (int i = 1; i <= 3; i++) {
        p.setInt(1, i);
        p.executeQuery().close();
        assertThat(allowsOf(fp)).as("after execution " + i).isEqualTo(i);
      }
    }
  }

  @Test
  void audit_deniedPrepare_recordedAsDenyWhereItIsWritten() throws Exception {
    String sql = "SELECT salary FROM payroll WHERE id = ?";
    try (Connection c = as("finance")) {
      assertThatThrownBy(() -> c.prepareStatement(sql)).isInstanceOfSatisfying(GuardedSQLException.class,
          e -> assertThat(e.reason()).isEqualTo(ReasonCode.MISSING_SCOPE));
    }
    assertThat(fx.audit.events()).last().satisfies(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.DENY);
      assertThat(e.reason()).contains("MISSING_SCOPE");
      assertThat(e.scope()).contains("db:" + db.schema + ".PAYROLL:select");
      assertThat(e.correlationId()).contains(SqlAnalyzer.fingerprint(sql));
    });
  }

  private long allowsOf(String fingerprint) {
    return fx.audit.events().stream()
        .filter(e -> e.type() == AuditEventType.ALLOW && e.correlationId().filter(fingerprint::equals).isPresent())
        .count();
  }

  @Test
  void audit_rejectedStatement_recordedAsDenyWithReason() throws Exception {
    try (Connection c = as("finance"); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("SELECT 1; DROP TABLE payroll")).isInstanceOf(GuardedSQLException.class);
    }
    assertThat(fx.audit.events()).last().satisfies(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.DENY);
      assertThat(e.reason()).contains("SQL_MULTIPLE_STATEMENTS");
      assertThat(e.correlationId()).contains(SqlAnalyzer.fingerprint("SELECT 1; DROP TABLE payroll"));
    });
  }

  @Test
  void rowLimit_truncate_auditedOnce() throws Exception {
    try (Connection c = as("truncated"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM invoices")) {
      int n = 0;
      while (rs.next()) {
        n++;
      }
      assertThat(n).isEqualTo(2);
    }
    assertThat(fx.audit.events()).filteredOn(e -> e.reason().orElse("").equals("ROW_LIMIT_EXCEEDED")).hasSize(1);
  }

  @Test
  void rowLimit_askingForTheResultSetAgain_doesNotResetTheCount() throws Exception {
    try (Connection c = as("truncated"); Statement s = c.createStatement()) {
      assertThat(s.execute("SELECT id FROM invoices")).isTrue();
      ResultSet first = s.getResultSet();
      assertThat(first.next()).isTrue();
      assertThat(first.next()).isTrue();
      ResultSet again = s.getResultSet();
      assertThat(again).isSameAs(first);
      assertThat(again.next()).isFalse();
    }
  }

  @Test
  void batch_reCheckedAtExecution_deniedAfterRevocation() throws Exception {
    try (Connection c = as("finance"); Statement s = c.createStatement()) {
      s.addBatch("UPDATE invoices SET note = 'a' WHERE id = 1");
      fx.pam.revoke(current.get());
      assertThatThrownBy(s::executeBatch).isInstanceOfSatisfying(GuardedSQLException.class,
          e -> assertThat(e.reason()).isEqualTo(ReasonCode.REVOKED));
    }
  }

  @Test
  void generatedKeys_withoutSelectOnWrittenTable_denied() throws Exception {
    current.set(fx.pam.mint("finance", io.nhipam.scope.Scopes.of("db:" + db.schema + ".INVOICES:update"),
        java.time.Duration.ofMinutes(5)));
    try (Connection c = guarded.getConnection()) {
      assertThatThrownBy(() -> c.prepareStatement("UPDATE invoices SET note = 'x' WHERE id = 1",
          new String[] {"NOTE"})).isInstanceOfSatisfying(GuardedSQLException.class, e -> {
            assertThat(e.reason()).isEqualTo(ReasonCode.MISSING_SCOPE);
            assertThat(e.decision().scope()).isEqualTo("db:" + db.schema + ".INVOICES:select");
          });
      try (Statement s = c.createStatement()) {
        assertThat(s.executeUpdate("UPDATE invoices SET note = 'x' WHERE id = 1")).isEqualTo(1);
        assertThatThrownBy(() -> s.executeUpdate("UPDATE invoices SET note = 'y' WHERE id = 1",
            Statement.RETURN_GENERATED_KEYS)).isInstanceOf(GuardedSQLException.class);
      }
    }
  }

  @Test
  void metadataListing_comesBackGuarded() throws Exception {
    try (Connection c = as("finance"); ResultSet rs = c.getMetaData().getTables(null, db.schema, "%", null)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getStatement()).isNull();
      assertThat(rs.isWrapperFor(org.h2.jdbc.JdbcResultSet.class)).isFalse();
    }
  }

  @Test
  void builder_optionSetTwice_refused() {
    GuardedDataSource.Builder b = GuardedDataSource.builder(db.dataSource, fx.pam.guard(), current::get)
        .dialect(SqlDialect.H2);
    assertThatThrownBy(() -> b.dialect(SqlDialect.H2)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already set");
    assertThatThrownBy(() -> GuardedDataSource.wrap(guarded, fx.pam.guard(), current::get))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already guarded");
  }

  private static char[] readAll(Reader r) throws java.io.IOException {
    StringBuilder sb = new StringBuilder();
    for (int ch; (ch = r.read()) >= 0; ) {
      sb.append((char) ch);
    }
    return sb.toString().toCharArray();
  }
}
