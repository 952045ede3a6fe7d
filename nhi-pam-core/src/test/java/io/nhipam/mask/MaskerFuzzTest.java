package io.nhipam.mask;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Fuzz targets. Under plain {@code mvn test} they run in regression mode over the seeds in
 * {@code src/test/resources/io/nhipam/mask/MaskerFuzzTestInputs/<method>/}; with {@code
 * JAZZER_FUZZ=1} Jazzer mutates them. No input may throw, and output stays within the bound.
 */
class MaskerFuzzTest {
  private static final Masker MASKER = Masker.builder().defaultDetectors().build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @FuzzTest(maxDuration = "30s")
  void maskText(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    MaskResult r = MASKER.mask(text);
    assertThat(r.text().length())
        .isLessThanOrEqualTo(text.length() + Rewriter.MAX_REPLACEMENT * r.report().maskedCount());
    assertThat(MASKER.mask(r.text()).text()).isEqualTo(r.text());
  }

  @FuzzTest(maxDuration = "30s")
  void maskJson(byte[] input) {
    JsonNode tree;
    try {
      tree = JSON.readTree(input);
    } catch (IOException e) {
      return; // not JSON: nothing to mask as a tree
    }
    if (tree == null) {
      return;
    }
    MaskedJson out = MASKER.maskJson(tree, Set.of());
    assertThat(out.report().maskedCount() == 0).isEqualTo(out.tree() == tree);
  }
}
