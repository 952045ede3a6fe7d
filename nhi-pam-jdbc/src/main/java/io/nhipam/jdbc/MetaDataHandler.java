package io.nhipam.jdbc;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import org.jspecify.annotations.Nullable;

/**
 * A guarded {@link DatabaseMetaData}. Its table: {@code getConnection} returns the guarded
 * connection; methods answering with a primitive, a {@code String} or a {@link RowIdLifetime}
 * pass; methods answering with a {@link ResultSet} (catalog listings) return a guarded, masked
 * result set; nothing else is allowed.
 */
final class MetaDataHandler extends GuardHandler {
  private final Connection connection;

  private MetaDataHandler(JdbcGate gate, Connection connection, DatabaseMetaData target) {
    super(gate, target, DatabaseMetaData.class);
    this.connection = connection;
  }

  static DatabaseMetaData wrap(JdbcGate gate, Connection connection, DatabaseMetaData target) {
    return proxy(DatabaseMetaData.class, new MetaDataHandler(gate, connection, target));
  }

  @Override
  @Nullable Object handle(Object proxy, Method m, String name, Object[] args) throws Throwable {
    if (name.equals("getConnection")) {
      return connection;
    }
    Class<?> r = m.getReturnType();
    if (r.isPrimitive() || r == String.class || r == RowIdLifetime.class) {
      return pass(m, args);
    }
    if (r == ResultSet.class) {
      ResultSet rs = (ResultSet) pass(m, args);
      return rs == null ? null : ResultSetHandler.wrap(gate, null, rs, null, gate.credential());
    }
    throw denied(m);
  }
}
