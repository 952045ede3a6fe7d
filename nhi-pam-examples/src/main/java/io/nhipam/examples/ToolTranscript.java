package io.nhipam.examples;

import dev.langchain4j.data.message.ToolExecutionResultMessage;
import java.util.List;

/** Prints what the model received from each tool call: ALLOW with the (masked) result, or DENY with the reason. */
final class ToolTranscript {
  private ToolTranscript() {}

  static void print(StoryConsole console, List<ToolExecutionResultMessage> results) {
    for (ToolExecutionResultMessage r : results) {
      boolean denied = Boolean.TRUE.equals(r.isError());
      console.verdict(!denied, "tool " + r.toolName(), "model received: " + r.text());
    }
  }
}
