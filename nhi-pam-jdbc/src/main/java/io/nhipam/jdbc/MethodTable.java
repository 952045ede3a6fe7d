package io.nhipam.jdbc;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What one kind of guarded object does with each method of one interface, worked out once per
 * interface so that a call costs one map lookup and a switch instead of name comparisons.
 *
 * <p>The classifier sees every public method of the interface (and {@code Object}'s
 * {@code equals}, {@code hashCode}, {@code toString}); {@code unwrap}, {@code isWrapperFor} and
 * the {@code Object} methods are classified here, the same for every interface. A method the
 * classifier does not name is {@link Op#DENY}, with the message its denial carries. A method the
 * table was not built with (it cannot happen for a proxy of the same interface) is classified on
 * the spot by the same rules, never passed through unclassified.
 */
final class MethodTable {
  /** One method's operation; {@code denial} is the message of a denial, set exactly when {@code op} is DENY. */
  record Entry(Op op, @Nullable String denial) {
    Entry {
      if ((op == Op.DENY) != (denial != null)) {
        throw new IllegalArgumentException("a denial, and only a denial, carries a message: " + op);
      }
    }
  }

  /** Classifies one method of {@code iface} that is not one of the common ones. */
  @FunctionalInterface
  interface Classifier {
    Entry classify(Class<?> iface, Method m);
  }

  private final Class<?> iface;
  private final Classifier classifier;
  private final Map<Method, Entry> entries;
  /**
   * The entries by the identity of the {@code Method} objects calls arrive with (a proxy class
   * passes the same objects every time), so that the hot lookup compares references instead of
   * parameter lists; copied on write, filled on the first call of each method.
   */
  private volatile IdentityHashMap<Method, Entry> seen = new IdentityHashMap<>();

  private MethodTable(Class<?> iface, Classifier classifier) {
    this.iface = iface;
    this.classifier = classifier;
    Map<Method, Entry> map = new HashMap<>();
    for (Method m : methods(iface)) {
      map.put(m, classify(iface, m, classifier));
    }
    this.entries = map;
  }

  /** One table per interface for {@code classifier}, built on first use. */
  static ClassValue<MethodTable> cache(Classifier classifier) {
    return new ClassValue<>() {
      @Override
      protected MethodTable computeValue(Class<?> iface) {
        return new MethodTable(iface, classifier);
      }
    };
  }

  Entry entry(Method m) {
    Entry e = seen.get(m);
    return e != null ? e : remember(m);
  }

  private synchronized Entry remember(Method m) {
    Entry e = entries.get(m);
    if (e == null) {
      e = classify(iface, m, classifier);
    }
    IdentityHashMap<Method, Entry> copy = new IdentityHashMap<>(seen);
    copy.put(m, e);
    seen = copy;
    return e;
  }

  static Entry allow(Op op) {
    return new Entry(op, null);
  }

  /** The denial of a method the guard does not know what it would expose. */
  static Entry deny(Class<?> iface, Method m) {
    return deny(iface, m, "the guard does not know what it would expose, so it refuses it (fail closed)");
  }

  static Entry deny(Class<?> iface, Method m, String why) {
    return new Entry(Op.DENY, iface.getSimpleName() + "." + m.getName() + " is not allowed through a guarded"
        + " connection: " + why);
  }

  /** Every method a proxy of {@code iface} can be called with: its public instance methods and Object's three. */
  static List<Method> methods(Class<?> iface) {
    List<Method> out = new ArrayList<>();
    try {
      out.add(Object.class.getMethod("equals", Object.class));
      out.add(Object.class.getMethod("hashCode"));
      out.add(Object.class.getMethod("toString"));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
    for (Method m : iface.getMethods()) {
      if (!Modifier.isStatic(m.getModifiers())) {
        out.add(m);
      }
    }
    return out;
  }

  /** The table as lines {@code Iface.name(Param, ...) OP}, denials with their message, sorted (for review). */
  List<String> describe() {
    return entries.entrySet().stream()
        .map(e -> iface.getSimpleName() + "." + e.getKey().getName() + Arrays.stream(e.getKey().getParameterTypes())
            .map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")")) + " " + e.getValue().op())
        .sorted().toList();
  }

  private static Entry classify(Class<?> iface, Method m, Classifier classifier) {
    String name = m.getName();
    int n = m.getParameterCount();
    if (m.getDeclaringClass() == Object.class) {
      if (name.equals("equals") && n == 1) {
        return allow(Op.OBJECT_EQUALS);
      }
      if (name.equals("hashCode") && n == 0) {
        return allow(Op.OBJECT_HASH_CODE);
      }
      if (name.equals("toString") && n == 0) {
        return allow(Op.OBJECT_TO_STRING);
      }
      return deny(iface, m);
    }
    if (n == 1 && m.getParameterTypes()[0] == Class.class) {
      if (name.equals("unwrap")) {
        return allow(Op.UNWRAP);
      }
      if (name.equals("isWrapperFor")) {
        return allow(Op.IS_WRAPPER_FOR);
      }
    }
    Entry e = classifier.classify(iface, m);
    if (e == null) {
      throw new IllegalStateException("no classification for " + iface.getSimpleName() + "." + name);
    }
    return e;
  }
}
