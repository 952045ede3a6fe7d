package io.nhipam.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GitleaksRulesTest {
  private static Path rulesFile;

  @BeforeAll
  static void locate() {
    String dir = System.getProperty("nhipam.shared.dir");
    Path file = dir == null ? null : Path.of(dir, "testdata", "gitleaks", "gitleaks.toml");
    boolean present = file != null && Files.isRegularFile(file);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("gitleaks.toml not found under nhipam.shared.dir=" + dir
          + "; CI must provide the shared test data");
    }
    assumeTrue(present, "shared test data not found (nhipam.shared.dir=" + dir + "); skipping");
    rulesFile = file;
  }

  @Test
  void load_defaultGitleaksFile_everyRuleLoadedOrSkippedWithReason() {
    GitleaksRules rules = GitleaksRules.load(rulesFile);
    System.out.println("gitleaks: loaded " + rules.detectorIds().size() + ", skipped "
        + rules.skipped().size());
    rules.skipped().forEach(s -> System.out.println("  skipped " + s.ruleId() + ": " + s.reason()));
    assertThat(rules.totalRules()).isEqualTo(222);
    assertThat(rules.detectorIds().size() + rules.skipped().size()).isEqualTo(222);
    assertThat(rules.detectorIds()).allMatch(id -> id.startsWith("gitleaks:"));
    assertThat(rules.skipped()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
    assertThat(rules.skipped()).extracting(GitleaksRules.SkippedRule::ruleId).contains("pkcs12-file");
  }

  @Test
  void masker_withGitleaksRules_masksWhatOnlyTheyKnow() {
    Masker m = Masker.builder().defaultDetectors().gitleaksRules(rulesFile).build();
    String token = "glpat-" + "Zq8xW3rT5yU7iO9pA1sD";
    MaskResult r = m.mask("use " + token + " and 4111111111111111");
    assertThat(r.text()).isEqualTo("use [REDACTED:GITLEAKS:GITLAB-PAT] and ************1111");
    assertThat(r.report().counts()).containsEntry("card", 1).containsEntry("gitleaks:gitlab-pat", 1);
  }

  @Test
  void masker_gitleaksAllowMarker_hasNoEffect() {
    Masker m = Masker.builder().detectors("card").gitleaksRules(rulesFile).build();
    String token = "glpat-" + "Zq8xW3rT5yU7iO9pA1sD";
    assertThat(m.mask("t " + token + " # gitleaks:allow").text()).doesNotContain(token);
  }

  @Test
  void load_smallFile_keywordsGateAndSecretGroup() {
    String toml = "[[rules]]\nid = \"acme\"\nregex = '''acme_key=([a-z0-9]{12})'''\n"
        + "keywords = [\"acme_key\"]\n"
        + "[[rules]]\nid = \"bad\"\nregex = '''(?<=x)y'''\n";
    GitleaksRules rules = GitleaksRules.load(new StringReader(toml));
    assertThat(rules.detectorIds()).containsExactly("gitleaks:acme");
    assertThat(rules.skipped()).singleElement().satisfies(s -> {
      assertThat(s.ruleId()).isEqualTo("bad");
      assertThat(s.reason()).contains("RE2/J cannot compile");
    });
    Masker m = Masker.builder().gitleaksRules(rules).build();
    assertThat(m.mask("ACME_KEY=abcdef123456 acme_key=abcdef123456", Set.of()).text())
        .isEqualTo("ACME_KEY=abcdef123456 acme_key=[REDACTED:GITLEAKS:ACME]");
  }

  @Test
  void load_notAGitleaksFile_failsWithReason() {
    assertThatThrownBy(() -> GitleaksRules.load(new StringReader("title = \"x\"\n")))
        .isInstanceOf(MaskException.class).hasMessageContaining("no [[rules]] array");
    assertThatThrownBy(() -> GitleaksRules.load(new StringReader("[[rules]\n")))
        .isInstanceOf(MaskException.class).hasMessageContaining("not valid TOML");
    assertThatThrownBy(() -> GitleaksRules.load(Path.of("/nonexistent/gitleaks.toml")))
        .isInstanceOf(MaskException.class).hasMessageContaining("cannot read");
  }
}
