package io.nhipam.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaskerTest {
  private static final Masker MASKER = Masker.builder().defaultDetectors().build();

  @Test
  void mask_cardWithSpaces_keepsLastFourInShape() {
    assertThat(MASKER.mask("card 4111 1111 1111 1111.").text()).isEqualTo("card **** **** **** 1111.");
  }

  @Test
  void mask_cardWithDashesDotsOrNone_keepsShape() {
    assertThat(MASKER.mask("4111-1111-1111-1111").text()).isEqualTo("****-****-****-1111");
    assertThat(MASKER.mask("4111.1111.1111.1111").text()).isEqualTo("****.****.****.1111");
    assertThat(MASKER.mask("x=4111111111111111&y").text()).isEqualTo("x=************1111&y");
  }

  @Test
  void mask_fullWidthAndZeroWidthDigits_detected() {
    String fullWidth = "４１１１ １１１１ １１１１ １１１１";
    assertThat(MASKER.mask(fullWidth).text()).isEqualTo("**** **** **** １１１１");
    String zeroWidth = "4111\u200B1111\u200C1111\u200D1111\uFEFF";
    MaskResult r = MASKER.mask(zeroWidth);
    assertThat(r.report().counts()).containsEntry("card", 1);
    assertThat(r.text()).startsWith("************1111");
  }

  @Test
  void mask_luhnFailingOrUnknownIssuer_leftAlone() {
    assertThat(MASKER.mask("4111 1111 1111 1112").report().isEmpty()).isTrue();
    assertThat(MASKER.mask("9111111111111111").report().isEmpty()).isTrue();
  }

  @Test
  void mask_cardFollowedByMoreDigitGroups_findsTheCardPrefix() {
    assertThat(MASKER.mask("4111 1111 1111 1111 2027").text()).isEqualTo("**** **** **** 1111 2027");
  }

  @Test
  void mask_nothingFound_returnsSameInstance() {
    String clean = "Nothing to see here: order 12345, version 1.2.3.";
    MaskResult r = MASKER.mask(clean);
    assertThat(r.text()).isSameAs(clean);
    assertThat(r.report().isEmpty()).isTrue();
    assertThat(MASKER.maskToString(clean, Set.of())).isSameAs(clean);
  }

  @Test
  void maskWithReportCallback_cleanValue_sameInstanceAndNoReport() {
    java.util.List<MaskReport> reports = new java.util.ArrayList<>();
    String clean = "order shipped SKU-10042";
    assertThat(MASKER.mask(clean, Set.of(), reports::add)).isSameAs(clean);
    assertThat(reports).isEmpty();
  }

  @Test
  void maskWithReportCallback_finding_reportHandedOverBeforeTheTextComesBack() {
    java.util.List<MaskReport> reports = new java.util.ArrayList<>();
    String text = "card 4111 1111 1111 1111 for " + TestValues.AWS_KEY_ID;
    assertThat(MASKER.mask(text, Set.of(), reports::add))
        .isEqualTo(MASKER.mask(text).text())
        .isEqualTo("card **** **** **** 1111 for [REDACTED:AWS-ACCESS-KEY]");
    assertThat(reports).singleElement().satisfies(r -> {
      assertThat(r.counts()).containsEntry("card", 1).containsEntry("aws-access-key", 1);
      assertThat(r.revealedCounts()).isEmpty();
    });
  }

  @Test
  void maskWithReportCallback_revealedValue_staysInClearAndIsStillReported() {
    java.util.List<MaskReport> reports = new java.util.ArrayList<>();
    String text = "card 4111 1111 1111 1111";
    assertThat(MASKER.mask(text, Set.of("card"), reports::add)).isEqualTo(text);
    assertThat(reports).singleElement().satisfies(r -> {
      assertThat(r.counts()).isEmpty();
      assertThat(r.revealedCounts()).containsEntry("card", 1);
    });
  }

  @Test
  void maskWithReportCallback_callbackFails_failureReachesTheCallerAndNoTextComesBack() {
    assertThatThrownBy(() -> MASKER.mask("card 4111 1111 1111 1111", Set.of(), r -> {
      throw new IllegalStateException("audit sink down");
    })).isInstanceOf(IllegalStateException.class).hasMessage("audit sink down");
    assertThatThrownBy(() -> MASKER.mask("x", Set.of(), null))
        .isInstanceOf(NullPointerException.class).hasMessage("onFound");
  }

  @Test
  void mask_iban_keepsCountryAndLastFour() {
    assertThat(MASKER.mask("IBAN DE89 3704 0044 0532 0130 00").text())
        .isEqualTo("IBAN DE** **** **** **** **30 00");
  }

  @Test
  void mask_secrets_redactedWithDetectorLabel() {
    String secret = TestValues.nhipamSecret(1);
    String gh = TestValues.githubToken("abcdefghijABCDEFGHIJ0123456789");
    MaskResult r = MASKER.mask("s=" + secret + " gh " + gh + " aws " + TestValues.AWS_KEY_ID);
    assertThat(r.text()).isEqualTo(
        "s=[REDACTED:NHIPAM-SECRET] gh [REDACTED:GITHUB-TOKEN] aws [REDACTED:AWS-ACCESS-KEY]");
  }

  @Test
  void mask_githubTokenWithWrongChecksum_notTakenForGithubToken() {
    String good = TestValues.githubToken("abcdefghijABCDEFGHIJ0123456789");
    String bad = good.substring(0, good.length() - 1) + (good.endsWith("A") ? "B" : "A");
    assertThat(MASKER.mask(bad).report().counts()).doesNotContainKey("github-token");
  }

  @Test
  void mask_pemBlock_redactedWhole() {
    String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\nabc\n-----END RSA PRIVATE KEY-----";
    assertThat(MASKER.mask("key:\n" + pem + "\nend").text())
        .isEqualTo("key:\n[REDACTED:PRIVATE-KEY]\nend");
  }

  @Test
  void mask_inlineMarkers_haveNoEffect() {
    String text = "4111111111111111 // gitleaks:allow nomask trufflehog:ignore";
    assertThat(MASKER.mask(text).text()).startsWith("************1111 ");
  }

  @Test
  void mask_revealedDetector_leftInClearAndCounted() {
    MaskResult r = MASKER.mask("card " + TestValues.VISA + " mail bob@example.com", Set.of("card"));
    assertThat(r.text()).isEqualTo("card " + TestValues.VISA + " mail [REDACTED:EMAIL]");
    assertThat(r.report().revealedCounts()).containsEntry("card", 1);
    assertThat(r.report().counts()).containsEntry("email", 1).doesNotContainKey("card");
  }

  @Test
  void mask_base64EncodedCard_wholeRunRedacted() {
    String encoded = Base64.getEncoder().encodeToString(
        ("card " + TestValues.VISA).getBytes(StandardCharsets.UTF_8));
    MaskResult r = MASKER.mask("blob=" + encoded + " end");
    assertThat(r.text()).isEqualTo("blob=[REDACTED:CARD] end");
  }

  @Test
  void mask_hexAndPercentEncodedValues_detected() {
    StringBuilder hex = new StringBuilder();
    for (byte b : ("mail bob@example.com").getBytes(StandardCharsets.UTF_8)) {
      hex.append(String.format("%02x", b));
    }
    assertThat(MASKER.mask("h " + hex).report().counts()).containsEntry("email", 1);
    assertThat(MASKER.mask("q?n=4111%201111%201111%201111&x").text()).isEqualTo("q?n=[REDACTED:CARD]&x");
  }

  @Test
  void mask_decodeDepthZero_doesNotDecode() {
    Masker m = Masker.builder().defaultDetectors().decodeDepth(0).build();
    String encoded = Base64.getEncoder().encodeToString(TestValues.VISA.getBytes(StandardCharsets.UTF_8));
    assertThat(m.mask(encoded).report().isEmpty()).isTrue();
  }

  @Test
  void mask_genericSecretAfterKeyword_redactsValueOnly() {
    assertThat(MASKER.mask("db_password=S3cr3t-Pa55!").text())
        .isEqualTo("db_password=[REDACTED:GENERIC-SECRET]");
    assertThat(MASKER.mask("\"client_secret\": \"q8Zr2LmT0pVx7Kd\"").text())
        .isEqualTo("\"client_secret\": \"[REDACTED:GENERIC-SECRET]\"");
  }

  @Test
  void mask_personalData_defaultActions() {
    assertThat(MASKER.mask("SSN 123-45-6789").text()).isEqualTo("SSN ***-**-6789");
    assertThat(MASKER.mask("call +1 415 555 2671").text()).isEqualTo("call +* *** *** 2671");
    assertThat(MASKER.mask("from 10.1.2.3 ok").text()).isEqualTo("from [REDACTED:IP] ok");
    assertThat(MASKER.mask("to bob.smith@example.com.").text()).isEqualTo("to [REDACTED:EMAIL].");
  }

  @Test
  void mask_customActions_applied() {
    Masker m = Masker.builder().defaultDetectors()
        .action("card", MaskAction.redact())
        .action("email", MaskAction.drop())
        .defaultAction(MaskAction.partial(1, 1))
        .build();
    assertThat(m.mask(TestValues.VISA + " a@example.com 123-45-6789").text())
        .isEqualTo("[REDACTED:CARD]  1**-**-***9");
  }

  @Test
  void mask_pseudonym_deterministicAcrossFormatsAndKeyed() {
    byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    Masker m = Masker.builder().defaultDetectors().pseudonymKey(key)
        .action("card", MaskAction.pseudonym()).build();
    String a = m.mask(TestValues.VISA).text();
    String b = m.mask(TestValues.VISA_SPACED).text();
    assertThat(a).isEqualTo(b).startsWith("[CARD:").hasSize("[CARD:".length() + 13);
    byte[] other = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    Masker m2 = Masker.builder().defaultDetectors().pseudonymKey(other)
        .action("card", MaskAction.pseudonym()).build();
    assertThat(m2.mask(TestValues.VISA).text()).isNotEqualTo(a);
    assertThat(m.toString()).contains("<redacted>").doesNotContain("0123456789abcdef");
  }

  @Test
  void report_neverContainsPlaintext() {
    String secret = TestValues.nhipamSecret(7);
    String text = "card " + TestValues.VISA + " iban " + TestValues.IBAN_DE + " key " + secret
        + " mail carol@example.org";
    for (Set<String> revealed : java.util.List.of(Set.<String>of(), Set.of("card", "iban", "nhipam-secret", "email"))) {
      MaskResult r = MASKER.mask(text, revealed);
      String printed = r.report().toString() + r.report().findings() + r;
      assertThat(printed).doesNotContain(TestValues.VISA).doesNotContain("1111")
          .doesNotContain(TestValues.IBAN_DE).doesNotContain(secret).doesNotContain("carol");
    }
  }

  @Test
  void containsSensitive_reportsPresence() {
    assertThat(MASKER.containsSensitive("pay with " + TestValues.VISA)).isTrue();
    assertThat(MASKER.containsSensitive("pay with cash")).isFalse();
  }

  @Test
  void builder_optionSetTwice_failsWithReason() {
    assertThatThrownBy(() -> Masker.builder().defaultDetectors().defaultDetectors())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already chosen");
    assertThatThrownBy(() -> Masker.builder().action("card", MaskAction.redact())
            .action("card", MaskAction.drop()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already set to redact");
    assertThatThrownBy(() -> Masker.builder().decodeDepth(1).decodeDepth(2))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("decode depth");
    assertThatThrownBy(() -> Masker.builder().pseudonymKey(new byte[16]).pseudonymKey(new byte[16]))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("pseudonym key");
  }

  @Test
  void builder_inconsistentOptions_failWithReason() {
    assertThatThrownBy(() -> Masker.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no detectors");
    assertThatThrownBy(() -> Masker.builder().defaultDetectors()
            .action("card", MaskAction.pseudonym()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no key");
    assertThatThrownBy(() -> Masker.builder().detectors("card").action("iban", MaskAction.drop()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not active: [iban]");
    assertThatThrownBy(() -> Masker.builder().detectors("credit-card"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown built-in detector");
    assertThatThrownBy(() -> Masker.builder().pseudonymKey(new byte[8]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16 bytes");
  }

  @Test
  void detectors_subset_onlyThoseRun() {
    Masker cardsOnly = Masker.builder().detectors("card").build();
    MaskResult r = cardsOnly.mask(TestValues.VISA + " a@example.com");
    assertThat(r.text()).isEqualTo("************1111 a@example.com");
    assertThat(cardsOnly.detectorIds()).containsExactly("card");
  }
}
