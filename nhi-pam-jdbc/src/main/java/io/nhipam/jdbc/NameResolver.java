package io.nhipam.jdbc;

import io.nhipam.error.ReasonCode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;

/**
 * Names as the database reads them: folds identifiers by dialect, turns table names into
 * {@link TableRef}s (schema from the connection, {@code pg_*} in {@code pg_catalog}), and resolves
 * column references to the table columns they may mean.
 */
final class NameResolver {
  private final AnalysisBuilder out;

  NameResolver(AnalysisBuilder out) {
    this.out = out;
  }

  String fold(String raw, String what) {
    String f = out.dialect.fold(raw);
    if (f == null) {
      throw new SqlRejectedException(ReasonCode.SQL_UNPARSEABLE, what + " " + Identifiers.printable(raw)
          + " is quoted in a way " + out.dialect + " does not read as a name; use double quotes");
    }
    return f;
  }

  /** The real table a name in a FROM/INTO/target position means (never a CTE). */
  TableRef table(Table t) {
    out.seen(t);
    if (t.getDatabaseName() != null || t.getFullyQualifiedName().indexOf('@') >= 0 || hasServerPart(t)) {
      throw new SqlRejectedException(ReasonCode.SQL_FORBIDDEN, "table " + Identifiers.printable(
          t.getFullyQualifiedName()) + " names a catalog or a remote link; only schema.table names are allowed");
    }
    String name = fold(t.getName(), "table");
    String schema;
    if (t.getSchemaName() != null) {
      schema = fold(t.getSchemaName(), "schema");
    } else if (out.dialect == SqlDialect.POSTGRESQL && name.startsWith("pg_")) {
      schema = "pg_catalog"; // pg_catalog is searched before the search_path
    } else {
      schema = out.schema;
    }
    if (!Identifiers.isScopeSafe(schema) || !Identifiers.isScopeSafe(name)) {
      throw new SqlRejectedException(ReasonCode.SQL_FORBIDDEN, "table " + Identifiers.printable(schema + "." + name)
          + " cannot be named in a scope (letters, digits, '_' and '$' only), so no credential can be granted it");
    }
    return new TableRef(schema, name);
  }

  private static boolean hasServerPart(Table t) {
    List<String> parts = t.getNameParts();
    if (parts == null) {
      return false;
    }
    for (int i = 2; i < parts.size(); i++) {
      if (parts.get(i) != null) {
        return true;
      }
    }
    return false;
  }

  QueryWalker.Resolved resolve(NameScope scope, Column column) {
    out.seen(column);
    String name = fold(column.getColumnName(), "column");
    Table q = column.getTable();
    if (q == null || q.getName() == null) {
      Set<ColumnRef> sources = new LinkedHashSet<>(scope.unqualified(name));
      boolean direct = scope.unqualifiedDirect(name);
      for (NameScope.Source row : scope.rowSources(name)) { // PostgreSQL whole-row reference
        wholeRow(row);
        row.columns().forEach(o -> sources.addAll(o.sources()));
        direct = false;
      }
      return new QueryWalker.Resolved(sources, direct);
    }
    if (q.getDatabaseName() != null) {
      throw new SqlRejectedException(ReasonCode.SQL_FORBIDDEN, "column " + Identifiers.printable(
          column.getFullyQualifiedName()) + " names a catalog; use table.column or alias.column");
    }
    String schema = q.getSchemaName() == null ? null : fold(q.getSchemaName(), "schema");
    NameScope.Source src = scope.qualified(schema, fold(q.getName(), "table"));
    return new QueryWalker.Resolved(src.column(name), src.directColumn(name));
  }

  /** Records that every column of {@code source} is used as one value. */
  void wholeRow(NameScope.Source source) {
    if (source.table() != null) {
      out.wholeRow(source.table());
    }
    for (OutputColumn o : source.columns()) {
      out.inference(o.sources());
      o.starTables().forEach(out::wholeRow);
    }
  }
}
