package io.nhipam.test;

import io.nhipam.mask.MaskReport;
import io.nhipam.mask.Masker;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.AbstractCharSequenceAssert;

/**
 * Assertions on text an agent would see: {@code assertThat(masked).containsNoCardNumbers()}.
 * Detection uses nhi-pam's own detectors; failure messages name the detector and the count, never
 * the value found.
 */
public final class MaskedTextAssert extends AbstractCharSequenceAssert<MaskedTextAssert, CharSequence> {
  private static final Masker DETECTOR = Masker.builder().defaultDetectors().build();
  private static final Set<String> SECRET_DETECTORS = Set.of("aws-access-key", "aws-secret-key", "github-token",
      "slack-token", "stripe-key", "google-api-key", "openai-key", "anthropic-key", "private-key", "jwt", "paseto",
      "nhipam-secret", "generic-secret");

  MaskedTextAssert(CharSequence actual) {
    super(actual, MaskedTextAssert.class);
  }

  /** No card number (Luhn-valid, known IIN) in any format survives in the text. */
  public MaskedTextAssert containsNoCardNumbers() {
    return containsNone(Set.of("card"), "card numbers");
  }

  /** No key, token, private key or nhi-pam secret survives in the text. */
  public MaskedTextAssert containsNoSecrets() {
    return containsNone(SECRET_DETECTORS, "secrets");
  }

  /** Nothing any default detector finds survives in the text. */
  public MaskedTextAssert containsNoSensitiveData() {
    isNotNull();
    MaskReport r = DETECTOR.mask(actual).report();
    if (!r.counts().isEmpty()) {
      failWithMessage("expected no sensitive data but found %s", r.counts());
    }
    return this;
  }

  private MaskedTextAssert containsNone(Set<String> detectors, String what) {
    isNotNull();
    MaskReport r = DETECTOR.mask(actual).report();
    for (Map.Entry<String, Integer> e : r.counts().entrySet()) {
      if (detectors.contains(e.getKey())) {
        failWithMessage("expected no %s but found %d value(s) of detector '%s' (values not shown)", what,
            e.getValue(), e.getKey());
      }
    }
    return this;
  }
}
