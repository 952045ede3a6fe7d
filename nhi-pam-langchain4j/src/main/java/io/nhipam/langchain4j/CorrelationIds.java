package io.nhipam.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The audit correlation id of a tool call: the tool call id the model gave, when it is a plain
 * id. The id comes from the model, so anything else (blank, overlong, odd characters, a digit run
 * as long as a card number) is not written to the audit log; the call is then audited without one.
 */
final class CorrelationIds {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]{1,128}");
  private static final Pattern LONG_DIGIT_RUN = Pattern.compile("[0-9]{12,}");

  private CorrelationIds() {}

  static @Nullable String of(ToolExecutionRequest request) {
    String id = request.id();
    if (id == null || !PLAIN.matcher(id).matches() || LONG_DIGIT_RUN.matcher(id).find()
        || id.toLowerCase(Locale.ROOT).contains("nhipam_")) {
      return null;
    }
    return id;
  }
}
