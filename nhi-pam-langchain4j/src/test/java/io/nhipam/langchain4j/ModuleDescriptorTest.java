package io.nhipam.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The module exports its API package and nothing else. */
class ModuleDescriptorTest {
  @Test
  void moduleInfo_exportsOnlyTheApiPackage() throws IOException {
    String source = Files.readString(Path.of("src/main/java/module-info.java"));
    Matcher m = Pattern.compile("exports\\s+([\\w.]+)").matcher(source);
    List<String> exports = m.results().map(r -> r.group(1)).toList();

    assertThat(source).contains("module io.nhipam.langchain4j").contains("requires transitive io.nhipam.core");
    assertThat(exports).containsExactly("io.nhipam.langchain4j");
  }
}
