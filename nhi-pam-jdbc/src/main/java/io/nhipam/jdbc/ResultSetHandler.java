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

  private final ResultSet rs;
  private final @Nullable Statement statement;
  private final ValueMasking masking;
  private final @Nullable Credential credential;
  private final String fp;
  private final int maxRows;
  private final boolean truncate;
  private long rows;

  private ResultSetHandler(JdbcGate gate, @Nullable Statement statement, ResultSet rs, ValueMasking masking,
      @Nullable Credential credential, String fp) {
    super(gate, rs, ResultSet.class);
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
    return proxy(ResultSet.class, new ResultSetHandler(gate, statement, rs, masking, c,
        a == null ? "sql-metadata" : a.fingerprint()));
  }

  @Override
  @Nullable Object handle(Object proxy, Method m, String name, Object[] args) throws Throwable {
    if (in(PASS, name)) {
      return pass(m, args);
    }
    switch (name) {
      case "next" -> {
        return next();
      }
      case "close" -> {
        masking.flushAudit();
        return pass(m, args);
      }
      case "getStatement" -> {
        return statement;
      }
      case "getMetaData" -> {
        return PassiveHandler.wrap(gate, ResultSetMetaData.class, rs.getMetaData());
      }
      default -> {
        if (name.startsWith("get") && args.length >= 1 && (args[0] instanceof Integer || args[0] instanceof String)) {
          int column = args[0] instanceof Integer i ? i : rs.findColumn((String) args[0]);
          return masking.read(this, m, args, column);
        }
        throw denied(m);
      }
    }
  }

  private boolean next() throws java.sql.SQLException {
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
