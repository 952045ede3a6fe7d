package io.nhipam.jdbc;

import java.util.Objects;

/**
 * A real table, named as the database names it (schema and table already normalised by the
 * {@link SqlDialect}).
 */
public record TableRef(String schema, String table) {
  public TableRef {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(table, "table");
    Identifiers.requireScopeSafe(schema);
    Identifiers.requireScopeSafe(table);
  }

  /** The scope that grants {@code verb} on this table: {@code db:<schema>.<table>:<verb>}. */
  public String scope(Verb verb) {
    return "db:" + schema + "." + table + ":" + verb.scopeName();
  }

  @Override
  public String toString() {
    return schema + "." + table;
  }
}
