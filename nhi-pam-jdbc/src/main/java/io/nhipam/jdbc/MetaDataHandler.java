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
  private static final ClassValue<MethodTable> TABLES = MethodTable.cache(MetaDataHandler::classify);

  private final Connection connection;

  private MetaDataHandler(JdbcGate gate, Connection connection, DatabaseMetaData target) {
    super(gate, target, DatabaseMetaData.class, TABLES);
    this.connection = connection;
  }

  static DatabaseMetaData wrap(JdbcGate gate, Connection connection, DatabaseMetaData target) {
    return proxy(DatabaseMetaData.class, new MetaDataHandler(gate, connection, target));
  }

  /** The table of {@link DatabaseMetaData}: see the class comment. */
  static MethodTable.Entry classify(Class<?> iface, Method m) {
    if (m.getName().equals("getConnection")) {
      return MethodTable.allow(Op.GET_CONNECTION);
    }
    Class<?> r = m.getReturnType();
    if (r.isPrimitive() || r == String.class || r == RowIdLifetime.class) {
      return MethodTable.allow(Op.PASS);
    }
    if (r == ResultSet.class) {
      return MethodTable.allow(Op.CATALOG_RESULT_SET);
    }
    return MethodTable.deny(iface, m);
  }

  @Override
  @Nullable Object handle(Object proxy, Op op, Method m, Object[] args) throws Throwable {
    switch (op) {
      case GET_CONNECTION -> {
        return connection;
      }
      case PASS -> {
        return pass(m, args);
      }
      case CATALOG_RESULT_SET -> {
        ResultSet rs = (ResultSet) pass(m, args);
        return rs == null ? null : ResultSetHandler.wrap(gate, null, rs, null, gate.credential());
      }
      default -> throw denied(m);
    }
  }
}
