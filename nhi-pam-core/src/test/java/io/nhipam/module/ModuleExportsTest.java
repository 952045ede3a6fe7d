package io.nhipam.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module exports API packages only: the PASETO implementation stays internal. */
class ModuleExportsTest {
  @Test
  void moduleInfo_exportsExactlyTheApiPackages() throws Exception {
    Path descriptor = Path.of("target/classes/module-info.class");
    assertThat(descriptor).exists();
    ModuleDescriptor md;
    try (InputStream in = Files.newInputStream(descriptor)) {
      md = ModuleDescriptor.read(in);
    }

    assertThat(md.name()).isEqualTo("io.nhipam.core");
    assertThat(md.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("io.nhipam", "io.nhipam.audit", "io.nhipam.credential", "io.nhipam.error",
            "io.nhipam.guard", "io.nhipam.identity", "io.nhipam.mask", "io.nhipam.policy", "io.nhipam.scope",
            "io.nhipam.secret");
    assertThat(Path.of("target/classes/io/nhipam/internal/paseto/PasetoV4Public.class")).exists();
    assertThat(md.exports()).noneMatch(e -> e.source().contains("internal"));
  }
}
