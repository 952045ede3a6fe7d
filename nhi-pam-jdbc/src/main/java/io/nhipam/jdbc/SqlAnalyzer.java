package io.nhipam.jdbc;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.hash.Hashing;
import io.nhipam.error.ReasonCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

/**
 * Analyses SQL statements with JSqlParser and caches the result by (dialect, schema, SQL text), so
 * a statement seen before costs one cache lookup. Thread-safe.
 *
 * <p>Refused outright (a rejected {@link StatementAnalysis}): text the parser cannot parse; more
 * than one statement; text the parser and the database could read differently (see
 * {@code LexicalCheck}: backslashes, dollar quotes, nested comments, over-long text); functions not
 * on the allow-list; constructs the analyser does not model.
 */
public final class SqlAnalyzer {
  /** Longest SQL text analysed; longer text is refused. */
  public static final int MAX_SQL_LENGTH = 65_536;

  private record Key(SqlDialect dialect, String schema, String sql) {}

  private final Cache<Key, StatementAnalysis> cache;
  /** Runs the parser under its timeout; JSqlParser would otherwise start a thread per parse. */
  private final ExecutorService parserThreads;

  private SqlAnalyzer(long maximumEntries) {
    this.cache = CacheBuilder.newBuilder().maximumSize(maximumEntries).build();
    this.parserThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        r -> {
          Thread t = new Thread(r, "nhipam-sql-parser");
          t.setDaemon(true);
          return t;
        });
  }

  /** An analyser that keeps up to {@code maximumEntries} analyses (at least 1). */
  public static SqlAnalyzer withCacheSize(long maximumEntries) {
    if (maximumEntries < 1) {
      throw new IllegalArgumentException("cache size must be at least 1, was " + maximumEntries);
    }
    return new SqlAnalyzer(maximumEntries);
  }

  /**
   * The analysis of {@code sql}, from the cache when it was seen before.
   *
   * @param schema the connection's current schema, used for unqualified table names (folded as the
   *     database reports it, e.g. {@code PUBLIC} on H2, {@code public} on PostgreSQL)
   */
  public StatementAnalysis analyze(String sql, SqlDialect dialect, String schema) {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(schema, "schema");
    try {
      return cache.get(new Key(dialect, schema, sql), () -> analyzeUncached(sql, dialect, schema, parserThreads));
    } catch (ExecutionException e) {
      throw new IllegalStateException("statement analysis failed", e.getCause());
    }
  }

  /** Number of analyses currently cached. */
  public long cachedEntries() {
    return cache.size();
  }

  /** A stable fingerprint of the SQL text (never of bound values): {@code sql-} and 16 hex digits. */
  public static String fingerprint(String sql) {
    return "sql-" + Hashing.sha256().hashString(sql, StandardCharsets.UTF_8).toString().substring(0, 16);
  }

  private static StatementAnalysis analyzeUncached(String sql, SqlDialect dialect, String schema,
      ExecutorService parser) {
    String fp = fingerprint(sql);
    try {
      LexicalCheck.check(sql);
      Statements parsed;
      try {
        parsed = CCJSqlParserUtil.parseStatements(sql, parser, p -> { });
      } catch (JSQLParserException | RuntimeException e) {
        throw new SqlRejectedException(ReasonCode.SQL_UNPARSEABLE, "the SQL text could not be parsed, so it is"
            + " refused (fail closed); check its syntax");
      }
      List<Statement> list = parsed == null ? List.of() : parsed;
      if (list.size() > 1) {
        throw new SqlRejectedException(ReasonCode.SQL_MULTIPLE_STATEMENTS, "the SQL text holds " + list.size()
            + " statements; a guarded connection runs exactly one statement per call");
      }
      if (list.isEmpty() || list.get(0) == null) {
        throw new SqlRejectedException(ReasonCode.SQL_UNPARSEABLE, "the SQL text holds no statement");
      }
      AnalysisBuilder b = new AnalysisBuilder(dialect, schema);
      QueryWalker q = new QueryWalker(b);
      List<OutputColumn> outputs = q.statements().statement(list.get(0), new NameScope(null));
      if (b.privilegedOnly()) {
        return b.build(fp, outputs); // other statement kinds are granted whole by their scope
      }
      AstAudit.verify(list.get(0), b.seen);
      return b.build(fp, outputs);
    } catch (SqlRejectedException e) {
      return StatementAnalysis.rejected(fp, dialect, schema, e.reason(), e.getMessage());
    } catch (RuntimeException e) {
      return StatementAnalysis.rejected(fp, dialect, schema, ReasonCode.SQL_UNPARSEABLE, "the statement could not"
          + " be analysed (" + e.getClass().getSimpleName() + "), so it is refused (fail closed)");
    }
  }


}
