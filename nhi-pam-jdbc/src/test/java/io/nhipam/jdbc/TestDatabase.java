package io.nhipam.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database for the suite with its own schema, created fresh and dropped at close: H2 in memory,
 * or PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres}). PostgreSQL
 * skips with a message when unreachable, unless the environment variable CI is "true".
 */
final class TestDatabase implements AutoCloseable {
  static final String CARD = "4242 4242 4242 4242";
  static final String ACCOUNT = "ACCT-99887766";

  final DataSource dataSource;
  final String schema;
  final boolean upper;
  final SqlDialect dialect;
  private final Connection keepAlive;

  private TestDatabase(DataSource dataSource, String schema, boolean upper, SqlDialect dialect, Connection keepAlive) {
    this.dataSource = dataSource;
    this.schema = schema;
    this.upper = upper;
    this.dialect = dialect;
    this.keepAlive = keepAlive;
  }

  static TestDatabase h2() throws SQLException {
    String name = "g" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String schema = "GUARD_" + name.toUpperCase(Locale.ROOT);
    JdbcDataSource setup = new JdbcDataSource();
    setup.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    Connection keep = setup.getConnection();
    create(keep, schema);
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;SCHEMA=" + schema);
    return new TestDatabase(ds, schema, true, SqlDialect.H2, keep);
  }

  static TestDatabase postgres() throws SQLException {
    String schema = "guard_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    PGSimpleDataSource setup = new PGSimpleDataSource();
    setup.setServerNames(new String[] {"127.0.0.1"});
    setup.setPortNumbers(new int[] {5432});
    setup.setDatabaseName("test");
    setup.setUser("postgres");
    setup.setConnectTimeout(3);
    Connection keep;
    try {
      keep = setup.getConnection();
    } catch (SQLException e) {
      String msg = "PostgreSQL at 127.0.0.1:5432 (database test, user postgres) is unreachable: " + e.getMessage();
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(msg + "; CI=true requires it", e);
      }
      Assumptions.abort(msg + "; skipping the PostgreSQL suite");
      throw e;
    }
    create(keep, schema);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"127.0.0.1"});
    ds.setPortNumbers(new int[] {5432});
    ds.setDatabaseName("test");
    ds.setUser("postgres");
    ds.setCurrentSchema(schema);
    return new TestDatabase(ds, schema, false, SqlDialect.POSTGRESQL, keep);
  }

  private static void create(Connection c, String schema) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
      s.execute("CREATE TABLE " + schema + ".invoices (id INT PRIMARY KEY, amount INT, note VARCHAR(200))");
      s.execute("CREATE TABLE " + schema + ".payroll (id INT PRIMARY KEY, name VARCHAR(100), salary INT)");
      s.execute("CREATE TABLE " + schema + ".customers (id INT PRIMARY KEY, name VARCHAR(100),"
          + " card_number VARCHAR(40), account_code VARCHAR(40))");
      s.execute("CREATE TABLE " + schema + ".tickets (id INT PRIMARY KEY, customer_id INT, body VARCHAR(400))");
      s.execute("INSERT INTO " + schema + ".invoices VALUES (1, 100, 'paid'), (2, 200, 'open'), (3, 300, 'late')");
      s.execute("INSERT INTO " + schema + ".payroll VALUES (1, 'Ada', 9000), (2, 'Bob', 8000)");
      s.execute("INSERT INTO " + schema + ".customers VALUES (1, 'Ada', '" + CARD + "', '" + ACCOUNT + "')");
      s.execute("INSERT INTO " + schema + ".tickets VALUES (1, 1, 'my card 4242-4242-4242-4242 was declined')");
    }
  }

  @Override
  public void close() throws SQLException {
    try (Statement s = keepAlive.createStatement()) {
      s.execute(dialect == SqlDialect.H2 ? "DROP SCHEMA " + schema + " CASCADE" : "DROP SCHEMA " + schema + " CASCADE");
    } finally {
      keepAlive.close();
    }
  }
}
