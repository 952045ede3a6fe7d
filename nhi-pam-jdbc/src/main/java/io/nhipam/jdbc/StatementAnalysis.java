package io.nhipam.jdbc;

import io.nhipam.error.ReasonCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one SQL statement does, as far as access control cares: the real tables it reads and
 * writes with the verb for each, the privileged statement kinds it needs, the masked-column
 * candidates used in expressions or predicates, and the lineage of its result columns. Or, when
 * analysis refuses the statement, why. Immutable; cached by SQL text.
 */
public final class StatementAnalysis {
  private final String fingerprint;
  private final SqlDialect dialect;
  private final String schema;
  private final @Nullable ReasonCode rejection;
  private final String rejectionMessage;
  private final Map<TableRef, Set<Verb>> accesses;
  private final List<String> requiredScopes;
  private final Set<ColumnRef> inferenceColumns;
  private final Set<TableRef> wholeRowTables;
  private final List<OutputColumn> outputs;
  private final boolean exactOutputs;

  private StatementAnalysis(String fingerprint, SqlDialect dialect, String schema, @Nullable ReasonCode rejection,
      String rejectionMessage, Map<TableRef, Set<Verb>> accesses, List<String> requiredScopes,
      Set<ColumnRef> inferenceColumns, Set<TableRef> wholeRowTables, List<OutputColumn> outputs,
      boolean exactOutputs) {
    this.fingerprint = fingerprint;
    this.dialect = dialect;
    this.schema = schema;
    this.rejection = rejection;
    this.rejectionMessage = rejectionMessage;
    this.accesses = accesses;
    this.requiredScopes = requiredScopes;
    this.inferenceColumns = inferenceColumns;
    this.wholeRowTables = wholeRowTables;
    this.outputs = outputs;
    this.exactOutputs = exactOutputs;
  }

  static StatementAnalysis rejected(String fingerprint, SqlDialect dialect, String schema, ReasonCode reason,
      String message) {
    return new StatementAnalysis(fingerprint, dialect, schema, Objects.requireNonNull(reason), message, Map.of(),
        List.of(), Set.of(), Set.of(), List.of(), false);
  }

  static StatementAnalysis allowedShape(String fingerprint, SqlDialect dialect, String schema,
      Map<TableRef, EnumSet<Verb>> accesses, Set<String> privileged, Set<ColumnRef> inference,
      Set<TableRef> wholeRows, List<OutputColumn> outputs, boolean exact) {
    Map<TableRef, Set<Verb>> copy = new LinkedHashMap<>();
    List<String> scopes = new ArrayList<>(privileged);
    for (Map.Entry<TableRef, EnumSet<Verb>> e : accesses.entrySet()) {
      copy.put(e.getKey(), Collections.unmodifiableSet(EnumSet.copyOf(e.getValue())));
      for (Verb v : e.getValue()) {
        scopes.add(e.getKey().scope(v));
      }
    }
    return new StatementAnalysis(fingerprint, dialect, schema, null, "", Collections.unmodifiableMap(copy),
        List.copyOf(scopes), Set.copyOf(inference), Set.copyOf(wholeRows), List.copyOf(outputs), exact);
  }

  /**
   * What the generated keys of this statement may hold: any column of any table it writes (drivers
   * implement generated keys with {@code RETURNING}), matched by label for masking.
   */
  StatementAnalysis generatedKeys() {
    List<OutputColumn> outs = new ArrayList<>();
    for (Map.Entry<TableRef, Set<Verb>> e : accesses.entrySet()) {
      if (e.getValue().contains(Verb.INSERT) || e.getValue().contains(Verb.UPDATE)
          || e.getValue().contains(Verb.DELETE)) {
        outs.add(OutputColumn.star(e.getKey()));
      }
    }
    return new StatementAnalysis(fingerprint, dialect, schema, null, "", Map.of(), List.of(), Set.of(), Set.of(),
        List.copyOf(outs), false);
  }

  /** A stable, non-reversible name for the SQL text (never its literals or bound values), for audit. */
  public String fingerprint() {
    return fingerprint;
  }

  public SqlDialect dialect() {
    return dialect;
  }

  /** The schema unqualified table names were resolved in. */
  public String schema() {
    return schema;
  }

  public boolean isRejected() {
    return rejection != null;
  }

  /** Why analysis refused the statement (unparseable, several statements, a forbidden function...). */
  public Optional<ReasonCode> rejection() {
    return Optional.ofNullable(rejection);
  }

  /** The explanation of {@link #rejection()}; empty when not rejected. */
  public String rejectionMessage() {
    return rejectionMessage;
  }

  /** Every real table the statement touches, with the verbs it needs on each. */
  public Map<TableRef, Set<Verb>> accesses() {
    return accesses;
  }

  /** Every scope a credential needs to run the statement: statement kinds first, then tables. */
  public List<String> requiredScopes() {
    return requiredScopes;
  }

  /**
   * {@link #requiredScopes()} parsed once (the analysis is cached, so every execution after the
   * first checks pre-parsed scopes); an entry is null where the text is not a valid scope, which
   * the check then denies by its text.
   */
  List<io.nhipam.scope.@Nullable Scope> parsedScopes() {
    List<io.nhipam.scope.@Nullable Scope> p = parsed;
    if (p == null) {
      List<io.nhipam.scope.@Nullable Scope> out = new java.util.ArrayList<>(requiredScopes.size());
      for (String s : requiredScopes) {
        out.add(io.nhipam.scope.Scope.isValid(s) ? io.nhipam.scope.Scope.of(s) : null);
      }
      p = java.util.Collections.unmodifiableList(out);
      parsed = p;
    }
    return p;
  }

  private volatile @Nullable List<io.nhipam.scope.@Nullable Scope> parsed;

  /**
   * Table columns whose values are used in an expression, a predicate, an ordering, a grouping or
   * copied elsewhere: masked ones among them need the reveal scope.
   */
  public Set<ColumnRef> inferenceColumns() {
    return inferenceColumns;
  }

  /**
   * Tables whose whole rows are used as one value (a row reference, {@code t.*} inside an
   * expression, or {@code *} copied elsewhere): every masked column of them counts as an
   * inference use.
   */
  public Set<TableRef> wholeRowTables() {
    return wholeRowTables;
  }

  /** Lineage of the result columns, in order (RETURNING for writes). */
  public List<OutputColumn> outputs() {
    return outputs;
  }

  /** True when {@link #outputs()} maps one to one, by position, onto the result set's columns. */
  public boolean exactOutputs() {
    return exactOutputs;
  }

  @Override
  public String toString() {
    return isRejected() ? "StatementAnalysis{" + fingerprint + " rejected " + rejection + "}"
        : "StatementAnalysis{" + fingerprint + " " + requiredScopes + "}";
  }
}
