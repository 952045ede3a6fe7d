package io.nhipam.jdbc;

import io.nhipam.error.ReasonCode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The functions a guarded statement may call. An allow-list, not a deny-list: anything not named
 * here is refused, which keeps out functions that run SQL text or reach outside the database
 * ({@code query_to_xml}, {@code dblink}, {@code lo_import}, {@code pg_read_file}, H2
 * {@code CSVREAD}, {@code FILE_READ}, {@code LINK_SCHEMA}...) and user-defined functions, whose
 * bodies the guard cannot see. Schema-qualified, quoted and JDBC-escaped ({@code {fn ...}})
 * function names are refused too.
 */
final class FunctionAllowList {
  static final Set<String> SCALAR = Set.of(
      // aggregates
      "count", "sum", "avg", "min", "max", "every", "bool_and", "bool_or", "string_agg", "listagg",
      "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp",
      // null handling and comparison (any/all: "= ANY(array)")
      "any", "all", "coalesce", "nullif", "greatest", "least", "ifnull", "nvl",
      // text
      "lower", "upper", "length", "char_length", "character_length", "octet_length", "substring", "substr",
      "trim", "ltrim", "rtrim", "btrim", "concat", "concat_ws", "replace", "left", "right", "lpad", "rpad",
      "position", "strpos", "locate", "reverse", "repeat", "initcap", "translate", "split_part", "starts_with",
      // numbers
      "abs", "round", "trunc", "truncate", "floor", "ceil", "ceiling", "mod", "power", "sqrt", "sign", "exp", "ln",
      "log", "log10", "random", "rand",
      // time
      "now", "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp", "date_trunc",
      "date_part", "to_char", "to_date", "to_timestamp", "to_number", "age", "year", "month", "day", "hour", "minute",
      "second", "dayofweek", "dayofmonth", "dayofyear", "week", "quarter", "dateadd", "datediff",
      // window functions
      "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value",
      "last_value", "nth_value");

  /** Functions that may stand in a FROM clause: they produce rows from their arguments only. */
  static final Set<String> TABLE = Set.of("generate_series", "unnest", "system_range");

  private FunctionAllowList() {}

  static void check(List<String> multipartName, String rawName, boolean escaped, boolean inFrom) {
    String shown = Identifiers.printable(rawName);
    if (escaped) {
      throw forbidden("JDBC escape {fn " + shown + "} is refused: the driver rewrites it after the guard has"
          + " checked the statement; write the function call directly");
    }
    if (multipartName.size() != 1) {
      throw forbidden("schema-qualified function " + shown + " is refused; only the built-in functions on the"
          + " allow-list may be called, unqualified");
    }
    String name = multipartName.get(0);
    if (name.indexOf('"') >= 0 || name.indexOf('`') >= 0 || name.indexOf('[') >= 0) {
      throw forbidden("quoted function name " + shown + " is refused; quoting can name a user-defined function"
          + " instead of the built-in one");
    }
    String lower = name.toLowerCase(Locale.ROOT);
    Set<String> allowed = inFrom ? TABLE : SCALAR;
    if (!allowed.contains(lower)) {
      throw forbidden("function " + shown + " is not on the allow-list of " + (inFrom ? "table" : "scalar")
          + " functions; functions that run SQL text, read files or reach other servers (query_to_xml, dblink,"
          + " lo_import, pg_read_file, CSVREAD, RUNSCRIPT, LINK_SCHEMA, ...) and user-defined functions are refused");
    }
  }

  private static SqlRejectedException forbidden(String message) {
    return new SqlRejectedException(ReasonCode.SQL_FORBIDDEN, message);
  }
}
