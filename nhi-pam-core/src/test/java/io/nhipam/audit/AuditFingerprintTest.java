package io.nhipam.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditFingerprintTest {
  private static final byte[] FP_KEY = TestKeys.bytes(32, 3);

  @Test
  void of_sameKeyAndSecret_isStableAndShaped() {
    String a = AuditFingerprint.of(FP_KEY, "deploy-key-value");
    assertThat(a).isEqualTo(AuditFingerprint.of(FP_KEY, "deploy-key-value"))
        .matches("fp_[A-Za-z0-9_-]{22}");
    assertThat(a).isNotEqualTo(AuditFingerprint.of(FP_KEY, "deploy-key-valuf"))
        .isNotEqualTo(AuditFingerprint.of(TestKeys.bytes(32, 4), "deploy-key-value"));
    assertThat(AuditFingerprint.of(FP_KEY, "s".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(AuditFingerprint.of(FP_KEY, "s"));
  }

  @Test
  void of_shortKey_isRefused() {
    assertThatThrownBy(() -> AuditFingerprint.of(new byte[16], "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32");
  }

  @Test
  void chainedLog_secretNamedByFingerprint_neverContainsTheSecret(@TempDir Path dir)
      throws Exception {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    String secret = "nhipam_" + RecordCodec.base64Url(raw).replaceAll("[-_]", "A");
    String token = "v4.public." + RecordCodec.base64Url(raw);
    String card = "4242424242424242";
    Path base = dir.resolve("audit.jsonl");
    try (AuditLog log = AuditLog.of(TestKeys.sink(base).build())) {
      log.record(AuditEvent.builder(AuditEventType.SECRET_LEASE_OPEN, TestKeys.T0)
          .identity("ci-pipeline").attribute("secret", AuditFingerprint.of(FP_KEY, secret))
          .build());
      log.record(AuditEvent.builder(AuditEventType.MASK, TestKeys.T0)
          .identity("support-agent").attribute("mask.card", 1).build());
      for (String leak : new String[] {secret, token, card}) {
        AuditEvent.Builder b = AuditEvent.builder(AuditEventType.DENY, TestKeys.T0);
        assertThatThrownBy(() -> b.message("leaked " + leak))
            .isInstanceOf(IllegalArgumentException.class);
      }
    }
    String all = new String(Files.readAllBytes(ChainedFileAuditSink.segments(base).get(0)),
        StandardCharsets.US_ASCII);
    assertThat(all).contains(AuditFingerprint.of(FP_KEY, secret))
        .doesNotContain(secret).doesNotContain(token).doesNotContain(card)
        .doesNotContain(RecordCodec.base64Url(raw))
        .doesNotContain(RecordCodec.hex(TestKeys.MAC_KEY))
        .doesNotContain(RecordCodec.hex(TestKeys.SEED));
    assertThat(TestKeys.verify(base).ok()).isTrue();
  }
}
