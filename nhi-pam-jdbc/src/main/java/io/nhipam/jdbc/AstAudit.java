package io.nhipam.jdbc;

import io.nhipam.error.ReasonCode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Defence in depth for the walkers: after analysis, every {@link Table}, {@link Column},
 * {@link Function} and {@link Select} reachable in the parsed statement must have been seen by
 * them. A node the walkers did not reach (an expression form JSqlParser's visitor adapter does not
 * descend into, a clause they do not model) makes the statement refused instead of half-checked.
 *
 * <p>The tree is read through JSqlParser's public getters; this runs once per distinct SQL text
 * (analyses are cached).
 */
final class AstAudit {
  private static final Map<Class<?>, List<Method>> GETTERS = new ConcurrentHashMap<>();

  private AstAudit() {}

  static void verify(Object root, Set<Object> seen) {
    Set<Object> done = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Object o = todo.pop();
      if (!done.add(o)) {
        continue;
      }
      if (o instanceof Column || o instanceof Table || o instanceof Function || o instanceof Select) {
        if (!seen.contains(o)) {
          throw new SqlRejectedException(ReasonCode.SQL_UNPARSEABLE, "the analyser did not reach "
              + o.getClass().getSimpleName() + " '" + Identifiers.printable(String.valueOf(o)) + "' in this"
              + " statement, so it cannot vouch for it and refuses the statement (fail closed); simplify the"
              + " expression around it");
        }
        if (o instanceof Column || o instanceof Table) {
          continue; // leaves: their qualifiers are names, not row sources
        }
      }
      if (o instanceof AllTableColumns) {
        continue;
      }
      for (Method m : getters(o.getClass())) {
        Object child;
        try {
          child = m.invoke(o);
        } catch (ReflectiveOperationException | RuntimeException e) {
          continue; // typed views that do not apply to this node (getPlainSelect on a set operation)
        }
        push(child, todo);
      }
    }
  }

  private static void push(Object child, Deque<Object> todo) {
    if (child == null) {
      return;
    }
    if (child instanceof Collection<?> c) {
      c.forEach(e -> push(e, todo));
    } else if (child instanceof Map<?, ?> map) {
      map.values().forEach(e -> push(e, todo));
    } else if (child instanceof Object[] arr) {
      for (Object e : arr) {
        push(e, todo);
      }
    } else if (child.getClass().getName().startsWith("net.sf.jsqlparser.") && !(child instanceof Enum)) {
      todo.push(child);
    }
  }

  private static List<Method> getters(Class<?> type) {
    return GETTERS.computeIfAbsent(type, t -> {
      java.util.ArrayList<Method> out = new java.util.ArrayList<>();
      for (Method m : t.getMethods()) {
        String n = m.getName();
        Class<?> r = m.getReturnType();
        if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && n.startsWith("get")
            && !r.isPrimitive() && r != String.class && r != Class.class && !n.equals("getASTNode")
            && !n.equals("getParent") && m.getDeclaringClass().getName().startsWith("net.sf.jsqlparser.")) {
          out.add(m);
        }
      }
      return List.copyOf(out);
    });
  }
}
