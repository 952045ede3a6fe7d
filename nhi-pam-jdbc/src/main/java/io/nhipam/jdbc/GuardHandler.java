package io.nhipam.jdbc;

import io.nhipam.error.ReasonCode;
import io.nhipam.guard.AccessDeniedException;
import io.nhipam.guard.Decision;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Base of every guarded JDBC object: a dynamic proxy over one interface with an explicit table of
 * what each method does. {@code unwrap} and {@code isWrapperFor} only ever answer for the guarded
 * interface (never hand out the driver object); methods no table names are denied.
 */
abstract class GuardHandler implements InvocationHandler {
  final JdbcGate gate;
  final Object target;
  private final Class<?> iface;

  GuardHandler(JdbcGate gate, Object target, Class<?> iface) {
    this.gate = gate;
    this.target = target;
    this.iface = iface;
  }

  @SuppressWarnings("unchecked")
  static <T> T proxy(Class<T> iface, GuardHandler handler) {
    return (T) Proxy.newProxyInstance(GuardHandler.class.getClassLoader(), new Class<?>[] {iface}, handler);
  }

  @Override
  public final @Nullable Object invoke(Object proxy, Method m, @Nullable Object[] args) throws Throwable {
    String name = m.getName();
    int n = args == null ? 0 : args.length;
    if (m.getDeclaringClass() == Object.class) {
      return switch (name) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        case "toString" -> "Guarded" + iface.getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(proxy));
        default -> throw denied(m);
      };
    }
    if (name.equals("unwrap") && n == 1) {
      Class<?> wanted = (Class<?>) args[0];
      if (wanted != null && wanted.isInstance(proxy)) {
        return proxy;
      }
      throw denied(m, "unwrap(" + (wanted == null ? "null" : wanted.getName()) + ") would hand out the driver's"
          + " object and bypass the guard; only the guarded " + iface.getSimpleName() + " is available");
    }
    if (name.equals("isWrapperFor") && n == 1) {
      Class<?> wanted = (Class<?>) args[0];
      return wanted != null && wanted.isInstance(proxy);
    }
    try {
      return handle(proxy, m, name, args == null ? new Object[0] : args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Dispatches one call; implementations deny what their table does not name. */
  abstract @Nullable Object handle(Object proxy, Method m, String name, Object[] args) throws Throwable;

  final @Nullable Object pass(Method m, Object[] args) throws Throwable {
    return m.invoke(target, args);
  }

  static boolean in(Set<String> table, String name) {
    return table.contains(name);
  }

  final Throwable denied(Method m) {
    return denied(m, iface.getSimpleName() + "." + m.getName() + " is not allowed through a guarded connection:"
        + " the guard does not know what it would expose, so it refuses it (fail closed)");
  }

  final Throwable denied(Method m, String message) {
    Decision d = Decision.denied(ReasonCode.UNSUPPORTED_OPERATION, message, "jdbc:" + iface.getSimpleName() + "."
        + m.getName(), null, null, null);
    boolean checked = Arrays.asList(m.getExceptionTypes()).contains(SQLException.class);
    gate.record(io.nhipam.audit.AuditEventType.DENY, null, d.scope(), d.reason().name(), message, null,
        java.util.Map.of());
    return checked ? new GuardedSQLException(d) : new AccessDeniedException(d);
  }
}
