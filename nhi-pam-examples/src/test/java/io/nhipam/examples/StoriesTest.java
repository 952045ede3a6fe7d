package io.nhipam.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoriesTest {
  @Test
  void runAll_threeStoriesInOrder_everyChainVerifies_noStackTraces(@TempDir Path dir) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<AuditSummary> summaries = Stories.runAll(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir);
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(summaries).hasSize(3).allMatch(AuditSummary::chainOk);
    assertThat(out.indexOf("== 1. Finance bot")).isLessThan(out.indexOf("== 2. AI support agent"));
    assertThat(out.indexOf("== 2. AI support agent")).isLessThan(out.indexOf("== 3. CI pipeline"));
    assertThat(out).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void chatModels_withoutVariables_useTheScriptedModel_andNeverPrintAKey() {
    assertThat(ChatModels.fromEnvironment(Map.of())).isEmpty();
    assertThat(ChatModels.describe(Map.of())).isEqualTo("scripted model (no network)");

    Map<String, String> openAi = Map.of("OPENAI_API_KEY", "sk-test-not-a-real-key-000000000000");
    assertThat(ChatModels.fromEnvironment(openAi)).isPresent();
    assertThat(ChatModels.describe(openAi)).isEqualTo("OpenAI gpt-4o-mini").doesNotContain("sk-test");
    Map<String, String> ollama = Map.of("OLLAMA_BASE_URL", "http://127.0.0.1:11434/", "NHIPAM_OLLAMA_MODEL", "qwen2.5");
    assertThat(ChatModels.fromEnvironment(ollama)).isPresent();
    assertThat(ChatModels.describe(ollama)).isEqualTo("Ollama qwen2.5 at http://127.0.0.1:11434/");
  }
}
