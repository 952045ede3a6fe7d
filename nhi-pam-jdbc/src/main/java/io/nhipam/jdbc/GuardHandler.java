package io.nhipam.jdbc;

import io.nhipam.error.ReasonCode;
import io.nhipam.guard.AccessDeniedException;
import io.nhipam.guard.Decision;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Base of every guarded JDBC object: the handler of a dynamic proxy over one interface, or of a
 * class generated to call it the same way ({@link GuardedConnection}, {@link
 * GuardedPreparedStatement}, {@link GuardedResultSet}, {@link GuardedResultSetMetaData}), with an
 * explicit table of what each method does ({@link MethodTable}, built once per interface). {@code
 * unwrap} and {@code isWrapperFor} only ever answer for the guarded interface (never hand out the
 * driver object); methods the table does not name are denied.
 */
abstract class GuardHandler implements InvocationHandler {
  private static final Object[] NO_ARGS = {};

  final JdbcGate gate;
  final Object target;
  private final Class<?> iface;
  private final MethodTable table;

  GuardHandler(JdbcGate gate, Object target, Class<?> iface, ClassValue<MethodTable> tables) {
    this.gate = gate;
    this.target = target;
    this.iface = iface;
    this.table = tables.get(iface);
  }

  /**
   * The constructor of the proxy class of each interface, looked up once: building a proxy through
   * it costs a fraction of {@link Proxy#newProxyInstance}, which finds the class again on every
   * call. Empty when the constructor is not accessible; then every proxy is built the standard way.
   */
  static final ClassValue<Optional<Constructor<?>>> CONSTRUCTORS = new ClassValue<>() {
    @Override
    protected Optional<Constructor<?>> computeValue(Class<?> iface) {
      Object probe = Proxy.newProxyInstance(GuardHandler.class.getClassLoader(), new Class<?>[] {iface},
          (p, m, a) -> {
            throw new IllegalStateException("the probe proxy is never handed out");
          });
      try {
        Constructor<?> k = probe.getClass().getConstructor(InvocationHandler.class);
        k.newInstance(Proxy.getInvocationHandler(probe)); // throws here, once, when it is not accessible
        return Optional.of(k);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return Optional.empty();
      }
    }
  };

  static <T> T proxy(Class<T> iface, GuardHandler handler) {
    Optional<Constructor<?>> k = CONSTRUCTORS.get(iface);
    if (k.isPresent()) {
      try {
        return iface.cast(k.get().newInstance(handler));
      } catch (ReflectiveOperationException e) {
        // fall through to the standard way
      }
    }
    return iface.cast(Proxy.newProxyInstance(GuardHandler.class.getClassLoader(), new Class<?>[] {iface}, handler));
  }

  @Override
  public final @Nullable Object invoke(Object proxy, Method m, @Nullable Object[] args) throws Throwable {
    MethodTable.Entry e = table.entry(m);
    Object[] a = args == null ? NO_ARGS : args;
    switch (e.op()) {
      case DENY -> throw denied(m, e.denial());
      case OBJECT_EQUALS -> {
        return proxy == a[0];
      }
      case OBJECT_HASH_CODE -> {
        return System.identityHashCode(proxy);
      }
      case OBJECT_TO_STRING -> {
        return "Guarded" + iface.getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(proxy));
      }
      case UNWRAP -> {
        Class<?> wanted = (Class<?>) a[0];
        if (wanted != null && wanted.isInstance(proxy)) {
          return proxy;
        }
        throw denied(m, "unwrap(" + (wanted == null ? "null" : wanted.getName()) + ") would hand out the driver's"
            + " object and bypass the guard; only the guarded " + iface.getSimpleName() + " is available");
      }
      case IS_WRAPPER_FOR -> {
        Class<?> wanted = (Class<?>) a[0];
        return wanted != null && wanted.isInstance(proxy);
      }
      default -> {
        try {
          return handle(proxy, e.op(), m, a);
        } catch (InvocationTargetException failure) {
          throw failure.getCause();
        }
      }
    }
  }

  /** Carries out one call that the table classified as {@code op}; denies operations it does not expect. */
  abstract @Nullable Object handle(Object proxy, Op op, Method m, Object[] args) throws Throwable;

  final @Nullable Object pass(Method m, Object[] args) throws Throwable {
    return m.invoke(target, args);
  }

  final Throwable denied(Method m) {
    return denied(m, MethodTable.deny(iface, m).denial());
  }

  final Throwable denied(Method m, @Nullable String message) {
    String text = message == null ? MethodTable.deny(iface, m).denial() : message;
    Decision d = Decision.denied(ReasonCode.UNSUPPORTED_OPERATION, text, "jdbc:" + iface.getSimpleName() + "."
        + m.getName(), null, null, null);
    boolean checked = false;
    for (Class<?> t : m.getExceptionTypes()) {
      checked |= t == SQLException.class;
    }
    gate.record(io.nhipam.audit.AuditEventType.DENY, null, d.scope(), d.reason().name(), text, null,
        java.util.Map.of());
    return checked ? new GuardedSQLException(d) : new AccessDeniedException(d);
  }
}
