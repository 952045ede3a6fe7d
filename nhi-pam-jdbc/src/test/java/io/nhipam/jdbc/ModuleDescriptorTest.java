package io.nhipam.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The compiled module exports its API package and nothing else. */
class ModuleDescriptorTest {
  @Test
  void moduleInfo_exportsOnlyTheApiPackage() throws Exception {
    ModuleDescriptor md;
    try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
      md = ModuleDescriptor.read(in);
    }

    assertThat(md.name()).isEqualTo("io.nhipam.jdbc");
    assertThat(md.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("io.nhipam.jdbc");
    assertThat(md.requires()).extracting(ModuleDescriptor.Requires::name).contains("io.nhipam.core");
  }
}
