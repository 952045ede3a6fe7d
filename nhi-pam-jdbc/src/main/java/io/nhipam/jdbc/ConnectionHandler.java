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

  private final Connection connection;
  private @Nullable SqlDialect dialect;
  private @Nullable String schema;

  ConnectionHandler(JdbcGate gate, Connection target) {
    super(gate, target, Connection.class);
    this.connection = target;
    this.dialect = gate.dialect;
  }

  static Connection wrap(JdbcGate gate, Connection target) {
    return proxy(Connection.class, new ConnectionHandler(gate, target));
  }

  /** Analyses {@code sql} in this connection's dialect and current schema. */
  StatementAnalysis analyze(String sql) throws SQLException {
    if (dialect == null) {
      dialect = gate.dialect(connection);
    }
    if (schema == null) {
      String s = connection.getSchema();
      schema = s == null ? dialect.defaultSchema() : s;
    }
    return gate.analyzer.analyze(sql, dialect, schema);
  }

  private static final java.util.regex.Pattern CALL_ESCAPE = java.util.regex.Pattern.compile(
      "(?is)\\s*\\{\\s*(?:\\?\\s*=\\s*)?call\\s+([^{}]*)}\\s*");

  /** {@code {call p(?)}} and {@code {? = call p(?)}} are analysed as {@code CALL p(?)}; other text as it is. */
  static String callEscape(String sql) {
    java.util.regex.Matcher m = CALL_ESCAPE.matcher(sql);
    return m.matches() ? "CALL " + m.group(1) : sql;
  }

  @Override
  @Nullable Object handle(Object proxy, Method m, String name, Object[] args) throws Throwable {
    if (in(PASS, name)) {
      return pass(m, args);
    }
    switch (name) {
      case "setSchema", "setCatalog" -> {
        Object r = pass(m, args);
        schema = null; // re-read: the database decides what the new current schema is
        return r;
      }
      case "createStatement" -> {
        return StatementHandler.wrap(Statement.class, gate, (Connection) proxy, this, (Statement) pass(m, args),
            null, false);
      }
      case "prepareStatement", "prepareCall" -> {
        String sql = args[0] == null ? "" : (String) args[0];
        StatementAnalysis a = analyze(name.equals("prepareCall") ? callEscape(sql) : sql);
        Credential c = gate.credential();
        gate.check(a, c);
        boolean keys = JdbcGate.asksForKeys(args);
        if (keys) {
          gate.checkGeneratedKeys(a, c);
        }
        Class<? extends Statement> type = name.equals("prepareCall") ? CallableStatement.class
            : PreparedStatement.class;
        return StatementHandler.wrap(type, gate, (Connection) proxy, this, (Statement) pass(m, args), a, keys);
      }
      case "getMetaData" -> {
        return MetaDataHandler.wrap(gate, (Connection) proxy, (DatabaseMetaData) pass(m, args));
      }
      default -> throw denied(m);
    }
  }
}
