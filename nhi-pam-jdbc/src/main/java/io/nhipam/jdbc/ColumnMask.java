package io.nhipam.jdbc;

import io.nhipam.mask.MaskAction;
import org.jspecify.annotations.Nullable;

/**
 * Applies a column rule's {@link MaskAction} to a whole column value. {@code pseudonym} columns are
 * redacted: the keyed pseudonymiser is internal to the masking engine, and redaction is the safe
 * side of that choice.
 */
final class ColumnMask {
  private ColumnMask() {}

  static @Nullable String apply(MaskAction action, String column, String value) {
    return switch (action.kind()) {
      case LAST_FOUR -> keep(value, 0, 4);
      case PARTIAL -> keep(value, action.keepFirst(), action.keepLast());
      case REDACT, PSEUDONYM -> "[REDACTED:" + column + "]";
      case DROP -> null;
    };
  }

  private static String keep(String value, int first, int last) {
    int total = 0;
    for (int i = 0; i < value.length(); i++) {
      if (Character.isLetterOrDigit(value.charAt(i))) {
        total++;
      }
    }
    boolean starAll = total <= first + last;
    StringBuilder sb = new StringBuilder(value.length());
    int seen = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        boolean kept = !starAll && (seen < first || seen >= total - last);
        sb.append(kept ? c : '*');
        seen++;
      } else if (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT) {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
