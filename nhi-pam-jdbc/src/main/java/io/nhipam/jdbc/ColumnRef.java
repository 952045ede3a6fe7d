package io.nhipam.jdbc;

import java.util.Objects;

/** A column of a real table, the unit that masking rules in the policy name. */
public record ColumnRef(TableRef table, String column) {
  public ColumnRef {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Identifiers.requireScopeSafe(column);
  }

  /** The key of this column in {@code Policy.columnActions()}: {@code db:<schema>.<table>.<column>}. */
  public String policyKey() {
    return "db:" + table.schema() + "." + table.table() + "." + column;
  }

  /**
   * The scope that lets a credential see this column in clear and use it in expressions and
   * predicates: {@code db:<schema>.<table>.<column>:reveal}.
   */
  public String revealScope() {
    return policyKey() + ":reveal";
  }

  @Override
  public String toString() {
    return table + "." + column;
  }
}
