package io.nhipam.jdbc;

import io.nhipam.audit.AuditEventType;
import io.nhipam.credential.Credential;
import io.nhipam.error.ReasonCode;
import io.nhipam.policy.IdentityPolicy;
import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A guarded, forward-only, read-only {@link ResultSet}: values are masked by {@link ValueMasking},
 * the identity's row limit is enforced on {@code next()} (deny or truncate, audited), scrolling and
 * updating through the result set are denied.
 */
final class ResultSetHandler extends GuardHandler {
  private static final Set<String> PASS = Set.of("wasNull", "findColumn", "getRow", "isBeforeFirst", "isAfterLast",
      "isFirst", "isLast", "getFetchSize", "setFetchSize", "getFetchDirection", "setFetchDirection", "getType",
      "getConcurrency", "getHoldability", "getWarnings", "clearWarnings", "isClosed", "rowUpdated", "rowInserted",
      "rowDeleted");

  private static final ClassValue<MethodTable> TABLES = MethodTable.cache(ResultSetHandler::classify);

  private final ResultSet rs;
  private final @Nullable Statement statement;
  private final ValueMasking masking;
  private final @Nullable Credential credential;
  private final String fp;
  private final int maxRows;
  private final boolean truncate;
  private long rows;
  private @Nullable ResultSetMetaData metaData;

  private ResultSetHandler(JdbcGate gate, @Nullable Statement statement, ResultSet rs, ValueMasking masking,
      @Nullable Credential credential, String fp) {
    super(gate, rs, ResultSet.class, TABLES);
    this.rs = rs;
    this.statement = statement;
    this.masking = masking;
    this.credential = credential;
    this.fp = fp;
    IdentityPolicy p = gate.policy(credential);
    OptionalInt limit = p == null ? OptionalInt.empty() : p.maxRows();
    this.maxRows = limit.orElse(-1);
    this.truncate = p != null && p.rowLimitAction() != IdentityPolicy.RowLimitAction.DENY;
  }

  static ResultSet wrap(JdbcGate gate, @Nullable Statement statement, ResultSet rs, @Nullable StatementAnalysis a,
      @Nullable Credential c) throws java.sql.SQLException {
    ResultSetMetaData md = a != null && gate.hasColumnRules() ? rs.getMetaData() : null; // labels only for rules
    ValueMasking masking = ValueMasking.plan(gate, c, a, md);
    return new GuardedResultSet(new ResultSetHandler(gate, statement, rs, masking, c,
        a == null ? "sql-metadata" : a.fingerprint()));
  }

  /** The table of {@link ResultSet}: see the class comment. */
  static MethodTable.Entry classify(Class<?> iface, Method m) {
    String name = m.getName();
    if (PASS.contains(name)) {
      return MethodTable.allow(Op.PASS);
    }
    int n = m.getParameterCount();
    switch (name) {
      case "next" -> {
        return n == 0 ? MethodTable.allow(Op.NEXT) : MethodTable.deny(iface, m);
      }
      case "close" -> {
        return n == 0 ? MethodTable.allow(Op.CLOSE) : MethodTable.deny(iface, m);
      }
      case "getStatement" -> {
        return MethodTable.allow(Op.GET_STATEMENT);
      }
      case "getMetaData" -> {
        return MethodTable.allow(Op.RESULT_SET_META_DATA);
      }
      default -> {
        Op read = ValueMasking.readOp(m);
        if (read != null) {
          return MethodTable.allow(read);
        }
        if (name.startsWith("update") || name.equals("insertRow") || name.equals("deleteRow")
            || name.equals("moveToInsertRow") || name.equals("cancelRowUpdates")) {
          return MethodTable.deny(iface, m, "the result set is read-only; write with a guarded statement");
        }
        return MethodTable.deny(iface, m);
      }
    }
  }

  @Override
  @Nullable Object handle(Object proxy, Op op, Method m, Object[] args) throws Throwable {
    switch (op) {
      case NEXT -> {
        return nextRow();
      }
      case READ_INT_AT -> {
        return intAt((Integer) args[0]);
      }
      case READ_LONG_AT -> {
        return longAt((Integer) args[0]);
      }
      case READ_DECIMAL_AT -> {
        return decimalAt((Integer) args[0]);
      }
      case READ_STRING_AT -> {
        return stringAt((Integer) args[0]);
      }
      case READ_SCALAR, READ_TEXT, READ_CLOB, READ_CHARS, READ_STREAM, READ_BYTES, READ_BLOB, READ_OBJECT -> {
        Object at = args[0];
        if (!(at instanceof Integer) && !(at instanceof String)) {
          throw denied(m);
        }
        int column = at instanceof Integer i ? i : rs.findColumn((String) at);
        return masking.read(this, m, op, args, column);
      }
      case PASS -> {
        return pass(m, args);
      }
      case CLOSE -> {
        closeResults();
        return null;
      }
      case GET_STATEMENT -> {
        return statement;
      }
      case RESULT_SET_META_DATA -> {
        return metaData();
      }
      default -> throw denied(m);
    }
  }

  // The hot calls, which GuardedResultSet makes directly; the table classifies them as these ops.

  /** {@code getInt(column)}: {@link Op#READ_INT_AT}. */
  int intAt(int column) throws java.sql.SQLException {
    masking.requireUnmasked(column, "getInt");
    return rs.getInt(column);
  }

  /** {@code getLong(column)}: {@link Op#READ_LONG_AT}. */
  long longAt(int column) throws java.sql.SQLException {
    masking.requireUnmasked(column, "getLong");
    return rs.getLong(column);
  }

  /** {@code getBigDecimal(column)}: {@link Op#READ_DECIMAL_AT}. */
  java.math.@Nullable BigDecimal decimalAt(int column) throws java.sql.SQLException {
    masking.requireUnmasked(column, "getBigDecimal");
    return rs.getBigDecimal(column);
  }

  /** {@code getString(column)}: {@link Op#READ_STRING_AT}. */
  @Nullable String stringAt(int column) throws java.sql.SQLException {
    return masking.text(column, rs.getString(column));
  }

  /**
   * {@code getMetaData()}: {@link Op#RESULT_SET_META_DATA}, the driver's metadata guarded; made once
   * per result set, which describes the same columns however often it is asked.
   */
  @Nullable ResultSetMetaData metaData() throws java.sql.SQLException {
    ResultSetMetaData md = metaData;
    if (md == null) {
      ResultSetMetaData raw = rs.getMetaData();
      md = raw == null ? null : PassiveHandler.wrap(gate, ResultSetMetaData.class, raw);
      metaData = md;
    }
    return md;
  }

  /** {@code close()}: {@link Op#CLOSE}; the column-rule counts are audited first. */
  void closeResults() throws java.sql.SQLException {
    masking.flushAudit();
    rs.close();
  }

  /** {@code next()}: {@link Op#NEXT}, with the row limit. */
  boolean nextRow() throws java.sql.SQLException {
    if (maxRows >= 0 && rows >= maxRows) {
      if (!rs.next()) {
        return false;
      }
      String message = "statement returned more than the " + maxRows + " rows the policy of "
          + (credential == null ? "<none>" : credential.subject()) + " allows per statement";
      if (truncate) {
        if (rows == maxRows) {
          rows++;
          gate.record(AuditEventType.MASK, credential, "db:rows", ReasonCode.ROW_LIMIT_EXCEEDED.name(),
              message + "; the result was truncated", fp, Map.of("rows.limit", (long) maxRows));
        }
        return false;
      }
      throw gate.deny(credential, ReasonCode.ROW_LIMIT_EXCEEDED, message + "; narrow the query or raise maxRows",
          "db:rows", fp);
    }
    boolean more = rs.next();
    if (more) {
      rows++;
    } else {
      masking.flushAudit();
    }
    return more;
  }
}
