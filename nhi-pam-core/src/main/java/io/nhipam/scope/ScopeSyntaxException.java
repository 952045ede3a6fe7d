package io.nhipam.scope;

import io.nhipam.error.NhiPamException;

/** A scope string breaks the grammar; the message says where and what was expected. */
public final class ScopeSyntaxException extends NhiPamException {
  private static final long serialVersionUID = 1L;

  private final int position;

  ScopeSyntaxException(String scope, int position, String problem) {
    super(String.format(
        "invalid scope '%s' at position %d: %s. A scope is resource:action, segments separated by"
            + " '.' or ':', each segment made of ASCII letters, digits and -_~+/=!#$%%&'()*,;<>?@[]^`{|}"
            + " ('*' alone matches one segment, '**' alone as the last segment matches the rest)",
        printable(scope), position, problem));
    this.position = position;
  }

  /** Zero-based index of the first offending character, or the scope's length if it ended early. */
  public int position() {
    return position;
  }

  private static String printable(String scope) {
    StringBuilder sb = new StringBuilder(Math.min(scope.length(), 80));
    for (int i = 0; i < scope.length() && i < 80; i++) {
      char c = scope.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        sb.append(c);
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    if (scope.length() > 80) {
      sb.append("...");
    }
    return sb.toString();
  }
}
