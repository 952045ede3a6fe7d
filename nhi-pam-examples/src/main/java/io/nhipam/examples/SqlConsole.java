package io.nhipam.examples;

import io.nhipam.jdbc.GuardedSQLException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Runs one query through a (guarded) DataSource and prints ALLOW with the rows, or DENY with the reason. */
final class SqlConsole {
  private final StoryConsole console;
  private final DataSource dataSource;

  SqlConsole(StoryConsole console, DataSource dataSource) {
    this.console = console;
    this.dataSource = dataSource;
  }

  /** Returns the rows printed, each as "a | b | c"; empty when denied. */
  List<String> query(String label, String sql) {
    List<String> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          cells.add(String.valueOf(rs.getString(i)));
        }
        rows.add(String.join(" | ", cells));
      }
      console.verdict(true, label, rows.isEmpty() ? "(no rows)" : rows.get(0));
      for (int i = 1; i < rows.size(); i++) {
        console.verdict(true, "", rows.get(i));
      }
    } catch (GuardedSQLException e) {
      console.decision(label, e.decision());
    } catch (SQLException e) {
      console.verdict(false, label, "SQL error " + e.getSQLState() + ": " + e.getMessage());
    }
    return rows;
  }
}
