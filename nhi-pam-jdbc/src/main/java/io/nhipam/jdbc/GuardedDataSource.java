package io.nhipam.jdbc;

import io.nhipam.credential.Credential;
import io.nhipam.guard.Guard;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DataSource} whose every statement is checked against the caller's credential and
 * whose every value is masked.
 *
 * <p>For each execution, in order: the SQL is analysed (cached by text; unparseable, multiple
 * statements, non-allow-listed functions are refused); the credential the supplier returns
 * <em>now</em> must carry {@code db:<schema>.<table>:<verb>} for every table and verb, and
 * {@code db:statement:<kind>} / {@code db:<schema>.<proc>:execute} for other statement kinds (and
 * {@code select} on every written table when generated keys are asked for);
 * masked columns used in expressions or predicates need {@code db:<schema>.<table>.<column>:reveal};
 * then the statement runs, and every value read back goes through the column rule and content
 * masking. Denials are {@link GuardedSQLException}s (SQLState {@code 42501}) carrying the
 * {@link io.nhipam.guard.Decision}; all of it is audited with the statement's fingerprint, never
 * its bound values. {@code prepareStatement} and {@code prepareCall} check the statement at once,
 * so that a denied one fails where it is written (that denial is audited); an allowed prepare
 * reaches no data and is not audited: the allow is recorded by each execution.
 *
 * <p>Every object reachable from it is guarded; {@code unwrap} never returns a driver object.
 * Unqualified table names resolve in the connection's current schema ({@code getSchema()}); on
 * PostgreSQL, unqualified {@code pg_*} names resolve to {@code pg_catalog}. Other schemas of a
 * multi-schema search path are not searched: qualify such tables.
 */
public final class GuardedDataSource implements DataSource {
  private final DataSource delegate;
  private final JdbcGate gate;

  private GuardedDataSource(DataSource delegate, JdbcGate gate) {
    this.delegate = delegate;
    this.gate = gate;
  }

  /** Wraps {@code dataSource} with defaults: dialect detected per connection, 10,000 cached analyses. */
  public static GuardedDataSource wrap(DataSource dataSource, Guard guard,
      Supplier<@Nullable Credential> credentialSupplier) {
    return builder(dataSource, guard, credentialSupplier).build();
  }

  public static Builder builder(DataSource dataSource, Guard guard, Supplier<@Nullable Credential> credentialSupplier) {
    return new Builder(dataSource, guard, credentialSupplier);
  }

  /** The analyser (and its cache) this data source uses. */
  public SqlAnalyzer analyzer() {
    return gate.analyzer;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return ConnectionHandler.wrap(gate, delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return ConnectionHandler.wrap(gate, delegate.getConnection(username, password));
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  /** Only this guarded data source itself; never the wrapped one. */
  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface != null && iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new GuardedSQLException(io.nhipam.guard.Decision.denied(io.nhipam.error.ReasonCode.UNSUPPORTED_OPERATION,
        "unwrap(" + (iface == null ? "null" : iface.getName()) + ") would hand out the wrapped DataSource and bypass"
            + " the guard", "jdbc:DataSource.unwrap", null, null, null));
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface != null && iface.isInstance(this);
  }

  @Override
  public String toString() {
    return "GuardedDataSource{" + gate.guard + "}";
  }

  /** Options for {@link GuardedDataSource}; each may be set once. */
  public static final class Builder {
    private final DataSource dataSource;
    private final Guard guard;
    private final Supplier<@Nullable Credential> credentials;
    private @Nullable SqlDialect dialect;
    private @Nullable SqlAnalyzer analyzer;

    private Builder(DataSource dataSource, Guard guard, Supplier<@Nullable Credential> credentials) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      this.guard = Objects.requireNonNull(guard, "guard");
      this.credentials = Objects.requireNonNull(credentials, "credentialSupplier");
      if (dataSource instanceof GuardedDataSource) {
        throw new IllegalArgumentException("the data source is already guarded; wrap the driver's data source once");
      }
    }

    /** Fixes the dialect instead of detecting it from each connection's metadata. */
    public Builder dialect(SqlDialect dialect) {
      requireState(this.dialect == null, "dialect was already set to " + this.dialect);
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /** Shares an analyser (and its cache) between data sources. */
    public Builder analyzer(SqlAnalyzer analyzer) {
      requireState(this.analyzer == null, "analyzer was already set");
      this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
      return this;
    }

    public GuardedDataSource build() {
      SqlAnalyzer a = analyzer != null ? analyzer : SqlAnalyzer.withCacheSize(10_000);
      return new GuardedDataSource(dataSource, new JdbcGate(guard, credentials, a, dialect));
    }

    private static void requireState(boolean ok, String message) {
      if (!ok) {
        throw new IllegalStateException(message);
      }
    }
  }
}
