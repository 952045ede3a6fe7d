package io.nhipam.jdbc;

import java.lang.reflect.Method;
import io.nhipam.credential.Credential;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A guarded {@link Connection}: statements it creates are guarded, SQL given to
 * {@code prepareStatement}/{@code prepareCall} is checked at once (and again on every execution),
 * {@code nativeSQL}, type maps and driver LOB/array factories are denied.
 */
final class ConnectionHandler extends GuardHandler {
  private static final Set<String> PASS = Set.of("close", "isClosed", "isValid", "getAutoCommit", "setAutoCommit",
      "commit", "rollback", "setSavepoint", "releaseSavepoint", "getTransactionIsolation", "setTransactionIsolation",
      "isReadOnly", "setReadOnly", "getCatalog", "getWarnings", "clearWarnings", "getHoldability", "setHoldability",
      "getNetworkTimeout", "setNetworkTimeout", "abort", "getClientInfo", "setClientInfo", "getSchema",
      "beginRequest", "endRequest");

  private static final ClassValue<MethodTable> TABLES = MethodTable.cache(ConnectionHandler::classify);

  private final Connection connection;
  private @Nullable SqlDialect dialect;
  private @Nullable String schema;
  /**
   * The last analyses this connection asked for, by the very SQL string (an application prepares
   * the same constant text again and again): an identity comparison instead of the shared cache's
   * key building and lookup. Each slot is one immutable entry, so even a connection shared across
   * threads never pairs one statement with another's analysis.
   */
  private final Recent[] recent = new Recent[8];

  private static final class Recent {
    final String sql;
    final String schema;
    final SqlDialect dialect;
    final StatementAnalysis analysis;

    Recent(String sql, String schema, SqlDialect dialect, StatementAnalysis analysis) {
      this.sql = sql;
      this.schema = schema;
      this.dialect = dialect;
      this.analysis = analysis;
    }
  }

  ConnectionHandler(JdbcGate gate, Connection target) {
    super(gate, target, Connection.class, TABLES);
    this.connection = target;
    this.dialect = gate.dialect;
  }

  static Connection wrap(JdbcGate gate, Connection target) {
    return new GuardedConnection(new ConnectionHandler(gate, target));
  }

  /** Analyses {@code sql} in this connection's dialect and current schema. */
  StatementAnalysis analyze(String sql) throws SQLException {
    if (dialect == null) {
      dialect = gate.dialect(connection);
    }
    String current = schema;
    if (current == null) {
      String s = connection.getSchema();
      current = s == null ? dialect.defaultSchema() : s;
      schema = current;
    }
    int slot = sql.hashCode() & (recent.length - 1);
    Recent r = recent[slot];
    if (r != null && r.sql == sql && r.schema == current && r.dialect == dialect) {
      return r.analysis;
    }
    StatementAnalysis a = gate.analyzer.analyze(sql, dialect, current);
    recent[slot] = new Recent(sql, current, dialect, a);
    return a;
  }

  /**
   * {@code prepareStatement(sql)} on the guarded connection {@code self}: {@link Op#PREPARE_SQL},
   * which {@link GuardedConnection} calls directly. The statement is checked now, so that a denied
   * one fails where it is written, and again on every execution.
   */
  PreparedStatement prepare(Connection self, @Nullable String sql) throws SQLException {
    StatementAnalysis a = analyze(sql == null ? "" : sql);
    gate.checkAhead(a, gate.credential());
    return StatementHandler.wrap(PreparedStatement.class, gate, self, this, connection.prepareStatement(sql), a,
        false);
  }

  private static final java.util.regex.Pattern CALL_ESCAPE = java.util.regex.Pattern.compile(
      "(?is)\\s*\\{\\s*(?:\\?\\s*=\\s*)?call\\s+([^{}]*)}\\s*");

  /** {@code {call p(?)}} and {@code {? = call p(?)}} are analysed as {@code CALL p(?)}; other text as it is. */
  static String callEscape(String sql) {
    java.util.regex.Matcher m = CALL_ESCAPE.matcher(sql);
    return m.matches() ? "CALL " + m.group(1) : sql;
  }

  /** The table of {@link Connection}: see the class comment. */
  static MethodTable.Entry classify(Class<?> iface, Method m) {
    String name = m.getName();
    if (PASS.contains(name)) {
      return MethodTable.allow(Op.PASS);
    }
    return switch (name) {
      case "setSchema", "setCatalog" -> MethodTable.allow(Op.SET_SCHEMA);
      case "createStatement" -> MethodTable.allow(Op.CREATE_STATEMENT);
      case "prepareStatement" -> MethodTable.allow(m.getParameterCount() == 1 ? Op.PREPARE_SQL : Op.PREPARE);
      case "prepareCall" -> MethodTable.allow(Op.PREPARE_CALL);
      case "getMetaData" -> MethodTable.allow(Op.DATABASE_META_DATA);
      case "nativeSQL" -> MethodTable.deny(iface, m, "it returns the driver's rewrite of the SQL, which the guard"
          + " never analysed");
      case "getTypeMap", "setTypeMap" -> MethodTable.deny(iface, m, "a type map makes the driver build"
          + " application objects from column values, which the guard cannot mask");
      case "createClob", "createNClob", "createBlob", "createSQLXML", "createArrayOf", "createStruct" ->
          MethodTable.deny(iface, m, "it hands out a driver object for values the guard does not analyse");
      default -> MethodTable.deny(iface, m);
    };
  }

  @Override
  @Nullable Object handle(Object proxy, Op op, Method m, Object[] args) throws Throwable {
    switch (op) {
      case PASS -> {
        return pass(m, args);
      }
      case SET_SCHEMA -> {
        Object r = pass(m, args);
        schema = null; // re-read: the database decides what the new current schema is
        return r;
      }
      case CREATE_STATEMENT -> {
        return StatementHandler.wrap(Statement.class, gate, (Connection) proxy, this, (Statement) pass(m, args),
            null, false);
      }
      case PREPARE_SQL -> {
        return prepare((Connection) proxy, (String) args[0]);
      }
      case PREPARE, PREPARE_CALL -> {
        boolean call = op == Op.PREPARE_CALL;
        String sql = args[0] == null ? "" : (String) args[0];
        StatementAnalysis a = analyze(call ? callEscape(sql) : sql);
        Credential c = gate.credential();
        gate.checkAhead(a, c);
        boolean keys = JdbcGate.asksForKeys(args);
        if (keys) {
          gate.checkGeneratedKeysAhead(a, c);
        }
        Class<? extends Statement> type = call ? CallableStatement.class : PreparedStatement.class;
        return StatementHandler.wrap(type, gate, (Connection) proxy, this, (Statement) pass(m, args), a, keys);
      }
      case DATABASE_META_DATA -> {
        return MetaDataHandler.wrap(gate, (Connection) proxy, (DatabaseMetaData) pass(m, args));
      }
      default -> throw denied(m);
    }
  }
}
