package io.nhipam.bench;

import io.nhipam.audit.AuditLog;
import io.nhipam.credential.Credential;
import io.nhipam.credential.CredentialAuthority;
import io.nhipam.credential.KeyRing;
import io.nhipam.guard.Guard;
import io.nhipam.identity.Identity;
import io.nhipam.identity.IdentityKind;
import io.nhipam.jdbc.GuardedDataSource;
import io.nhipam.mask.Masker;
import io.nhipam.policy.IdentityPolicy;
import io.nhipam.policy.Policy;
import io.nhipam.scope.Scopes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Guarded JDBC against the same statements through the raw H2 {@link DataSource} and through a
 * bare datasource-proxy (no listeners: the least any JDBC wrapper costs).
 *
 * <p>H2 in memory, table {@code ITEMS} with 10,000 rows of ordinary text (no card numbers, nothing
 * the masker replaces). Each op prepares the statement (same text every time, so the guard's
 * analysis comes from its cache and H2's from its per-session query cache), binds, executes, reads
 * every column of every row, and closes statement and result set. {@code point}: one row by primary
 * key; {@code range}: 100 consecutive rows. Column sets ({@code columns}): {@code short} reads an
 * id, a short code, a quantity and an amount (two short strings the masker scans); {@code note}
 * adds a 200-character sentence of prose per row that the masker has to scan.
 *
 * <p>Connections: each benchmark thread gets one connection per data source in its setup and
 * keeps it (as an application with a connection pool would; no pool is measured).
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JdbcBenchmark {
  static final int ROWS = 10_000;
  static final int RANGE = 100;
  private static final String[] WORDS = {"order", "shipped", "customer", "warehouse", "pallet", "invoice", "north",
      "delivery", "courier", "window", "morning", "returned", "label", "carton", "fragile", "please", "handle",
      "the", "and", "with", "before", "after", "dock", "signed", "received"};

  @Param({"short", "note"})
  public String columns;

  DataSource raw;
  DataSource proxy;
  GuardedDataSource guarded;
  private Connection keepAlive;
  String pointSql;
  String rangeSql;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    QuietLogging.warnOnly();
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:jdbcbench;DB_CLOSE_DELAY=-1");
    raw = h2;
    keepAlive = h2.getConnection();
    try (Statement s = keepAlive.createStatement()) {
      s.execute("DROP TABLE IF EXISTS ITEMS");
      s.execute("CREATE TABLE ITEMS (ID INT PRIMARY KEY, SKU VARCHAR(16) NOT NULL, NAME VARCHAR(40) NOT NULL,"
          + " QTY INT NOT NULL, AMOUNT DECIMAL(12,2) NOT NULL, NOTE VARCHAR(400) NOT NULL)");
    }
    SplittableRandom rnd = new SplittableRandom(42);
    try (PreparedStatement ins = keepAlive.prepareStatement("INSERT INTO ITEMS VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < ROWS; i++) {
        ins.setInt(1, i);
        ins.setString(2, "SKU-" + (10_000 + i));
        ins.setString(3, WORDS[rnd.nextInt(WORDS.length)] + " " + WORDS[rnd.nextInt(WORDS.length)]);
        ins.setInt(4, rnd.nextInt(500));
        ins.setBigDecimal(5, java.math.BigDecimal.valueOf(rnd.nextInt(1_000_000), 2));
        ins.setString(6, prose(rnd, 200));
        ins.addBatch();
      }
      ins.executeBatch();
    }
    proxy = ProxyDataSourceBuilder.create(raw).build();

    String table = "db:PUBLIC.ITEMS:select";
    Policy policy = Policy.builder().source("benchmark")
        .identity(IdentityPolicy.builder(Identity.of("report-bot", IdentityKind.SERVICE_ACCOUNT, "bench-team"))
            .allow(table).maxTtl(Duration.ofHours(24)).build())
        .build();
    CredentialAuthority authority = CredentialAuthority.builder()
        .keyRing(KeyRing.generate()).policy(policy).audit(AuditLog.of(new DiscardingAuditSink())).build();
    Guard guard = new Guard(authority, AuditLog.of(new DiscardingAuditSink()), Masker.builder().defaultDetectors().build());
    Credential credential = authority.mint("report-bot", Scopes.parse(java.util.List.of(table)), Duration.ofHours(24));
    guarded = GuardedDataSource.wrap(raw, guard, () -> credential);

    String cols = "short".equals(columns) ? "ID, SKU, NAME, QTY, AMOUNT" : "ID, SKU, NAME, QTY, AMOUNT, NOTE";
    pointSql = "SELECT " + cols + " FROM ITEMS WHERE ID = ?";
    rangeSql = "SELECT " + cols + " FROM ITEMS WHERE ID >= ? AND ID < ? ORDER BY ID";
    requireSameRows();
  }

  /** The three paths must return the same, unmasked values before they are timed. */
  private void requireSameRows() throws SQLException {
    try (Connection r = raw.getConnection(); Connection p = proxy.getConnection(); Connection g = guarded.getConnection()) {
      for (int id : new int[] {0, 4_321, ROWS - RANGE}) {
        String a = dump(r, id);
        if (!a.equals(dump(p, id)) || !a.equals(dump(g, id)) || a.split("\n").length != RANGE) {
          throw new IllegalStateException("raw, proxy and guarded disagree on rows from " + id
              + " (did the masker change ordinary text?)");
        }
      }
    }
  }

  private String dump(Connection c, int from) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (PreparedStatement ps = c.prepareStatement(rangeSql)) {
      ps.setInt(1, from);
      ps.setInt(2, from + RANGE);
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= n; i++) {
            out.append(rs.getString(i)).append('|');
          }
          out.append('\n');
        }
      }
    }
    return out.toString();
  }

  private static String prose(SplittableRandom rnd, int length) {
    StringBuilder s = new StringBuilder(length + 16);
    while (s.length() < length) {
      s.append(WORDS[rnd.nextInt(WORDS.length)]).append(' ');
    }
    s.setLength(length - 1);
    return s.append('.').toString();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    keepAlive.close(); // last connection to the in-memory database
  }

  /** One connection per data source per benchmark thread, kept for the whole trial. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class Connections {
    Connection raw;
    Connection proxy;
    Connection guarded;
    int next;

    @Setup(Level.Trial)
    public void open(JdbcBenchmark b) throws SQLException {
      raw = b.raw.getConnection();
      proxy = b.proxy.getConnection();
      guarded = b.guarded.getConnection();
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      guarded.close();
      proxy.close();
      raw.close();
    }

    int nextId() {
      int id = next;
      next = (id + 7_919) % (ROWS - RANGE); // a prime stride: ids spread over the table
      return id;
    }
  }

  private static int point(Connection c, String sql, int id, Blackhole bh) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return readAll(rs, bh);
      }
    }
  }

  private static int range(Connection c, String sql, int id, Blackhole bh) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, id);
      ps.setInt(2, id + RANGE);
      try (ResultSet rs = ps.executeQuery()) {
        return readAll(rs, bh);
      }
    }
  }

  /** Reads every column as the application would: int, strings, int, decimal (and the note). */
  private static int readAll(ResultSet rs, Blackhole bh) throws SQLException {
    int rows = 0;
    boolean note = rs.getMetaData().getColumnCount() == 6;
    while (rs.next()) {
      bh.consume(rs.getInt(1));
      bh.consume(rs.getString(2));
      bh.consume(rs.getString(3));
      bh.consume(rs.getInt(4));
      bh.consume(rs.getBigDecimal(5));
      if (note) {
        bh.consume(rs.getString(6));
      }
      rows++;
    }
    return rows;
  }

  @Benchmark
  public int pointRaw(Connections c, Blackhole bh) throws SQLException {
    return point(c.raw, pointSql, c.nextId(), bh);
  }

  @Benchmark
  public int pointProxy(Connections c, Blackhole bh) throws SQLException {
    return point(c.proxy, pointSql, c.nextId(), bh);
  }

  @Benchmark
  public int pointGuarded(Connections c, Blackhole bh) throws SQLException {
    return point(c.guarded, pointSql, c.nextId(), bh);
  }

  @Benchmark
  public int rangeRaw(Connections c, Blackhole bh) throws SQLException {
    return range(c.raw, rangeSql, c.nextId(), bh);
  }

  @Benchmark
  public int rangeProxy(Connections c, Blackhole bh) throws SQLException {
    return range(c.proxy, rangeSql, c.nextId(), bh);
  }

  @Benchmark
  public int rangeGuarded(Connections c, Blackhole bh) throws SQLException {
    return range(c.guarded, rangeSql, c.nextId(), bh);
  }
}
