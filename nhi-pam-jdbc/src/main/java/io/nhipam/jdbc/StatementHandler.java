package io.nhipam.jdbc;

import io.nhipam.credential.Credential;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A guarded {@link Statement}, {@link java.sql.PreparedStatement} or
 * {@link java.sql.CallableStatement}: every execution is checked (a prepared statement's analysis
 * is cached, the credential check runs each time), batches are re-checked at execution, result
 * sets come back guarded and masked, out-parameters of calls are masked.
 */
final class StatementHandler extends GuardHandler {
  private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");
  private static final Set<String> PASS = Set.of("getMoreResults", "getUpdateCount", "getLargeUpdateCount",
      "setMaxRows", "getMaxRows", "setLargeMaxRows", "getLargeMaxRows", "setFetchSize", "getFetchSize",
      "setFetchDirection", "getFetchDirection", "setQueryTimeout", "getQueryTimeout", "cancel", "close", "isClosed",
      "getWarnings", "clearWarnings", "getResultSetConcurrency", "getResultSetType", "getResultSetHoldability",
      "setPoolable", "isPoolable", "closeOnCompletion", "isCloseOnCompletion", "setMaxFieldSize", "getMaxFieldSize",
      "clearParameters", "registerOutParameter", "wasNull", "enquoteLiteral", "enquoteIdentifier",
      "isSimpleIdentifier", "enquoteNCharLiteral");
  private static final Set<String> DENY = Set.of("setCursorName", "setEscapeProcessing");

  private final Connection connection;
  private final ConnectionHandler owner;
  private final @Nullable StatementAnalysis prepared;
  private final boolean preparedWithKeys;
  private final List<StatementAnalysis> batch = new ArrayList<>();
  private @Nullable StatementAnalysis last;
  private @Nullable Credential lastCredential;
  /** The driver's current result set and its guard: asking again must not reset the row count. */
  private @Nullable ResultSet currentRaw;
  private @Nullable ResultSet currentGuarded;

  private StatementHandler(Class<?> type, JdbcGate gate, Connection connection, ConnectionHandler owner,
      Statement target, @Nullable StatementAnalysis prepared, boolean preparedWithKeys) {
    super(gate, target, type);
    this.preparedWithKeys = preparedWithKeys;
    this.connection = connection;
    this.owner = owner;
    this.prepared = prepared;
  }

  static <T extends Statement> T wrap(Class<T> type, JdbcGate gate, Connection connection, ConnectionHandler owner,
      Statement target, @Nullable StatementAnalysis prepared, boolean preparedWithKeys)
      throws java.sql.SQLException {
    if (prepared == null) {
      target.setEscapeProcessing(false); // JDBC escapes are rewritten by the driver after our check
    }
    return proxy(type, new StatementHandler(type, gate, connection, owner, target, prepared, preparedWithKeys));
  }

  @Override
  @Nullable Object handle(Object proxy, Method m, String name, Object[] args) throws Throwable {
    if (in(PASS, name)) {
      return pass(m, args);
    }
    if (in(DENY, name)) {
      throw denied(m);
    }
    boolean sqlGiven = args.length > 0 && args[0] instanceof String && !name.startsWith("set")
        && !name.startsWith("get");
    if (in(EXECUTE, name) || name.equals("addBatch")) {
      StatementAnalysis a;
      if (sqlGiven) {
        a = owner.analyze((String) args[0]);
      } else if (prepared != null && args.length == 0) {
        a = prepared;
      } else {
        throw denied(m);
      }
      Credential c = gate.credential();
      gate.check(a, c);
      if ((sqlGiven && JdbcGate.asksForKeys(args)) || (!sqlGiven && preparedWithKeys)) {
        gate.checkGeneratedKeys(a, c);
      }
      if (name.equals("addBatch")) {
        batch.add(a);
        return pass(m, args);
      }
      last = a;
      lastCredential = c;
      Object r = pass(m, args);
      return r instanceof ResultSet rs ? results(proxy, rs) : r;
    }
    switch (name) {
      case "executeBatch", "executeLargeBatch" -> {
        Credential c = gate.credential();
        for (StatementAnalysis a : batch) {
          gate.check(a, c);
          if (preparedWithKeys) {
            gate.checkGeneratedKeys(a, c);
          }
        }
        if (!batch.isEmpty()) {
          last = batch.get(batch.size() - 1); // generated keys of a batch come from its statement
          lastCredential = c;
        }
        batch.clear();
        return pass(m, args);
      }
      case "clearBatch" -> {
        batch.clear();
        return pass(m, args);
      }
      case "getResultSet" -> {
        ResultSet rs = (ResultSet) pass(m, args);
        return rs == null ? null : results(proxy, rs);
      }
      case "getGeneratedKeys" -> {
        ResultSet rs = (ResultSet) pass(m, args);
        if (rs == null) {
          return null;
        }
        return ResultSetHandler.wrap(gate, (Statement) proxy, rs, last == null ? null : last.generatedKeys(),
            lastCredential);
      }
      case "getConnection" -> {
        return connection;
      }
      case "getMetaData" -> {
        ResultSetMetaData md = (ResultSetMetaData) pass(m, args);
        return md == null ? null : PassiveHandler.wrap(gate, ResultSetMetaData.class, md);
      }
      case "getParameterMetaData" -> {
        return PassiveHandler.wrap(gate, ParameterMetaData.class, pass(m, args));
      }
      default -> {
        if (name.startsWith("set") && prepared != null) {
          return pass(m, args); // parameter setters of prepared and callable statements
        }
        if (name.startsWith("get") && prepared != null && args.length >= 1) {
          return ValueMasking.outParameter(this, m, args, lastCredential, last);
        }
        throw denied(m);
      }
    }
  }

  private ResultSet results(Object proxy, ResultSet rs) throws java.sql.SQLException {
    if (rs != currentRaw || currentGuarded == null) {
      currentGuarded = ResultSetHandler.wrap(gate, (Statement) proxy, rs, last, lastCredential);
      currentRaw = rs;
    }
    return currentGuarded;
  }
}
