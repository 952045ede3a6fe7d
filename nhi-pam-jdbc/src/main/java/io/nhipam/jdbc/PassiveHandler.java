package io.nhipam.jdbc;

import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;

/**
 * A guarded {@link java.sql.ResultSetMetaData} or {@link java.sql.ParameterMetaData}: descriptive
 * getters only (names, types, sizes), which hold no row data and no back-reference to the driver.
 */
final class PassiveHandler extends GuardHandler {
  private PassiveHandler(JdbcGate gate, Object target, Class<?> iface) {
    super(gate, target, iface);
  }

  static <T> T wrap(JdbcGate gate, Class<T> iface, Object target) {
    return proxy(iface, new PassiveHandler(gate, target, iface));
  }

  @Override
  @Nullable Object handle(Object proxy, Method m, String name, Object[] args) throws Throwable {
    Class<?> r = m.getReturnType();
    boolean plain = r.isPrimitive() || r == String.class;
    if ((name.startsWith("get") || name.startsWith("is")) && plain) {
      return pass(m, args);
    }
    throw denied(m);
  }
}
