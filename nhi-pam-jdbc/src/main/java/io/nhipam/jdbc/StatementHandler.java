package io.nhipam.jdbc;

import io.nhipam.credential.Credential;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
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
  private static final Set<String> PASS = Set.of("getMoreResults", "getUpdateCount", "getLargeUpdateCount",
      "setMaxRows", "getMaxRows", "setLargeMaxRows", "getLargeMaxRows", "setFetchSize", "getFetchSize",
      "setFetchDirection", "getFetchDirection", "setQueryTimeout", "getQueryTimeout", "cancel", "close", "isClosed",
      "getWarnings", "clearWarnings", "getResultSetConcurrency", "getResultSetType", "getResultSetHoldability",
      "setPoolable", "isPoolable", "closeOnCompletion", "isCloseOnCompletion", "setMaxFieldSize", "getMaxFieldSize",
      "clearParameters", "registerOutParameter", "wasNull", "enquoteLiteral", "enquoteIdentifier",
      "isSimpleIdentifier", "enquoteNCharLiteral");

  private static final ClassValue<MethodTable> TABLES = MethodTable.cache(StatementHandler::classify);

  private final Statement statement;
  private final Connection connection;
  private final ConnectionHandler owner;
  private final @Nullable StatementAnalysis prepared;
  private final boolean preparedWithKeys;
  /** The analyses of the batch being built; made on the first {@code addBatch}. */
  private @Nullable List<StatementAnalysis> batch;
  private @Nullable StatementAnalysis last;
  private @Nullable Credential lastCredential;
  /** The driver's current result set and its guard: asking again must not reset the row count. */
  private @Nullable ResultSet currentRaw;
  private @Nullable ResultSet currentGuarded;

  private StatementHandler(Class<?> type, JdbcGate gate, Connection connection, ConnectionHandler owner,
      Statement target, @Nullable StatementAnalysis prepared, boolean preparedWithKeys) {
    super(gate, target, type, TABLES);
    this.statement = target;
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
    StatementHandler h = new StatementHandler(type, gate, connection, owner, target, prepared, preparedWithKeys);
    return type == PreparedStatement.class ? type.cast(new GuardedPreparedStatement(h)) : proxy(type, h);
  }

  /** The table of {@link Statement} and its prepared and callable forms: see the class comment. */
  static MethodTable.Entry classify(Class<?> iface, Method m) {
    String name = m.getName();
    Class<?>[] params = m.getParameterTypes();
    boolean prepared = PreparedStatement.class.isAssignableFrom(iface);
    if (PASS.contains(name)) {
      return MethodTable.allow(name.equals("close") && params.length == 0 ? Op.CLOSE : Op.PASS);
    }
    switch (name) {
      case "setCursorName" -> {
        return MethodTable.deny(iface, m, "positioned updates through a named cursor are not analysed");
      }
      case "setEscapeProcessing" -> {
        return MethodTable.deny(iface, m, "the driver would rewrite JDBC escapes after the guard's check, so"
            + " escape processing stays off");
      }
      case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch" -> {
        boolean batch = name.equals("addBatch");
        if (params.length > 0 && params[0] == String.class) {
          return MethodTable.allow(batch ? Op.ADD_BATCH_SQL : Op.EXECUTE_SQL);
        }
        if (params.length == 0 && prepared) {
          return MethodTable.allow(batch ? Op.ADD_BATCH_PREPARED
              : name.equals("executeQuery") ? Op.EXECUTE_QUERY_PREPARED : Op.EXECUTE_PREPARED);
        }
        return MethodTable.deny(iface, m);
      }
      case "executeBatch", "executeLargeBatch" -> {
        return MethodTable.allow(Op.EXECUTE_BATCH);
      }
      case "clearBatch" -> {
        return MethodTable.allow(Op.CLEAR_BATCH);
      }
      case "getResultSet" -> {
        return MethodTable.allow(Op.GET_RESULT_SET);
      }
      case "getGeneratedKeys" -> {
        return MethodTable.allow(Op.GET_GENERATED_KEYS);
      }
      case "getConnection" -> {
        return MethodTable.allow(Op.GET_CONNECTION);
      }
      case "getMetaData" -> {
        return MethodTable.allow(Op.RESULT_SET_META_DATA);
      }
      case "getParameterMetaData" -> {
        return MethodTable.allow(Op.PARAMETER_META_DATA);
      }
      default -> {
        if (name.startsWith("set") && prepared) { // parameter setters of prepared and callable statements
          if (params.length == 2 && params[0] == int.class) {
            if (name.equals("setInt") && params[1] == int.class) {
              return MethodTable.allow(Op.SET_INT_AT);
            }
            if (name.equals("setLong") && params[1] == long.class) {
              return MethodTable.allow(Op.SET_LONG_AT);
            }
            if (name.equals("setString") && params[1] == String.class) {
              return MethodTable.allow(Op.SET_STRING_AT);
            }
          }
          return MethodTable.allow(Op.SET_PARAMETER);
        }
        if (name.startsWith("get") && prepared && params.length >= 1 && ValueMasking.readOp(m) != null) {
          return MethodTable.allow(Op.OUT_PARAMETER); // out-parameters of callable statements, masked
        }
        return MethodTable.deny(iface, m);
      }
    }
  }

  @Override
  @Nullable Object handle(Object proxy, Op op, Method m, Object[] args) throws Throwable {
    switch (op) {
      case PASS -> {
        return pass(m, args);
      }
      case CLOSE -> {
        closeStatement();
        return null;
      }
      case SET_INT_AT -> {
        setIntAt((Integer) args[0], (Integer) args[1]);
        return null;
      }
      case SET_LONG_AT -> {
        setLongAt((Integer) args[0], (Long) args[1]);
        return null;
      }
      case SET_STRING_AT -> {
        setStringAt((Integer) args[0], (String) args[1]);
        return null;
      }
      case SET_PARAMETER -> {
        prepared();
        return pass(m, args);
      }
      case EXECUTE_QUERY_PREPARED -> {
        return executeQueryPrepared((Statement) proxy, m);
      }
      case EXECUTE_PREPARED, EXECUTE_SQL -> {
        StatementAnalysis a = op == Op.EXECUTE_SQL ? checked(given(m, args), JdbcGate.asksForKeys(args))
            : checked(prepared(m), preparedWithKeys);
        Object r = pass(m, args);
        return r instanceof ResultSet rs ? results(proxy, rs, a) : r;
      }
      case ADD_BATCH_PREPARED, ADD_BATCH_SQL -> {
        Credential c = gate.credential();
        StatementAnalysis a = op == Op.ADD_BATCH_SQL ? given(m, args) : prepared(m);
        gate.check(a, c);
        if (op == Op.ADD_BATCH_SQL ? JdbcGate.asksForKeys(args) : preparedWithKeys) {
          gate.checkGeneratedKeys(a, c);
        }
        if (batch == null) {
          batch = new ArrayList<>();
        }
        batch.add(a);
        return pass(m, args);
      }
      case EXECUTE_BATCH -> {
        Credential c = gate.credential();
        List<StatementAnalysis> b = batch == null ? List.of() : batch;
        for (StatementAnalysis a : b) {
          gate.check(a, c);
          if (preparedWithKeys) {
            gate.checkGeneratedKeys(a, c);
          }
        }
        if (!b.isEmpty()) {
          last = b.get(b.size() - 1); // generated keys of a batch come from its statement
          lastCredential = c;
        }
        batch = null;
        return pass(m, args);
      }
      case CLEAR_BATCH -> {
        batch = null;
        return pass(m, args);
      }
      case GET_RESULT_SET -> {
        ResultSet rs = (ResultSet) pass(m, args);
        return rs == null ? null : results(proxy, rs, last);
      }
      case GET_GENERATED_KEYS -> {
        ResultSet rs = (ResultSet) pass(m, args);
        if (rs == null) {
          return null;
        }
        return ResultSetHandler.wrap(gate, (Statement) proxy, rs, last == null ? null : last.generatedKeys(),
            lastCredential);
      }
      case GET_CONNECTION -> {
        return connection;
      }
      case RESULT_SET_META_DATA -> {
        ResultSetMetaData md = (ResultSetMetaData) pass(m, args);
        return md == null ? null : PassiveHandler.wrap(gate, ResultSetMetaData.class, md);
      }
      case PARAMETER_META_DATA -> {
        return PassiveHandler.wrap(gate, ParameterMetaData.class, pass(m, args));
      }
      case OUT_PARAMETER -> {
        if (prepared == null) {
          throw denied(m);
        }
        return ValueMasking.outParameter(this, m, args, lastCredential, last);
      }
      default -> throw denied(m);
    }
  }

  /** The SQL text given to an execute or addBatch call, analysed; a call without text is denied. */
  private StatementAnalysis given(Method m, Object[] args) throws Throwable {
    if (!(args[0] instanceof String sql)) {
      throw denied(m);
    }
    return owner.analyze(sql);
  }

  /** This prepared statement's analysis; a plain statement has none, so the call is denied. */
  private StatementAnalysis prepared(Method m) throws Throwable {
    if (prepared == null) {
      throw denied(m);
    }
    return prepared;
  }

  private PreparedStatement prepared() {
    return (PreparedStatement) statement; // only the table of a prepared or callable statement names its setters
  }

  // The hot calls, which GuardedPreparedStatement makes directly; the table classifies them as these ops.

  /** {@code setInt(index, value)}: {@link Op#SET_INT_AT}. */
  void setIntAt(int index, int value) throws java.sql.SQLException {
    prepared().setInt(index, value);
  }

  /** {@code setLong(index, value)}: {@link Op#SET_LONG_AT}. */
  void setLongAt(int index, long value) throws java.sql.SQLException {
    prepared().setLong(index, value);
  }

  /** {@code setString(index, value)}: {@link Op#SET_STRING_AT}. */
  void setStringAt(int index, @Nullable String value) throws java.sql.SQLException {
    prepared().setString(index, value);
  }

  /** {@code close()}: {@link Op#CLOSE}. */
  void closeStatement() throws java.sql.SQLException {
    statement.close();
  }

  /**
   * {@code executeQuery()} of the guarded statement {@code self}: {@link Op#EXECUTE_QUERY_PREPARED}.
   * The prepared analysis is checked against the credential of this moment, then the results come
   * back guarded.
   */
  ResultSet executeQueryPrepared(Statement self, Method m) throws java.sql.SQLException {
    if (prepared == null) {
      Throwable denial = denied(m); // executeQuery declares SQLException: the denial is one
      if (denial instanceof java.sql.SQLException e) {
        throw e;
      }
      throw new IllegalStateException(denial);
    }
    StatementAnalysis a = checked(prepared, preparedWithKeys);
    return results(self, prepared().executeQuery(), a);
  }

  /**
   * Checks {@code a} against the credential of this moment (every execution), and the generated
   * keys when {@code keys}; remembers both for the results.
   */
  private StatementAnalysis checked(StatementAnalysis a, boolean keys) throws java.sql.SQLException {
    Credential c = gate.credential();
    gate.check(a, c);
    if (keys) {
      gate.checkGeneratedKeys(a, c);
    }
    last = a;
    lastCredential = c;
    return a;
  }

  private ResultSet results(Object proxy, ResultSet rs, @Nullable StatementAnalysis a) throws java.sql.SQLException {
    if (rs != currentRaw || currentGuarded == null) {
      currentGuarded = ResultSetHandler.wrap(gate, (Statement) proxy, rs, a, lastCredential);
      currentRaw = rs;
    }
    return currentGuarded;
  }
}
