package io.nhipam.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import org.jspecify.annotations.Nullable;

/**
 * The audit correlation id of a tool call: the tool call id the model gave, when it is a plain
 * id. The id comes from the model, so anything else (blank, longer than 128 characters, characters
 * other than letters, digits, {@code _} and {@code -}, a digit run as long as a card number, the
 * nhi-pam secret prefix) is not written to the audit log; the call is then audited without one.
 * A hand-written scan, not a regex: it runs on every tool call.
 */
final class CorrelationIds {
  private static final int MAX_LENGTH = 128;
  private static final int MAX_DIGIT_RUN = 11;

  private CorrelationIds() {}

  static @Nullable String of(ToolExecutionRequest request) {
    String id = request.id();
    if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
      return null;
    }
    int digitRun = 0;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      boolean plain = digit || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
      if (!plain) {
        return null;
      }
      digitRun = digit ? digitRun + 1 : 0;
      if (digitRun > MAX_DIGIT_RUN) {
        return null;
      }
    }
    return containsIgnoreCase(id, "nhipam_") ? null : id;
  }

  private static boolean containsIgnoreCase(String s, String lowerNeedle) {
    for (int i = 0; i + lowerNeedle.length() <= s.length(); i++) {
      if (s.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
        return true;
      }
    }
    return false;
  }
}
