package io.nhipam.bench;

import io.nhipam.jdbc.SqlAnalyzer;
import io.nhipam.jdbc.SqlDialect;
import io.nhipam.jdbc.StatementAnalysis;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statements;
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

/**
 * What a statement costs the guarded DataSource the first time its text is seen: {@link
 * SqlAnalyzer#analyze} on a text it has not cached (every op binds a different literal, so every
 * op is a miss: lexical check, JSqlParser on the analyser's parser thread, our walker, the AST
 * audit, the fingerprint), against JSqlParser alone parsing the same texts on an executor of the
 * same kind (the floor for any JSqlParser-based analysis), and against a cache hit (what every
 * later execution of a statement pays).
 *
 * <p>Statements: {@code point} and {@code range} are those of {@link JdbcBenchmark}; {@code join}
 * is a two-table join with a CTE and a subquery.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SqlAnalysisBenchmark {
  @Param({"point", "range", "join"})
  public String statement;

  private String prefix;
  private SqlAnalyzer analyzer;
  private ExecutorService parserThreads;
  private String cachedSql;
  private long next;

  @Setup(Level.Trial)
  public void setUp() {
    prefix = switch (statement) {
      case "point" -> "SELECT ID, SKU, NAME, QTY, AMOUNT FROM ITEMS WHERE ID = ";
      case "range" -> "SELECT ID, SKU, NAME, QTY, AMOUNT, NOTE FROM ITEMS WHERE ID >= 100 AND ID < ";
      case "join" -> "WITH recent AS (SELECT ORDER_ID, SUM(AMOUNT) AS TOTAL FROM ORDER_LINES GROUP BY ORDER_ID)"
          + " SELECT o.ID, o.CUSTOMER, r.TOTAL FROM ORDERS o JOIN recent r ON r.ORDER_ID = o.ID"
          + " WHERE o.STATUS IN (SELECT CODE FROM STATUSES WHERE OPEN = TRUE) AND o.ID > ";
      default -> throw new IllegalArgumentException("unknown statement " + statement);
    };
    analyzer = SqlAnalyzer.withCacheSize(1_000);
    parserThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>());
    cachedSql = prefix + "42";
    StatementAnalysis a = analyzer.analyze(cachedSql, SqlDialect.H2, "PUBLIC");
    if (a.isRejected() || a.requiredScopes().isEmpty()) {
      throw new IllegalStateException("the " + statement + " statement must be analysed, not refused: " + a);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    parserThreads.shutdownNow();
  }

  /** A text never seen before (a new literal each op); the analyser's cache is a miss every time. */
  @Benchmark
  public StatementAnalysis analyzeFirstSeen() {
    return analyzer.analyze(prefix + (next++), SqlDialect.H2, "PUBLIC");
  }

  /** Peer: JSqlParser parsing the same texts (no analysis), on the same kind of executor. */
  @Benchmark
  public Statements jsqlParserOnly() throws JSQLParserException {
    return CCJSqlParserUtil.parseStatements(prefix + (next++), parserThreads, p -> { });
  }

  /** The same text again: what every later execution of a prepared text pays. */
  @Benchmark
  public StatementAnalysis analyzeCached() {
    return analyzer.analyze(cachedSql, SqlDialect.H2, "PUBLIC");
  }
}
