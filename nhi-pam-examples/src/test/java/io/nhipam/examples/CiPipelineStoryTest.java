package io.nhipam.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiPipelineStoryTest {
  @Test
  void ciStory_runTwiceInOneDirectory_secondRunStillVerifies(@TempDir Path dir) {
    CiPipelineStory.run(new StoryConsole(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)), dir);
    AuditSummary second = CiPipelineStory.run(
        new StoryConsole(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)), dir);

    assertThat(second.chainOk()).as(second.verdict()).isTrue();
    assertThat(second.denials()).isEqualTo(3);
  }

  @Test
  void ciStory_secretWorksDuringBuild_refusedAfter_andLeakIsMasked(@TempDir Path dir) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AuditSummary summary = CiPipelineStory.run(new StoryConsole(new PrintStream(bytes, true, StandardCharsets.UTF_8)), dir);
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out).containsPattern("ALLOW +deploy target accepts key");
    assertThat(out).containsPattern("DENY +key used for another job +MISSING_SCOPE");
    assertThat(out).containsPattern("ALLOW +build deploys to prod");
    assertThat(out).containsPattern("DENY +same key after the build +INVALID_SECRET");
    assertThat(out).containsPattern("DENY +hung build's key +EXPIRED");
    assertThat(out).contains("nhipam-secret").doesNotContainPattern("nhipam_[0-9A-Za-z]{49}");
    assertThat(out).contains("printed as <redacted>");
    assertThat(summary.chainOk()).isTrue();
    assertThat(summary.denials()).isEqualTo(3);
    assertThat(summary.allows()).isEqualTo(2);
    assertThat(out).contains("chain OK");
  }
}
