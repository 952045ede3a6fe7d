package io.nhipam.jdbc;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Accumulates what a statement touches while the walkers visit it. Not thread-safe; one per analysis. */
final class AnalysisBuilder {
  final SqlDialect dialect;
  final String schema;
  private final Map<TableRef, EnumSet<Verb>> accesses = new LinkedHashMap<>();
  private final List<TableRef> reads = new ArrayList<>();
  private final Set<String> privileged = new LinkedHashSet<>();
  private final Set<ColumnRef> inference = new LinkedHashSet<>();
  private final Set<TableRef> wholeRows = new LinkedHashSet<>();
  /** Parse-tree nodes the walkers handled, for {@link AstAudit}. */
  final Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  AnalysisBuilder(SqlDialect dialect, String schema) {
    this.dialect = dialect;
    this.schema = schema;
  }

  void access(TableRef table, Verb verb) {
    accesses.computeIfAbsent(table, t -> EnumSet.noneOf(Verb.class)).add(verb);
    if (verb == Verb.SELECT) {
      reads.add(table);
    }
  }

  /** A mark to pass to {@link #readsSince(int)}. */
  int readMark() {
    return reads.size();
  }

  List<TableRef> readsSince(int mark) {
    return List.copyOf(reads.subList(mark, reads.size()));
  }

  void seen(@org.jspecify.annotations.Nullable Object node) {
    if (node != null) {
      seen.add(node);
    }
  }

  void seenAll(@org.jspecify.annotations.Nullable Iterable<?> nodes) {
    if (nodes != null) {
      nodes.forEach(this::seen);
    }
  }

  void privileged(String scope) {
    privileged.add(scope);
  }

  void inference(Set<ColumnRef> columns) {
    inference.addAll(columns);
  }

  /** A whole row of {@code table} is used as one value (PostgreSQL {@code SELECT c FROM customers c}, {@code c.*} in an expression). */
  void wholeRow(TableRef table) {
    wholeRows.add(table);
  }

  void inferenceFromOutputs(List<OutputColumn> outputs) {
    for (OutputColumn o : outputs) {
      inference.addAll(o.sources());
      wholeRows.addAll(o.starTables());
    }
  }

  /** True when the statement is a kind granted whole by a privileged scope (DDL, CALL, SET...). */
  boolean privilegedOnly() {
    return !privileged.isEmpty() && accesses.isEmpty();
  }

  StatementAnalysis build(String fingerprint, List<OutputColumn> outputs) {
    boolean exact = outputs.stream().noneMatch(OutputColumn::isStar);
    return StatementAnalysis.allowedShape(fingerprint, dialect, schema, accesses, privileged, inference, wholeRows,
        outputs, exact);
  }
}
