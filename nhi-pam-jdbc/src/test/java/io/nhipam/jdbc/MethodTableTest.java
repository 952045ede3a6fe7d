package io.nhipam.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.nhipam.audit.AuditEventType;
import io.nhipam.error.ReasonCode;
import io.nhipam.guard.AccessDeniedException;
import io.nhipam.guard.Decision;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The dispatch tables of the guarded JDBC objects: every method of every guarded interface has a
 * reviewed classification, denied methods never reach the driver, and every operation a table
 * hands out is one its handler carries out.
 */
class MethodTableTest {
  private static final String REVIEWED = "jdbc-method-table.txt";

  private final GuardFixture fx = new GuardFixture("PUBLIC", true);
  private final JdbcGate gate = new JdbcGate(fx.pam.guard(), () -> null, SqlAnalyzer.withCacheSize(10),
      SqlDialect.H2);
  /** Every call that reached a stand-in driver object, as {@code Iface.method}. */
  private final List<String> reached = new ArrayList<>();

  /** The guarded interfaces with the table each is dispatched by. */
  private static Map<Class<?>, ClassValue<MethodTable>> tables() {
    Map<Class<?>, ClassValue<MethodTable>> t = new LinkedHashMap<>();
    var connection = MethodTable.cache(ConnectionHandler::classify);
    var statement = MethodTable.cache(StatementHandler::classify);
    var passive = MethodTable.cache(PassiveHandler::classify);
    t.put(Connection.class, connection);
    t.put(Statement.class, statement);
    t.put(PreparedStatement.class, statement);
    t.put(CallableStatement.class, statement);
    t.put(ResultSet.class, MethodTable.cache(ResultSetHandler::classify));
    t.put(DatabaseMetaData.class, MethodTable.cache(MetaDataHandler::classify));
    t.put(ResultSetMetaData.class, passive);
    t.put(ParameterMetaData.class, passive);
    return t;
  }

  @Test
  void everyMethodOfEveryGuardedInterface_hasTheReviewedClassification() throws IOException {
    List<String> actual = new ArrayList<>();
    tables().forEach((iface, table) -> actual.addAll(table.get(iface).describe()));
    String rewrite = System.getProperty("nhipam.writeMethodTable"); // after a review: write the new table there
    if (rewrite != null) {
      java.nio.file.Files.write(java.nio.file.Path.of(rewrite), actual, StandardCharsets.UTF_8);
    }
    String reviewed;
    try (InputStream in = MethodTableTest.class.getResourceAsStream(REVIEWED)) {
      assertThat(in).as(REVIEWED).isNotNull();
      reviewed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> expected = reviewed.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    // A JDK that adds a JDBC method, or a change to a classifier, lands here: review what the new
    // operation exposes, then update the file (-Dnhipam.writeMethodTable=<file> writes the current one).
    assertThat(actual).as("method classification differs from " + REVIEWED).containsExactlyElementsOf(expected);
  }

  @Test
  void everyMethod_tableEntryMatchesItsMethodAndDenialsCarryAMessage() {
    tables().forEach((iface, cache) -> {
      MethodTable table = cache.get(iface);
      for (Method m : MethodTable.methods(iface)) {
        MethodTable.Entry e = table.entry(m);
        assertThat(e).as(iface.getSimpleName() + "." + m.getName()).isNotNull();
        if (e.op() == Op.DENY) {
          assertThat(e.denial()).contains(iface.getSimpleName() + "." + m.getName() + " is not allowed");
        }
      }
    });
  }

  @Test
  void deniedMethods_neverReachTheDriver_andAreDeniedAsUnsupported() throws Exception {
    int denied = 0;
    for (Map.Entry<Class<?>, ClassValue<MethodTable>> t : tables().entrySet()) {
      Class<?> iface = t.getKey();
      Object guarded = guarded(iface);
      reached.clear();
      for (Method m : MethodTable.methods(iface)) {
        MethodTable.Entry e = t.getValue().get(iface).entry(m);
        if (e.op() != Op.DENY) {
          continue;
        }
        int events = fx.audit.events().size();
        Throwable thrown = call(guarded, m);
        Decision d = decision(thrown);
        assertThat(d).as(iface.getSimpleName() + "." + m + " threw " + thrown).isNotNull();
        assertThat(d.reason()).isEqualTo(ReasonCode.UNSUPPORTED_OPERATION);
        assertThat(d.message()).isEqualTo(e.denial());
        assertThat(thrown).isInstanceOf(declaresSqlException(m) ? GuardedSQLException.class
            : AccessDeniedException.class);
        assertThat(fx.audit.events()).hasSize(events + 1);
        assertThat(fx.audit.events().get(events).type()).isEqualTo(AuditEventType.DENY);
        denied++;
      }
      assertThat(reached).as("denied calls of " + iface.getSimpleName() + " that reached the driver").isEmpty();
    }
    assertThat(denied).as("denied methods tried").isGreaterThan(100);
  }

  @Test
  void everyAllowedOperation_isCarriedOutByItsHandler() throws Exception {
    for (Map.Entry<Class<?>, ClassValue<MethodTable>> t : tables().entrySet()) {
      Class<?> iface = t.getKey();
      for (Method m : MethodTable.methods(iface)) {
        MethodTable.Entry e = t.getValue().get(iface).entry(m);
        if (e.op() == Op.DENY || e.op() == Op.UNWRAP) {
          continue; // unwrap(null) is a denial of its own
        }
        Throwable thrown = call(guarded(iface), m);
        Decision d = decision(thrown);
        // other failures (a stand-in's null, a denial for the missing credential) are fine here;
        // the generic denial would mean the handler has no case for the table's operation
        if (d != null && d.reason() == ReasonCode.UNSUPPORTED_OPERATION) {
          fail(iface.getSimpleName() + "." + m + " is classified " + e.op() + " but its handler denied it: "
              + d.message());
        }
      }
    }
  }

  @Test
  void proxy_builtThroughTheCachedConstructor_isAProxyOfTheInterfaceWithItsHandler() throws Exception {
    Statement first = (Statement) guarded(Statement.class);
    Statement second = (Statement) guarded(Statement.class);
    assertThat(Proxy.isProxyClass(first.getClass())).isTrue();
    assertThat(first.getClass()).isSameAs(second.getClass());
    assertThat(Proxy.getInvocationHandler(first)).isInstanceOf(StatementHandler.class)
        .isNotSameAs(Proxy.getInvocationHandler(second));
    assertThat(first).isNotInstanceOf(PreparedStatement.class);
    assertThat(first.isWrapperFor(Statement.class)).isTrue();
    assertThat(GuardHandler.CONSTRUCTORS.get(Statement.class)).as("proxy constructor accessible from "
        + GuardHandler.class.getModule()).isPresent();
  }

  /**
   * Each generated class (connection, prepared statement, result set, its metadata) does, for every method of
   * its interface, what a dynamic proxy over the same handler does: same answer or same failure,
   * same calls to the driver.
   */
  @Test
  void generatedClasses_behaveAsAProxyOverTheirHandler_forEveryMethod() throws Exception {
    Map<Class<?>, Class<?>> generatedClasses = Map.of(Connection.class, GuardedConnection.class,
        PreparedStatement.class, GuardedPreparedStatement.class, ResultSet.class, GuardedResultSet.class,
        ResultSetMetaData.class, GuardedResultSetMetaData.class);
    for (Map.Entry<Class<?>, Class<?>> g : generatedClasses.entrySet()) {
      Class<?> iface = g.getKey();
      int compared = 0;
      for (Method m : MethodTable.methods(iface)) {
        if (m.getDeclaringClass() == Object.class) {
          continue; // identity-based: compared below
        }
        Object generated = guarded(iface);
        Object generatedAnswer = answer(generated, m);
        List<String> generatedCalls = new ArrayList<>(reached);

        Object proxy = GuardHandler.proxy(iface, handlerOf(guarded(iface)));
        Object proxyAnswer = answer(proxy, m);

        assertThat(generated).isExactlyInstanceOf(g.getValue());
        assertThat(describe(generatedAnswer, generated)).as(iface.getSimpleName() + "." + m)
            .isEqualTo(describe(proxyAnswer, proxy));
        assertThat(generatedCalls).as("driver calls of " + iface.getSimpleName() + "." + m).isEqualTo(reached);
        compared++;
      }
      assertThat(compared).as(iface.getSimpleName() + " methods compared").isEqualTo(iface.getMethods().length);
      Object o = guarded(iface);
      assertThat(o.equals(o)).isTrue();
      assertThat(o.equals(guarded(iface))).isFalse();
      assertThat(o.hashCode()).isEqualTo(System.identityHashCode(o));
      assertThat(o.toString()).startsWith(g.getValue().getSimpleName() + "@");
    }
  }

  /** The handler a generated class calls. */
  private static GuardHandler handlerOf(Object generated) throws Exception {
    var field = generated.getClass().getDeclaredField("handler");
    field.setAccessible(true);
    return (GuardHandler) field.get(generated);
  }

  /** The value {@code m} returned, or what it threw. */
  private static Object answer(Object target, Method m) {
    Object[] args = new Object[m.getParameterCount()];
    Class<?>[] types = m.getParameterTypes();
    for (int i = 0; i < args.length; i++) {
      args[i] = zero(types[i]);
    }
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      return e.getCause();
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  /** An answer in terms that do not depend on which guarded object gave it. */
  private static String describe(Object answer, Object self) {
    if (answer instanceof Throwable t) {
      return t.getClass().getName() + ": " + t.getMessage();
    }
    if (answer == self) {
      return "itself";
    }
    return String.valueOf(answer).replaceAll("@[0-9a-f]+", "@<identity>");
  }

  private static boolean declaresSqlException(Method m) {
    for (Class<?> t : m.getExceptionTypes()) {
      if (t == SQLException.class) {
        return true;
      }
    }
    return false;
  }

  private static Decision decision(Throwable t) {
    if (t instanceof GuardedSQLException g) {
      return g.decision();
    }
    if (t instanceof AccessDeniedException a) {
      return a.decision();
    }
    return null;
  }

  /** What {@code m} threw on {@code guarded}, or null when it returned. */
  private static Throwable call(Object guarded, Method m) {
    return answer(guarded, m) instanceof Throwable t ? t : null; // no guarded getter answers a Throwable here
  }

  private static Object zero(Class<?> type) {
    if (type == void.class) {
      return null;
    }
    if (type == String.class) {
      return "x"; // SQL text, a label or a name: a null would be a denial of its own
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == char.class) {
      return '\0';
    }
    if (type.isPrimitive()) {
      return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0);
    }
    return null;
  }

  /** A guarded object of {@code iface} over a stand-in driver object that records every call. */
  private Object guarded(Class<?> iface) throws SQLException {
    Connection connection = stub(Connection.class);
    Connection guardedConnection = ConnectionHandler.wrap(gate, connection);
    ConnectionHandler owner;
    try {
      owner = (ConnectionHandler) handlerOf(guardedConnection);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    StatementAnalysis select = gate.analyzer.analyze("SELECT id FROM invoices WHERE id = ?", SqlDialect.H2, "PUBLIC");
    Function<Class<? extends Statement>, Object> statement = type -> {
      try {
        return StatementHandler.wrap(type, gate, guardedConnection, owner, stub(type),
            type == Statement.class ? null : select, false);
      } catch (SQLException e) {
        throw new AssertionError(e);
      }
    };
    Object g;
    if (iface == Connection.class) {
      g = guardedConnection;
    } else if (iface == Statement.class || iface == PreparedStatement.class || iface == CallableStatement.class) {
      g = statement.apply(iface.asSubclass(Statement.class));
    } else if (iface == ResultSet.class) {
      g = ResultSetHandler.wrap(gate, null, stub(ResultSet.class), null, null);
    } else if (iface == DatabaseMetaData.class) {
      g = MetaDataHandler.wrap(gate, guardedConnection, stub(DatabaseMetaData.class));
    } else {
      g = PassiveHandler.wrap(gate, iface, stub(iface));
    }
    reached.clear(); // wrapping a plain statement turns the driver's escape processing off
    return g;
  }

  /** A stand-in driver object: records the call, answers zero, false, null or another stand-in. */
  private <T> T stub(Class<T> iface) {
    return iface.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {iface}, (p, m, a) -> {
      if (m.getDeclaringClass() == Object.class) {
        return switch (m.getName()) {
          case "equals" -> p == a[0];
          case "hashCode" -> System.identityHashCode(p);
          default -> "stub " + iface.getSimpleName();
        };
      }
      reached.add(iface.getSimpleName() + "." + m.getName());
      Class<?> r = m.getReturnType();
      if (r.isInterface() && r.getPackageName().equals("java.sql")) {
        return stub(r);
      }
      return zero(r);
    }));
  }
}
