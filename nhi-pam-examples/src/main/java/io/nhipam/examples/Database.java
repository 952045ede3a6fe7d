package io.nhipam.examples;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Embedded H2 databases for the stories, created fresh for each run. */
final class Database {
  private Database() {}

  static DataSource h2(String name, String... statements) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the example database " + name, e);
    }
    return ds;
  }

  static DataSource finance() {
    return h2("finance",
        "CREATE TABLE invoices (id VARCHAR(16) PRIMARY KEY, customer VARCHAR(64), amount DECIMAL(10,2), due DATE)",
        "INSERT INTO invoices VALUES ('INV-1001', 'Acme GmbH', 1200.00, DATE '2027-01-15'),"
            + " ('INV-1002', 'Globex Ltd', 530.50, DATE '2027-01-31')",
        "CREATE TABLE payroll (employee VARCHAR(64) PRIMARY KEY, salary DECIMAL(10,2))",
        "INSERT INTO payroll VALUES ('cfo', 185000.00), ('engineer-7', 98000.00)");
  }

  static DataSource support() {
    return h2("support",
        "CREATE TABLE tickets (id INT PRIMARY KEY, customer VARCHAR(64), body VARCHAR(1000), meta VARCHAR(1000))",
        "INSERT INTO tickets VALUES (1, 'customer-7', 'My card 4242 4242 4242 4242 was charged twice.',"
            + " '{\"payment\":{\"card\":\"5555-5555-5555-4444\",\"last_order\":\"ORD-2026-0042\"}}')",
        "INSERT INTO tickets VALUES (2, 'customer-9', 'Please refund to 4111111111111111, thanks!',"
            + " '{\"card_number\":378282246310005,\"note\":\"amex on file\"}')");
  }
}
