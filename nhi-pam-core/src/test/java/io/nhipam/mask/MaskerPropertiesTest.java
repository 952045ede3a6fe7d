package io.nhipam.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Masking is idempotent and bounded in output length, for text built from risky pieces. */
class MaskerPropertiesTest {
  private static final Masker MASKER = Masker.builder().defaultDetectors().build();

  /** Fragments that look like or are sensitive values, glued by separators and noise. */
  @Provide
  Arbitrary<String> riskyText() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.of("4111111111111111", "4111 1111 1111 1111", "5500-0000-0000-0004",
            "DE89 3704 0044 0532 0130 00", "123-45-6789", "bob@example.com", "+1 415 555 2671",
            "10.0.0.1", "AKIAIOSFODNN7EXAMPLE", "password=", "token: ", "secret=Zx9!kLm2Qp",
            "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----", "eyJhbGciOiJIUzI1NiJ9",
            TestValues.nhipamSecret(5), "４１１１", "\u200B", "%20", "==", "::", "@", "+", "(", ")"),
        Arbitraries.strings().withChars("0123456789 -.@:=+/%_abcXYZ\n").ofMaxLength(12),
        Arbitraries.strings().ofMaxLength(6));
    return pieces.list().ofMaxSize(12).map(l -> String.join("", l));
  }

  /** Found by mask_isIdempotent: an address glued to a PEM block was missed until the block was masked. */
  @net.jqwik.api.Example
  void mask_emailGluedToPemBlock_maskedInOnePass() {
    String text = "bob@example.com-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----";
    String once = MASKER.mask(text).text();

    org.assertj.core.api.Assertions.assertThat(once).isEqualTo("[REDACTED:EMAIL][REDACTED:PRIVATE-KEY]");
    org.assertj.core.api.Assertions.assertThat(MASKER.mask(once).text()).isEqualTo(once);
  }

  /** Also found by mask_isIdempotent: values that become recognisable once a neighbour is masked. */
  @net.jqwik.api.Example
  void mask_valuesExposedByMaskingANeighbour_maskedInTheSameCall() {
    for (String text : new String[] {"bob@example.com+1 415 555 26710", "password=password=4111111111111111",
        "４１１１４１１１10.0.0.1"}) {
      String once = MASKER.mask(text).text();
      org.assertj.core.api.Assertions.assertThat(MASKER.mask(once).text()).as(text).isEqualTo(once);
      org.assertj.core.api.Assertions.assertThat(once).doesNotContain("bob@").doesNotContain("4111111111111111")
          .doesNotContain("0.0.0.1");
    }
  }

  @Property(tries = 1000)
  void mask_isIdempotent(@ForAll("riskyText") String text) {
    String once = MASKER.mask(text).text();
    assertThat(MASKER.mask(once).text()).isEqualTo(once);
  }

  @Property(tries = 600)
  void mask_outputLengthIsBounded(@ForAll("riskyText") String text) {
    MaskResult r = MASKER.mask(text);
    // Each masked value is replaced by at most max(its length, MAX_REPLACEMENT) characters.
    assertThat(r.text().length())
        .isLessThanOrEqualTo(text.length() + Rewriter.MAX_REPLACEMENT * r.report().maskedCount());
    assertThat(r.report().maskedCount() * 6L).isLessThanOrEqualTo(text.length());
  }

  @Property(tries = 300)
  void stream_twoChunks_sameAsWhole(@ForAll("riskyText") String text, @ForAll int seed) {
    int split = text.isEmpty() ? 0 : Math.floorMod(seed, text.length() + 1);
    StringBuilder out = new StringBuilder();
    StreamMasker s = MASKER.stream(out, Set.of());
    s.write(text.substring(0, split));
    s.write(text.substring(split));
    s.close();
    // a stream makes one pass (it cannot re-scan what it already emitted): compare with one pass
    assertThat(out.toString()).isEqualTo(MASKER.maskOnePass(text, Set.of()).text());
  }
}
