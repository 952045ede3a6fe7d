package io.nhipam.jdbc;

import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;

/**
 * A guarded {@link java.sql.ResultSetMetaData} or {@link java.sql.ParameterMetaData}: descriptive
 * getters only (names, types, sizes), which hold no row data and no back-reference to the driver.
 */
final class PassiveHandler extends GuardHandler {
  private static final ClassValue<MethodTable> TABLES = MethodTable.cache(PassiveHandler::classify);

  private PassiveHandler(JdbcGate gate, Object target, Class<?> iface) {
    super(gate, target, iface, TABLES);
  }

  static <T> T wrap(JdbcGate gate, Class<T> iface, Object target) {
    PassiveHandler h = new PassiveHandler(gate, target, iface);
    return iface == java.sql.ResultSetMetaData.class ? iface.cast(new GuardedResultSetMetaData(h)) : proxy(iface, h);
  }

  /** The table of the metadata interfaces: see the class comment. */
  static MethodTable.Entry classify(Class<?> iface, Method m) {
    String name = m.getName();
    Class<?> r = m.getReturnType();
    boolean plain = r.isPrimitive() || r == String.class;
    if ((name.startsWith("get") || name.startsWith("is")) && plain) {
      return MethodTable.allow(Op.PASS);
    }
    return MethodTable.deny(iface, m);
  }

  @Override
  @Nullable Object handle(Object proxy, Op op, Method m, Object[] args) throws Throwable {
    if (op == Op.PASS) {
      return pass(m, args);
    }
    throw denied(m);
  }
}
