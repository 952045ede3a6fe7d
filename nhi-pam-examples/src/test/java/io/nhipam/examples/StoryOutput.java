package io.nhipam.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.BiFunction;

/** Runs a story into a buffer so a test can read what a person would have read. */
record StoryOutput(String text, AuditSummary summary) {
  static StoryOutput of(BiFunction<StoryConsole, Path, AuditSummary> story, Path dir) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AuditSummary summary = story.apply(new StoryConsole(new PrintStream(bytes, true, StandardCharsets.UTF_8)), dir);
    return new StoryOutput(bytes.toString(StandardCharsets.UTF_8), summary);
  }
}
