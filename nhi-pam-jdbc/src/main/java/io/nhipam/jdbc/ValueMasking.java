package io.nhipam.jdbc;

import io.nhipam.credential.Credential;
import io.nhipam.error.ReasonCode;
import io.nhipam.guard.MaskingSession;
import io.nhipam.mask.MaskAction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.rowset.serial.SerialBlob;
import javax.sql.rowset.serial.SerialClob;
import org.jspecify.annotations.Nullable;

/**
 * Masks the values of one result (a result set, or a call's out-parameters): the column rule from
 * the policy first, when the column's lineage leads to a masked table column and the credential
 * lacks its reveal scope; then content detection ({@code Guard.mask}) on every string, CLOB,
 * stream, byte array and string-typed object. Numeric getters on a masked column are refused.
 */
final class ValueMasking {
  private static final Set<String> SCALAR = Set.of("getInt", "getLong", "getShort", "getByte", "getFloat",
      "getDouble", "getBigDecimal", "getBoolean", "getDate", "getTime", "getTimestamp");

  private static final int MAX_AUDITED_COLUMNS = 16;
  private static final @Nullable MaskAction[] NO_RULES = {};
  private static final String[] NO_NAMES = {};

  private final JdbcGate gate;
  private final @Nullable Credential credential;
  private final String fp;
  private final @Nullable MaskAction[] rules;
  private final String[] ruleColumns;
  /** Values masked by a column rule, per column; created on the first one. */
  private @Nullable Map<String, Long> counts;
  /** Reveal grants worked out once per result, not once per value. */
  private final MaskingSession session;

  private ValueMasking(JdbcGate gate, @Nullable Credential credential, String fp, @Nullable MaskAction[] rules,
      String[] ruleColumns) {
    this.gate = gate;
    this.credential = credential;
    this.fp = fp;
    this.rules = rules;
    this.ruleColumns = ruleColumns;
    this.session = gate.guard.maskingSession(credential, fp);
  }

  /** The plan for a result set whose columns are described by {@code md}. */
  static ValueMasking plan(JdbcGate gate, @Nullable Credential c, @Nullable StatementAnalysis a,
      @Nullable ResultSetMetaData md) throws SQLException {
    String fp = a == null ? "sql-metadata" : a.fingerprint();
    if (a == null || md == null || !gate.hasColumnRules()) {
      return new ValueMasking(gate, c, fp, NO_RULES, NO_NAMES); // content detection only
    }
    int n = md.getColumnCount();
    MaskAction[] rules = new MaskAction[n + 1];
    String[] names = new String[n + 1];
    for (int i = 1; i <= n; i++) {
      for (ColumnRef col : lineage(a, i, md.getColumnLabel(i))) {
        MaskAction rule = gate.columnRule(c, col, fp);
        if (rule != null && rules[i] == null) {
          rules[i] = rule;
          names[i] = col.toString();
        }
      }
    }
    return new ValueMasking(gate, c, fp, rules, names);
  }

  static ValueMasking contentOnly(JdbcGate gate, @Nullable Credential c, @Nullable StatementAnalysis a) {
    return new ValueMasking(gate, c, a == null ? "sql-call" : a.fingerprint(), NO_RULES, NO_NAMES);
  }

  private static Set<ColumnRef> lineage(StatementAnalysis a, int index, @Nullable String label) {
    var outputs = a.outputs();
    if (a.exactOutputs() && index <= outputs.size()) {
      return outputs.get(index - 1).sources();
    }
    Set<ColumnRef> out = new java.util.LinkedHashSet<>();
    for (OutputColumn o : outputs) {
      if (label != null && label.equals(o.name())) {
        out.addAll(o.sources());
      }
      for (TableRef t : o.starTables()) {
        if (label != null && Identifiers.isScopeSafe(label)) {
          out.add(new ColumnRef(t, label));
        }
      }
    }
    return out;
  }

  private @Nullable MaskAction rule(int column) {
    return column > 0 && column < rules.length ? rules[column] : null;
  }

  /**
   * How getter {@code m} (of a result set or a callable statement) reads a value, or null when it
   * is not a getter the masking knows (those are denied). Only getters whose first parameter is a
   * column index or label qualify.
   */
  static @Nullable Op readOp(Method m) {
    Class<?>[] p = m.getParameterTypes();
    String name = m.getName();
    if (p.length == 0 || (p[0] != int.class && p[0] != String.class) || !name.startsWith("get")) {
      return null;
    }
    if (p.length == 1 && p[0] == int.class) {
      switch (name) {
        case "getInt" -> {
          return Op.READ_INT_AT;
        }
        case "getLong" -> {
          return Op.READ_LONG_AT;
        }
        case "getString" -> {
          return Op.READ_STRING_AT;
        }
        case "getBigDecimal" -> {
          return Op.READ_DECIMAL_AT;
        }
        default -> {
          // the general operation below
        }
      }
    }
    if (SCALAR.contains(name)) {
      return Op.READ_SCALAR;
    }
    return switch (name) {
      case "getString", "getNString" -> Op.READ_TEXT;
      case "getClob", "getNClob" -> Op.READ_CLOB;
      case "getCharacterStream", "getNCharacterStream" -> Op.READ_CHARS;
      case "getAsciiStream", "getUnicodeStream", "getBinaryStream" -> Op.READ_STREAM;
      case "getBytes" -> Op.READ_BYTES;
      case "getBlob" -> Op.READ_BLOB;
      case "getObject" -> Op.READ_OBJECT;
      default -> null;
    };
  }

  /** Refuses numeric and temporal getter {@code getter} on a masked column: its value would leave unmasked. */
  void requireUnmasked(int column, String getter) throws GuardedSQLException {
    if (rule(column) != null) {
      throw gate.deny(credential, ReasonCode.MASKED_COLUMN_INFERENCE, "column " + column + " (" + ruleColumns[column]
          + ") is masked; " + getter + " would return it unmasked; read it with getString", "jdbc:" + getter, fp);
    }
  }

  /**
   * Reads and masks one value through getter {@code m}, classified {@code op} by {@link #readOp};
   * {@code column} is its 1-based index.
   */
  @Nullable Object read(GuardHandler h, Method m, Op op, Object[] args, int column) throws Throwable {
    switch (op) {
      case READ_SCALAR, READ_INT_AT, READ_LONG_AT, READ_DECIMAL_AT -> {
        requireUnmasked(column, m.getName());
        return h.pass(m, args);
      }
      case READ_TEXT, READ_STRING_AT -> {
        return text(column, (String) h.pass(m, args));
      }
      case READ_CLOB -> {
        Clob clob = (Clob) h.pass(m, args);
        String t = clob == null ? null : text(column, clob.getSubString(1, (int) clob.length()));
        return t == null ? null : new SerialClob(t.toCharArray());
      }
      case READ_CHARS -> {
        Reader r = (Reader) h.pass(m, args);
        String t = r == null ? null : text(column, readAll(r));
        return t == null ? null : new StringReader(t);
      }
      case READ_STREAM -> {
        java.io.InputStream in = (java.io.InputStream) h.pass(m, args);
        byte[] b = in == null ? null : bytes(column, in.readAllBytes());
        return b == null ? null : new ByteArrayInputStream(b);
      }
      case READ_BYTES -> {
        return bytes(column, (byte[]) h.pass(m, args));
      }
      case READ_BLOB -> {
        Blob blob = (Blob) h.pass(m, args);
        byte[] b = blob == null ? null : bytes(column, blob.getBytes(1, (int) blob.length()));
        return b == null ? null : new SerialBlob(b);
      }
      case READ_OBJECT -> {
        if (args.length == 2 && args[1] == String.class) {
          return text(column, (String) h.pass(m, args));
        }
        return object(h, m, column, h.pass(m, args));
      }
      default -> throw h.denied(m);
    }
  }

  private @Nullable Object object(GuardHandler h, Method m, int column, @Nullable Object v) throws Throwable {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return text(column, s);
    }
    if (v instanceof Clob clob) {
      return new SerialClob(text(column, clob.getSubString(1, (int) clob.length())).toCharArray());
    }
    if (v instanceof Blob blob) {
      return new SerialBlob(bytes(column, blob.getBytes(1, (int) blob.length())));
    }
    if (v instanceof byte[] b) {
      return bytes(column, b);
    }
    boolean plain = v instanceof Number || v instanceof Boolean || v instanceof java.util.Date
        || v instanceof TemporalAccessor || v instanceof UUID;
    if (plain && rule(column) == null) {
      return v;
    }
    if (plain && m.getParameterCount() == 1) {
      return text(column, v.toString()); // a masked value cannot keep a numeric type
    }
    throw h.denied(m, "getObject returned a " + v.getClass().getSimpleName() + " for column " + column
        + ", which the guard cannot mask; read it with getString");
  }

  /** Applies the column rule then content masking. */
  @Nullable String text(int column, @Nullable String value) {
    if (value == null) {
      return null;
    }
    String v = value;
    MaskAction rule = rule(column);
    if (rule != null) {
      if (counts == null) {
        counts = new TreeMap<>();
      }
      counts.merge(ruleColumns[column], 1L, Long::sum);
      String label = ruleColumns[column].substring(ruleColumns[column].lastIndexOf('.') + 1);
      v = gate.guard.masker().applyAction(rule, label.toUpperCase(java.util.Locale.ROOT), v);
      if (v == null) {
        return null;
      }
    }
    return session.mask(v);
  }

  private byte @Nullable [] bytes(int column, byte @Nullable [] value) {
    if (value == null) {
      return null;
    }
    // ISO-8859-1 maps every byte to one char and back: lossless when nothing is masked
    String s = new String(value, StandardCharsets.ISO_8859_1);
    String masked = text(column, s);
    if (masked == null) {
      return null;
    }
    return masked.equals(s) ? value : masked.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String readAll(Reader r) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[4096];
    for (int n; (n = r.read(buf)) > 0; ) {
      sb.append(buf, 0, n);
    }
    return sb.toString();
  }

  /** Audits what column rules masked, once, and forgets the counts. */
  void flushAudit() {
    Map<String, Long> counts = this.counts;
    if (counts == null || counts.isEmpty()) {
      return;
    }
    Map<String, Long> attrs = new TreeMap<>();
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (attrs.size() == MAX_AUDITED_COLUMNS) {
        break; // audit attributes are bounded; the first columns in name order are named
      }
      String key = ("column." + e.getKey().toLowerCase(Locale.ROOT)).replace('$', '_');
      attrs.merge(key.length() > 64 ? key.substring(0, 64) : key, e.getValue(), Long::sum);
    }
    counts.clear();
    gate.record(io.nhipam.audit.AuditEventType.MASK, credential, "db:columns", "COLUMN_RULE", null, fp, attrs);
  }

  /** Masks a call's out-parameter read through {@code m} (content detection only). */
  static @Nullable Object outParameter(StatementHandler h, Method m, Object[] args, @Nullable Credential c,
      @Nullable StatementAnalysis a) throws Throwable {
    Op op = readOp(m);
    if (op == null || (!(args[0] instanceof Integer) && !(args[0] instanceof String))) {
      throw h.denied(m);
    }
    return contentOnly(h.gate, c, a).read(h, m, op, args, 0);
  }
}
