package io.nhipam.jdbc;

import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * What every generated guarded class shares (they are written by {@code
 * nhi-pam-jdbc/src/build/generate-guarded-classes.py}): a call it does not make directly goes to
 * its {@link GuardHandler} exactly as a dynamic proxy's would, and {@code equals}, {@code
 * hashCode} and {@code toString} are the handler's, as they are for a proxy.
 */
abstract class GeneratedGuard {
  private static final Method EQUALS = method(Object.class, "equals", Object.class);
  private static final Method HASH_CODE = method(Object.class, "hashCode");
  private static final Method TO_STRING = method(Object.class, "toString");

  private final GuardHandler guard;

  GeneratedGuard(GuardHandler guard) {
    this.guard = guard;
  }

  /** {@code type}'s public method, looked up once when a generated class is initialised. */
  static Method method(Class<?> type, String name, Class<?>... parameters) {
    try {
      return type.getMethod(name, parameters);
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** What a dynamic proxy does with a call: the handler decides; undeclared checked failures are wrapped. */
  final @Nullable Object call(Method m, @Nullable Object... args) throws SQLException {
    try {
      return guard.invoke(this, m, args.length == 0 ? null : args);
    } catch (SQLException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new UndeclaredThrowableException(t);
    }
  }

  /** {@link #call} for a method that declares no checked exception. */
  final @Nullable Object callObject(Method m, @Nullable Object... args) {
    try {
      return guard.invoke(this, m, args.length == 0 ? null : args);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new UndeclaredThrowableException(t);
    }
  }

  @Override
  public final boolean equals(@Nullable Object other) {
    return (Boolean) callObject(EQUALS, other);
  }

  @Override
  public final int hashCode() {
    return (Integer) callObject(HASH_CODE);
  }

  @Override
  public final String toString() {
    return (String) callObject(TO_STRING);
  }
}
