package io.nhipam.jdbc;

import io.nhipam.error.ReasonCode;

/**
 * Refuses SQL text whose lexical reading differs between JSqlParser, H2 and PostgreSQL, before it
 * is parsed: where they could disagree on where a string or comment ends, a statement the guard
 * checked could hide another that the database runs. Refused: backslashes (escape strings),
 * dollar quoting, nested block comments, unterminated strings or comments, NUL characters, and
 * text longer than {@link SqlAnalyzer#MAX_SQL_LENGTH}.
 */
final class LexicalCheck {
  private LexicalCheck() {}

  static void check(String sql) {
    if (sql.length() > SqlAnalyzer.MAX_SQL_LENGTH) {
      throw refuse("SQL text of " + sql.length() + " characters is longer than the " + SqlAnalyzer.MAX_SQL_LENGTH
          + " analysed; split it");
    }
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\\') {
        throw refuse("SQL text with a backslash is refused: the parser and the database may disagree on escapes"
            + " and so on where a string ends; pass such values as bound parameters");
      }
      if (c == '\0') {
        throw refuse("SQL text with a NUL character is refused");
      }
      if (c == '$' && i + 1 < n && (sql.charAt(i + 1) == '$' || Character.isLetter(sql.charAt(i + 1))
          || sql.charAt(i + 1) == '_') && dollarTag(sql, i)) {
        throw refuse("dollar-quoted text is refused: the parser does not read it as the database does; pass such"
            + " values as bound parameters");
      }
      if (c == '\'' || c == '"') {
        i = quoted(sql, i, c);
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        i = blockComment(sql, i);
      } else {
        i++;
      }
    }
  }

  private static boolean dollarTag(String sql, int start) {
    int j = start + 1;
    while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
      j++;
    }
    return j < sql.length() && sql.charAt(j) == '$';
  }

  private static int quoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\\' || c == '\0') {
        return i; // the main loop refuses it
      }
      if (c == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    throw refuse("the SQL text ends inside a quoted " + (quote == '\'' ? "string" : "name"));
  }

  private static int blockComment(String sql, int start) {
    int end = sql.indexOf("*/", start + 2);
    if (end < 0) {
      throw refuse("the SQL text ends inside a block comment");
    }
    if (sql.substring(start + 2, end).contains("/*")) {
      throw refuse("nested block comments are refused: H2 and PostgreSQL disagree on where they end");
    }
    return end + 2;
  }

  private static SqlRejectedException refuse(String message) {
    return new SqlRejectedException(ReasonCode.SQL_UNPARSEABLE, message);
  }
}
