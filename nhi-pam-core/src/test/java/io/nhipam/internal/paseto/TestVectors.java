package io.nhipam.internal.paseto;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Loads official vectors from {@code ${nhipam.shared.dir}/testvectors}. */
final class TestVectors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestVectors() {}

  /**
   * The parsed vector file; skips the calling test if the shared folder is missing, unless the
   * environment variable CI is "true", in which case the test fails.
   */
  static JsonNode load(String relativePath) {
    String dir = System.getProperty("nhipam.shared.dir");
    Path file = dir == null ? null : Path.of(dir, "testvectors", relativePath);
    if (file == null || !Files.isRegularFile(file)) {
      String message = "test vector file testvectors/" + relativePath + " not found under"
          + " nhipam.shared.dir=" + dir + "; run through Maven (surefire sets it) or set it to"
          + " the shared folder";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      assumeTrue(false, message);
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code tests} array of a PASETO/PASERK vector file. */
  static List<JsonNode> tests(String relativePath) {
    List<JsonNode> tests = new ArrayList<>();
    load(relativePath).get("tests").forEach(tests::add);
    return tests;
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  static byte[] utf8(JsonNode node) {
    return node == null || node.isNull()
        ? new byte[0]
        : node.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
