package io.nhipam.jdbc;

import java.util.Locale;

/**
 * How a database folds identifiers: unquoted names are upper-cased by H2 and lower-cased by
 * PostgreSQL; double-quoted names are kept exactly as written.
 */
public enum SqlDialect {
  H2(true, "PUBLIC"),
  POSTGRESQL(false, "public");

  private final boolean upper;
  private final String defaultSchema;

  SqlDialect(boolean upper, String defaultSchema) {
    this.upper = upper;
    this.defaultSchema = defaultSchema;
  }

  /** The schema unqualified names resolve to when the connection does not say. */
  public String defaultSchema() {
    return defaultSchema;
  }

  /**
   * The dialect of a database product as {@code DatabaseMetaData.getDatabaseProductName()} names
   * it.
   *
   * @throws IllegalArgumentException for a product this guard does not know how to analyse
   */
  public static SqlDialect forProduct(String productName) {
    String p = productName.toLowerCase(Locale.ROOT);
    if (p.startsWith("h2")) {
      return H2;
    }
    if (p.startsWith("postgresql")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException("no SQL dialect for database product '" + Identifiers.printable(productName)
        + "'; supported: H2, PostgreSQL");
  }

  /**
   * Folds an identifier as written in SQL to the name the database uses.
   *
   * @return the folded name, or null when it is quoted in a way this dialect does not treat as an
   *     identifier (backticks, brackets) or is empty
   */
  public @org.jspecify.annotations.Nullable String fold(String raw) {
    if (raw.length() >= 2 && raw.charAt(0) == '"' && raw.charAt(raw.length() - 1) == '"') {
      String inner = raw.substring(1, raw.length() - 1);
      if (inner.isEmpty()) {
        return null;
      }
      return inner.replace("\"\"", "\"");
    }
    if (raw.isEmpty() || raw.indexOf('"') >= 0 || raw.indexOf('`') >= 0 || raw.indexOf('[') >= 0
        || raw.indexOf(']') >= 0) {
      return null;
    }
    return upper ? raw.toUpperCase(Locale.ROOT) : raw.toLowerCase(Locale.ROOT);
  }
}
