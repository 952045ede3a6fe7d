package io.nhipam.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.nhipam.credential.Credential;
import io.nhipam.error.ReasonCode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs the bypass corpus ({@code bypass-corpus.txt}: one case a line, {@code identity | outcome |
 * reason | sql}) against a database through a guarded DataSource.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CorpusTestBase {
  record Case(int line, String identity, String outcome, String reason, String sql) {}

  private TestDatabase db;
  private GuardFixture fx;
  private GuardedDataSource guarded;
  private final AtomicReference<Credential> current = new AtomicReference<>();
  private final Map<String, Credential> credentials = new HashMap<>();

  abstract TestDatabase open() throws SQLException;

  @BeforeAll
  void setUp() throws SQLException {
    db = open();
    fx = new GuardFixture(db.schema, db.upper);
    guarded = GuardedDataSource.wrap(db.dataSource, fx.pam.guard(), current::get);
  }

  @AfterAll
  void tearDown() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  static List<Case> corpus() throws Exception {
    List<Case> cases = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        CorpusTestBase.class.getResourceAsStream("bypass-corpus.txt"), StandardCharsets.UTF_8))) {
      int n = 0;
      for (String line; (line = r.readLine()) != null; ) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] p = line.split("\\|", 4);
        if (p.length != 4) {
          throw new IllegalStateException("bypass-corpus.txt line " + n + " needs 4 fields: " + line);
        }
        cases.add(new Case(n, p[0].trim(), p[1].trim(), p[2].trim(), p[3].trim().replace("\\n", "\n")));
      }
    }
    return cases;
  }

  @TestFactory
  Stream<DynamicTest> bypassCorpus_eachCase_hasItsExpectedOutcome() throws Exception {
    return corpus().stream().map(c -> DynamicTest.dynamicTest("line " + c.line() + " " + c.identity() + " "
        + c.outcome() + " " + c.reason() + ": " + c.sql(), () -> run(c)));
  }

  private String sql(Case c) {
    return c.sql().replace("${s}", db.schema.toLowerCase(java.util.Locale.ROOT)).replace("${S}", db.schema);
  }

  private void run(Case c) throws Exception {
    current.set(c.identity().equals("-") ? null
        : credentials.computeIfAbsent(c.identity(), fx::mint));
    String sql = sql(c);
    switch (c.outcome()) {
      case "DENY" -> assertThatThrownBy(() -> execute(sql)).isInstanceOfSatisfying(GuardedSQLException.class, e -> {
        assertThat(e.getSQLState()).isEqualTo("42501");
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(ReasonCode.valueOf(c.reason()));
        assertThat(e.decision().isDenied()).isTrue();
      });
      case "ALLOW" -> execute(sql);
      case "MASK" -> {
        List<String> cells = execute(sql);
        assertThat(cells).as("rows returned").isNotEmpty();
        assertThat(String.join("\n", cells)).doesNotContain(TestDatabase.CARD).doesNotContain("99887766")
            .doesNotContain("4242-4242-4242-4242").contains("*");
      }
      case "REVEAL" -> assertThat(execute(sql)).contains(TestDatabase.ACCOUNT);
      case "ROWS" -> assertThat(execute(sql)).hasSize(Integer.parseInt(c.reason()));
      default -> fail("unknown outcome " + c.outcome() + " on line " + c.line());
    }
  }

  /** Runs the case and returns every cell read with getString. */
  private List<String> execute(String sql) throws SQLException {
    try (Connection conn = guarded.getConnection()) {
      if (sql.startsWith("@nativeSQL ")) {
        conn.nativeSQL(sql.substring(11));
        return List.of();
      }
      if (sql.equals("@unwrap")) {
        try (Connection raw = db.dataSource.getConnection()) {
          conn.unwrap(raw.getClass());
        }
        return List.of();
      }
      if (sql.startsWith("@metadata ")) {
        try (Statement s = conn.getMetaData().getConnection().createStatement()) {
          return read(s.execute(sql.substring(10)) ? s.getResultSet() : null);
        }
      }
      if (sql.startsWith("@prepared ")) {
        try (PreparedStatement p = conn.prepareStatement(sql.substring(10))) {
          p.setInt(1, 1);
          return read(p.executeQuery());
        }
      }
      if (sql.startsWith("@batch ")) {
        try (Statement s = conn.createStatement()) {
          s.addBatch(sql.substring(7));
          s.executeBatch();
          return List.of();
        }
      }
      try (Statement s = conn.createStatement()) {
        return read(s.execute(sql) ? s.getResultSet() : null);
      }
    }
  }

  private static List<String> read(ResultSet rs) throws SQLException {
    List<String> cells = new ArrayList<>();
    if (rs == null) {
      return cells;
    }
    try (rs) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(rs.getString(i)).append(i < n ? "," : "");
        }
        cells.add(row.toString());
      }
    }
    return cells;
  }
}
