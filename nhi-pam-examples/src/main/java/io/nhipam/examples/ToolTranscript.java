package io.nhipam.examples;

import dev.langchain4j.service.Result;
import dev.langchain4j.service.tool.ToolExecution;

/**
 * Prints what the model received from each tool call of one AI service call: ALLOW with the
 * (masked) result, or DENY with the reason the guard gave the model.
 */
final class ToolTranscript {
  private ToolTranscript() {}

  static void print(StoryConsole console, Result<String> result) {
    for (ToolExecution t : result.toolExecutions()) {
      String label = "tool " + t.request().name() + argument(t.request().arguments());
      console.verdict(!t.hasFailed(), label, "model received: " + t.result());
    }
  }

  private static String argument(String json) {
    String compact = json.replaceAll("[{}\"\\s]", "").replaceAll("^[a-zA-Z]+:", "");
    return compact.length() > 12 ? "(" + compact.substring(0, 12) + "...)" : "(" + compact + ")";
  }
}
