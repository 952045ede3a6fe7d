package io.nhipam.jdbc;

import io.nhipam.audit.AuditEvent;
import io.nhipam.audit.AuditEventType;
import io.nhipam.audit.AuditException;
import io.nhipam.credential.Credential;
import io.nhipam.error.ReasonCode;
import io.nhipam.guard.Decision;
import io.nhipam.guard.Guard;
import io.nhipam.mask.MaskAction;
import io.nhipam.policy.IdentityPolicy;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The checks every guarded statement goes through, shared by all objects of one guarded
 * DataSource: analysis (cached), the table and statement scopes, the reveal scope for masked
 * columns used in expressions, and the audit of denials the guard itself does not record.
 */
final class JdbcGate {
  final Guard guard;
  final SqlAnalyzer analyzer;
  final @Nullable SqlDialect dialect;
  /** The dialect detected from the first connection's metadata, when none was configured. */
  private volatile @Nullable SqlDialect detected;
  private final Supplier<@Nullable Credential> credentials;

  JdbcGate(Guard guard, Supplier<@Nullable Credential> credentials, SqlAnalyzer analyzer, @Nullable SqlDialect dialect) {
    this.guard = guard;
    this.credentials = credentials;
    this.analyzer = analyzer;
    this.dialect = dialect;
  }

  /** The configured dialect, else the one detected once from {@code connection}'s metadata. */
  SqlDialect dialect(java.sql.Connection connection) throws java.sql.SQLException {
    SqlDialect d = dialect != null ? dialect : detected;
    if (d == null) {
      d = SqlDialect.forProduct(connection.getMetaData().getDatabaseProductName());
      detected = d;
    }
    return d;
  }

  @Nullable Credential credential() {
    return credentials.get();
  }

  /** Checks {@code a} for {@code c}; every scope is checked on every execution (credentials can be revoked). */
  void check(StatementAnalysis a, @Nullable Credential c) throws GuardedSQLException {
    check(a, c, false);
  }

  /**
   * Checks {@code a} for {@code c} when it is prepared, ahead of the executions that check it
   * again: the same decision, but only a denial is audited (see {@link Guard#checkAhead}); the
   * audit has one allow per execution, the access itself.
   */
  void checkAhead(StatementAnalysis a, @Nullable Credential c) throws GuardedSQLException {
    check(a, c, true);
  }

  private void check(StatementAnalysis a, @Nullable Credential c, boolean ahead) throws GuardedSQLException {
    String fp = a.fingerprint();
    if (a.isRejected()) {
      throw deny(c, a.rejection().orElseThrow(), a.rejectionMessage() + " [" + fp + "]", "sql " + fp, fp);
    }
    List<io.nhipam.scope.@Nullable Scope> scopes = a.parsedScopes();
    for (int i = 0; i < scopes.size(); i++) {
      io.nhipam.scope.Scope parsed = scopes.get(i);
      // a scope that did not parse is denied, and that is recorded, ahead or not
      Decision d = parsed != null ? decide(c, parsed, fp, ahead) : guard.check(c, a.requiredScopes().get(i), fp);
      if (d.isDenied()) {
        throw new GuardedSQLException(d);
      }
    }
    Map<String, String> rules = guard.authority().policy().columnActions();
    if (rules.isEmpty()) {
      return;
    }
    java.util.Set<ColumnRef> used = new java.util.LinkedHashSet<>(a.inferenceColumns());
    for (TableRef t : a.wholeRowTables()) {
      String prefix = "db:" + t.schema() + "." + t.table() + ".";
      for (String key : rules.keySet()) {
        String column = key.startsWith(prefix) ? key.substring(prefix.length()) : "";
        if (Identifiers.isScopeSafe(column)) {
          used.add(new ColumnRef(t, column));
        }
      }
    }
    for (ColumnRef col : used) {
      if (rules.containsKey(col.policyKey()) && !revealed(c, col, fp, ahead)) {
        throw deny(c, ReasonCode.MASKED_COLUMN_INFERENCE, "masked column " + col + " is used in an expression,"
            + " predicate, ordering, grouping, set comparison or copy, which would let its value be inferred; only a"
            + " credential with " + col.revealScope() + " may do that; select the column itself to see it masked"
            + " [" + fp + "]", col.revealScope(), fp);
      }
    }
  }

  /**
   * Generated keys are read back from the written tables ({@code RETURNING}): they need the select
   * scope on every table the statement writes.
   */
  void checkGeneratedKeys(StatementAnalysis a, @Nullable Credential c) throws GuardedSQLException {
    checkGeneratedKeys(a, c, false);
  }

  /** {@link #checkGeneratedKeys} when the statement is prepared: see {@link #checkAhead}. */
  void checkGeneratedKeysAhead(StatementAnalysis a, @Nullable Credential c) throws GuardedSQLException {
    checkGeneratedKeys(a, c, true);
  }

  private void checkGeneratedKeys(StatementAnalysis a, @Nullable Credential c, boolean ahead)
      throws GuardedSQLException {
    for (OutputColumn o : a.generatedKeys().outputs()) {
      for (TableRef t : o.starTables()) {
        Decision d = decide(c, t.scope(Verb.SELECT), a.fingerprint(), ahead);
        if (d.isDenied()) {
          throw new GuardedSQLException(d);
        }
      }
    }
  }

  /** True when a JDBC call's arguments ask for generated keys ({@code RETURN_GENERATED_KEYS}, indexes or names). */
  static boolean asksForKeys(Object[] args) {
    if (args.length != 2) {
      return false;
    }
    Object k = args[1];
    return k instanceof int[] || k instanceof String[]
        || (k instanceof Integer i && i == java.sql.Statement.RETURN_GENERATED_KEYS);
  }

  /** The column rule for {@code col}, or null when there is none or the credential may see it in clear. */
  @Nullable MaskAction columnRule(@Nullable Credential c, ColumnRef col, String fp) {
    String action = guard.authority().policy().columnActions().get(col.policyKey());
    if (action == null || revealed(c, col, fp)) {
      return null;
    }
    return MaskAction.parse(action);
  }

  boolean hasColumnRules() {
    return !guard.authority().policy().columnActions().isEmpty();
  }

  private boolean revealed(@Nullable Credential c, ColumnRef col, String fp) {
    return revealed(c, col, fp, false);
  }

  private boolean revealed(@Nullable Credential c, ColumnRef col, String fp, boolean ahead) {
    io.nhipam.scope.Scope reveal = io.nhipam.scope.Scope.of(col.revealScope());
    return c != null && c.grants(reveal) && decide(c, reveal, fp, ahead).isAllowed();
  }

  private Decision decide(@Nullable Credential c, io.nhipam.scope.Scope scope, String fp, boolean ahead) {
    return ahead ? guard.checkAhead(c, scope, fp) : guard.check(c, scope, fp);
  }

  private Decision decide(@Nullable Credential c, String scope, String fp, boolean ahead) {
    if (ahead) {
      try {
        return guard.checkAhead(c, io.nhipam.scope.Scope.of(scope), fp);
      } catch (io.nhipam.scope.ScopeSyntaxException e) {
        // not a scope: the recorded check below denies it
      }
    }
    return guard.check(c, scope, fp);
  }

  @Nullable IdentityPolicy policy(@Nullable Credential c) {
    return c == null ? null : guard.authority().policy().find(c.subject());
  }

  /** Builds, audits and returns a denial the guard did not decide itself. */
  GuardedSQLException deny(@Nullable Credential c, ReasonCode reason, String message, String scope,
      @Nullable String fp) {
    Decision d = Decision.denied(reason, message, scope, null, c == null ? null : c.id(),
        c == null ? null : c.subject());
    record(AuditEventType.DENY, c, d.scope(), reason.name(), message, fp, Map.of());
    return new GuardedSQLException(d);
  }

  void record(AuditEventType type, @Nullable Credential c, String scope, String reason, @Nullable String message,
      @Nullable String fp, Map<String, Long> attributes) {
    AuditEvent.Builder e = AuditEvent.builder(type, guard.authority().clock().instant()).scope(scope).reason(reason);
    if (c != null) {
      e.identity(c.subject()).credentialId(c.id());
    }
    if (fp != null) {
      e.correlationId(fp);
    }
    if (message != null) {
      e.message(message);
    }
    attributes.forEach(e::attribute);
    try {
      guard.audit().record(e.build());
    } catch (AuditException failure) {
      // the denial stands either way; an unrecorded allow-path event is refused by the callers
      throw new io.nhipam.guard.AccessDeniedException(Decision.denied(ReasonCode.AUDIT_FAILED, "JDBC " + type
          + " event could not be audited (" + failure.getMessage() + "); fix the audit sink", scope, null,
          c == null ? null : c.id(), c == null ? null : c.subject()));
    }
  }
}
