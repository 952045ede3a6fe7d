package io.nhipam.jdbc;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where one result column of a statement comes from.
 *
 * @param name the column's label as the database reports it (folded), or null for a star over a
 *     real table whose columns are not known before execution
 * @param sources the table columns whose values reach this result column
 * @param direct true when the value is a column passed through unchanged (so a column rule can
 *     mask it), false when it is computed from its sources
 * @param starTables for {@code *} or {@code t.*} over a real table: the table, whose columns are
 *     matched by label at execution
 */
public record OutputColumn(@Nullable String name, Set<ColumnRef> sources, boolean direct, Set<TableRef> starTables) {
  public OutputColumn {
    sources = Set.copyOf(Objects.requireNonNull(sources, "sources"));
    starTables = Set.copyOf(Objects.requireNonNull(starTables, "starTables"));
  }

  static OutputColumn star(TableRef table) {
    return new OutputColumn(null, Set.of(), true, Set.of(table));
  }

  OutputColumn renamed(String newName) {
    return new OutputColumn(newName, sources, direct, starTables);
  }

  boolean isStar() {
    return !starTables.isEmpty();
  }
}
