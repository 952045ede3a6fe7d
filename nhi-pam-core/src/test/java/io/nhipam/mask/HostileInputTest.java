package io.nhipam.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Inputs built to hurt: huge runs, many triggers, nothing that may blow up or go quadratic. */
class HostileInputTest {
  private static final Masker MASKER = Masker.builder().defaultDetectors().build();

  @Test
  void mask_tenMegabytesOfDigits_unchangedSameInstance() {
    String digits = "7".repeat(10 * 1024 * 1024);
    MaskResult r = MASKER.mask(digits);
    assertThat(r.text()).isSameAs(digits);
    assertThat(r.report().isEmpty()).isTrue();
  }

  @Test
  void mask_tenMegabytesOfSpacedDigits_unchanged() {
    String spaced = "1 ".repeat(5 * 1024 * 1024);
    assertThat(MASKER.mask(spaced).report().isEmpty()).isTrue();
  }

  @Test
  void mask_hugeBase64_notDecodedBeyondLimitAndUnchanged() {
    byte[] bytes = new byte[6 * 1024 * 1024];
    new Random(1).nextBytes(bytes);
    String b64 = Base64.getEncoder().encodeToString(bytes);
    MaskResult r = MASKER.mask("blob " + b64 + " end");
    assertThat(r.report().counts()).doesNotContainKey("card");
  }

  @Test
  void mask_hugeBase64OfText_cardInsideShortRunStillFound() {
    String inner = Base64.getEncoder().encodeToString(
        ("card " + TestValues.VISA).getBytes(StandardCharsets.UTF_8));
    String text = ("x " + inner + "\n").repeat(20_000);
    MaskResult r = MASKER.mask(text);
    assertThat(r.report().counts()).containsEntry("card", 20_000);
    assertThat(r.text()).doesNotContain(inner);
  }

  @Test
  void mask_manyTriggersWithoutMatches_unchanged() {
    String text = "@@@@ ++++ ((((( ----- ==== :::: eyJ v4. nhipam_ AKIA ghp_ sk- ".repeat(100_000);
    MaskResult r = MASKER.mask(text);
    assertThat(r.text()).isSameAs(text);
  }

  @Test
  void mask_manyCards_allMasked() {
    String text = (TestValues.VISA_SPACED + "\n").repeat(100_000);
    MaskResult r = MASKER.mask(text);
    assertThat(r.report().counts()).containsEntry("card", 100_000);
    assertThat(r.report().findings()).hasSize(MaskReport.MAX_FINDINGS);
    assertThat(r.report().findingsTruncated()).isTrue();
    assertThat(r.text()).doesNotContain("4111 ");
  }

  @Test
  void mask_unterminatedPemBlock_maskedUpToLimit() {
    String text = "-----BEGIN PRIVATE KEY-----\n" + "QUJD".repeat(100_000);
    MaskResult r = MASKER.mask(text);
    assertThat(r.report().counts()).containsEntry("private-key", 1);
    assertThat(r.report().findings().get(0).length()).isEqualTo(MASKER.maxMatchLength());
  }

  @Test
  void stream_tenMegabytesInSmallChunks_sameAsWhole() {
    String line = "log line with 4111-1111-1111-1111 and nothing else of note\n";
    String text = line.repeat(100_000);
    StringBuilder out = new StringBuilder();
    StreamMasker s = MASKER.stream(out, Set.of());
    for (int i = 0; i < text.length(); i += 4096) {
      s.write(text.substring(i, Math.min(text.length(), i + 4096)));
    }
    s.close();
    assertThat(out.toString()).isEqualTo(MASKER.mask(text).text());
    assertThat(s.report().counts()).containsEntry("card", 100_000);
  }
}
