package io.nhipam.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL schema that holds nhi-pam's shared tables, and its migrations.
 *
 * <p>{@link #migrate(DataSource)} creates the schema if needed and applies the versioned SQL
 * scripts shipped in this jar ({@code io/nhipam/postgres/migration/V<n>__<name>.sql}) that the
 * {@code schema_version} table does not list yet, each in its own transaction, under a
 * transaction-scoped advisory lock so that JVMs starting together do not race. An applied script
 * whose checksum no longer matches, or a database newer than this library, is refused. DBAs who
 * create the schema by hand run the same scripts (see the module README) and insert the same
 * {@code schema_version} rows.
 *
 * <p>Immutable; the name is validated so it can be spliced into SQL safely.
 */
public final class PostgresSchema {
  /** The default schema name. */
  public static final String DEFAULT_NAME = "nhipam";

  static final List<String> MIGRATIONS = List.of("V1__initial");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final String name;

  private PostgresSchema(String name) {
    this.name = name;
  }

  /** The schema {@value #DEFAULT_NAME}. */
  public static PostgresSchema defaultSchema() {
    return new PostgresSchema(DEFAULT_NAME);
  }

  /**
   * The schema {@code name}: 1 to 63 characters of lower-case letters, digits and underscores,
   * not starting with a digit.
   */
  public static PostgresSchema named(String name) {
    return new PostgresSchema(checkIdentifier(name, "schema name"));
  }

  static String checkIdentifier(String value, String what) {
    Objects.requireNonNull(value, what);
    if (!IDENTIFIER.matcher(value).matches() || value.startsWith("pg_")) {
      throw new IllegalArgumentException(
          what + " '" + value + "' is not allowed: use 1 to 63 characters of a-z, 0-9 and '_',"
              + " not starting with a digit or 'pg_' (e.g. 'nhipam')");
    }
    return value;
  }

  public String name() {
    return name;
  }

  /** The latest schema version this library knows. */
  public static int latestVersion() {
    return MIGRATIONS.size();
  }

  /** {@code name.table}, for SQL. */
  String table(String table) {
    return name + "." + table;
  }

  /**
   * Brings the schema to {@link #latestVersion()} and returns it.
   *
   * @throws PostgresException if the database cannot be reached, a script fails (its
   *     transaction is rolled back), an applied script was edited, or the database is newer
   */
  public int migrate(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    int version = 0;
    for (int i = 0; i < MIGRATIONS.size(); i++) {
      version = applyIfMissing(dataSource, i + 1, MIGRATIONS.get(i));
    }
    return version;
  }

  /** The version recorded in {@code schema_version}, 0 if the schema or the table is absent. */
  public int currentVersion(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return currentVersion(c);
    } catch (SQLException e) {
      throw new PostgresException(
          "could not read the nhi-pam schema version of '" + name + "': " + e.getMessage(), e);
    }
  }

  private int currentVersion(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      ps.setString(1, table("schema_version"));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return 0;
        }
      }
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT coalesce(max(version), 0) FROM " + table("schema_version"))) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private int applyIfMissing(DataSource dataSource, int version, String script) {
    String raw = loadRaw(script);
    String checksum = sha256(raw);
    String sql = raw.replace("${schema}", name);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
          lock.setLong(1, lockKey());
          lock.execute();
        }
        try (Statement st = c.createStatement()) {
          st.execute("CREATE SCHEMA IF NOT EXISTS " + name);
          st.execute("CREATE TABLE IF NOT EXISTS " + table("schema_version")
              + " (version integer PRIMARY KEY, script text NOT NULL, checksum text NOT NULL,"
              + " applied_at timestamptz NOT NULL DEFAULT now())");
        }
        int current = currentVersion(c);
        if (current > latestVersion()) {
          throw new PostgresException("the nhi-pam schema '" + name + "' is at version " + current
              + " but this library knows versions up to " + latestVersion()
              + "; upgrade nhi-pam-postgres on this JVM (never run an older library on a newer schema)");
        }
        if (current >= version) {
          checkApplied(c, version, script, checksum);
        } else {
          try (Statement st = c.createStatement()) {
            for (String statement : statements(sql)) {
              st.execute(statement);
            }
          }
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table("schema_version")
              + " (version, script, checksum) VALUES (?, ?, ?)")) {
            ps.setInt(1, version);
            ps.setString(2, script);
            ps.setString(3, checksum);
            ps.executeUpdate();
          }
        }
        c.commit();
        return version;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new PostgresException("could not apply nhi-pam schema migration " + script + " to '"
          + name + "' (rolled back): " + e.getMessage()
          + ". Check the database is reachable and the user may create schemas and tables,"
          + " or have a DBA apply the scripts by hand (see the README).", e);
    }
  }

  private void checkApplied(Connection c, int version, String script, String checksum)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT checksum FROM " + table("schema_version") + " WHERE version = ?")) {
      ps.setInt(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new PostgresException("schema '" + name + "' lacks the schema_version row for "
              + script + " although a later version is recorded; insert it as the README shows");
        }
        if (!rs.getString(1).equals(checksum)) {
          throw new PostgresException("schema '" + name + "' recorded migration " + script
              + " with checksum " + rs.getString(1) + " but this library's script has " + checksum
              + "; the applied script differs from the shipped one. Compare them before going on.");
        }
      }
    }
  }

  private long lockKey() {
    return 0x6e6869_70616dL ^ name.hashCode();
  }

  /** The script text as shipped, with the {@code ${schema}} placeholder. */
  static String loadRaw(String script) {
    String path = "migration/" + script + ".sql";
    try (InputStream in = PostgresSchema.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("migration script " + path + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration script " + path, e);
    }
  }

  /** Statements of a script: comment lines dropped, split at semicolons that end a line. */
  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : sql.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        out.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PostgresSchema && ((PostgresSchema) o).name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return "PostgresSchema{" + name + "}";
  }
}
