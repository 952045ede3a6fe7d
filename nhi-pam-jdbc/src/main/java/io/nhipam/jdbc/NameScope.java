package io.nhipam.jdbc;

import io.nhipam.error.ReasonCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One level of name resolution: the row sources of a FROM clause (real tables and derived
 * tables, by alias) and the CTE names a WITH clause defines. Unqualified columns resolve
 * conservatively to every source in this level and the levels around it.
 */
final class NameScope {
  /** A row source: a real table, or a derived table / CTE with known output lineage. */
  record Source(String name, @Nullable String schema, @Nullable TableRef table, List<OutputColumn> columns) {
    Set<ColumnRef> column(String column) {
      Set<ColumnRef> out = new LinkedHashSet<>();
      if (table != null) {
        if (Identifiers.isScopeSafe(column)) {
          out.add(new ColumnRef(table, column));
        }
        return out;
      }
      for (OutputColumn c : columns) {
        if (column.equals(c.name())) {
          out.addAll(c.sources());
        }
        for (TableRef star : c.starTables()) {
          if (Identifiers.isScopeSafe(column)) {
            out.add(new ColumnRef(star, column));
          }
        }
      }
      return out;
    }

    boolean directColumn(String column) {
      if (table != null) {
        return true;
      }
      for (OutputColumn c : columns) {
        if (column.equals(c.name()) && !c.direct()) {
          return false;
        }
      }
      return true;
    }
  }

  private final @Nullable NameScope parent;
  private final List<Source> sources = new ArrayList<>();
  private final Map<String, List<OutputColumn>> ctes = new HashMap<>();

  NameScope(@Nullable NameScope parent) {
    this.parent = parent;
  }

  void add(Source source) {
    sources.add(source);
  }

  List<Source> sources() {
    return sources;
  }

  void defineCte(String name, List<OutputColumn> outputs) {
    ctes.put(name, outputs);
  }

  /** The CTE visible under {@code name} here or in an enclosing level, or null. */
  @Nullable List<OutputColumn> cte(String name) {
    for (NameScope s = this; s != null; s = s.parent) {
      List<OutputColumn> c = s.ctes.get(name);
      if (c != null) {
        return c;
      }
    }
    return null;
  }

  /** The source a qualifier ({@code t} in {@code t.col}) names, searching outwards. */
  Source qualified(@Nullable String schema, String qualifier) {
    for (NameScope s = this; s != null; s = s.parent) {
      for (Source src : s.sources) {
        if (src.name().equals(qualifier) && (schema == null || schema.equals(src.schema()))) {
          return src;
        }
      }
    }
    throw new SqlRejectedException(ReasonCode.SQL_UNPARSEABLE, "column qualifier '"
        + Identifiers.printable(qualifier) + "' names no table, alias or CTE in scope; the statement cannot be"
        + " analysed, so it is refused");
  }

  /** The sources an unqualified name may mean as a whole row (PostgreSQL: {@code SELECT c FROM customers c}). */
  List<Source> rowSources(String name) {
    List<Source> out = new ArrayList<>();
    for (NameScope s = this; s != null; s = s.parent) {
      for (Source src : s.sources) {
        if (src.name().equals(name)) {
          out.add(src);
        }
      }
    }
    return out;
  }

  /** Every table column an unqualified name may mean: all sources here and in enclosing levels. */
  Set<ColumnRef> unqualified(String column) {
    Set<ColumnRef> out = new LinkedHashSet<>();
    for (NameScope s = this; s != null; s = s.parent) {
      for (Source src : s.sources) {
        out.addAll(src.column(column));
      }
    }
    return out;
  }

  boolean unqualifiedDirect(String column) {
    for (NameScope s = this; s != null; s = s.parent) {
      for (Source src : s.sources) {
        if (!src.directColumn(column)) {
          return false;
        }
      }
    }
    return true;
  }
}
