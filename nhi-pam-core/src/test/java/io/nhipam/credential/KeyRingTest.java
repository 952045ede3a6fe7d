package io.nhipam.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nhipam.error.ReasonCode;
import io.nhipam.scope.Scopes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyRingTest {
  private final Fixtures.MutableClock clock = new Fixtures.MutableClock(Fixtures.T0);

  @Test
  void rotate_newKeySigns_oldKeyStillVerifies_untilRemoved() {
    KeyRing ring = KeyRing.generate();
    CredentialAuthority authority = Fixtures.authority(clock, ring, Fixtures.memoryAudit());
    Credential before = authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    String oldKey = ring.activeKeyId();

    String newKey = ring.rotate();
    Credential after = authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));

    assertThat(newKey).isNotEqualTo(oldKey).startsWith("k4.pid.");
    assertThat(after.keyId()).isEqualTo(newKey);
    assertThat(authority.verify(before.token()).keyId()).isEqualTo(oldKey);

    ring.remove(oldKey);
    CredentialAuthority fresh = Fixtures.authority(clock, ring, Fixtures.memoryAudit());
    assertThatThrownBy(() -> fresh.verify(before.token()))
        .isInstanceOfSatisfying(UnknownKeyException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.UNKNOWN_KEY));
    assertThat(fresh.verify(after.token()).id()).isEqualTo(after.id());
  }

  @Test
  void remove_keyOfACachedToken_theTokenStopsVerifying() {
    KeyRing ring = KeyRing.generate();
    CredentialAuthority authority = Fixtures.authority(clock, ring, Fixtures.memoryAudit());
    Credential c = authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    authority.verify(c.token()); // now cached
    String old = ring.activeKeyId();
    ring.rotate();

    ring.remove(old);

    assertThatThrownBy(() -> authority.verify(c.token()))
        .isInstanceOfSatisfying(UnknownKeyException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.UNKNOWN_KEY));
  }

  @Test
  void remove_activeKey_refused() {
    KeyRing ring = KeyRing.generate();
    assertThatThrownBy(() -> ring.remove(ring.activeKeyId()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("rotate() before removing");
  }

  @Test
  void exportImport_paserk_roundTripsAndPublicOnlyVerifies() {
    KeyRing ring = KeyRing.generate();
    String secret = ring.exportSecretUnsafe(ring.activeKeyId());
    String pub = ring.exportPublic(ring.activeKeyId());
    assertThat(secret).startsWith("k4.secret.");
    assertThat(pub).startsWith("k4.public.");

    KeyRing restored = KeyRing.fromSecret(secret);
    assertThat(restored.activeKeyId()).isEqualTo(ring.activeKeyId());

    CredentialAuthority issuer = Fixtures.authority(clock, ring, Fixtures.memoryAudit());
    Credential c = issuer.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    KeyRing verifyOnly = KeyRing.generate();
    verifyOnly.importPublic(pub);
    CredentialAuthority verifier = Fixtures.authority(clock, verifyOnly, Fixtures.memoryAudit());
    assertThat(verifier.verify(c.token()).id()).isEqualTo(c.id());
    assertThatThrownBy(() -> verifyOnly.exportSecretUnsafe(ring.activeKeyId()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("verify-only");
  }

  @Test
  void toString_andDestroy_neverExposeKeyMaterial() {
    KeyRing ring = KeyRing.generate();
    String secret = ring.exportSecretUnsafe(ring.activeKeyId());
    String body = secret.substring("k4.secret.".length());

    assertThat(ring.toString()).doesNotContain(body).contains("<redacted>");
    ring.destroy();
    assertThat(ring.isDestroyed()).isTrue();
    assertThatThrownBy(ring::rotate).isInstanceOf(IllegalStateException.class).hasMessageContaining("destroyed");
    assertThatThrownBy(() -> ring.exportSecretUnsafe(ring.keyIds().iterator().next()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void importSecret_garbage_clearErrorWithoutEcho() {
    KeyRing ring = KeyRing.generate();
    assertThatThrownBy(() -> ring.importSecret("k4.secret.bm90LWEta2V5", false))
        .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.MALFORMED))
        .hasMessageNotContaining("bm90LWEta2V5");
  }

  @Test
  void auditSigner_signsCheckpointsThatVerifyWithTheRingsPublicKey(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    KeyRing ring = KeyRing.generate();
    java.nio.file.Path base = dir.resolve("audit.jsonl");
    io.nhipam.audit.ChainedFileAuditSink sink = io.nhipam.audit.ChainedFileAuditSink.builder(base).withoutMac()
        .signer(ring.auditSigner()).checkpointEvery(2).build();
    CredentialAuthority authority = Fixtures.authority(clock, ring, io.nhipam.audit.AuditLog.of(sink));
    authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    sink.close();

    io.nhipam.audit.VerificationResult ok = io.nhipam.audit.AuditVerifier.verify(
        io.nhipam.audit.ChainedFileAuditSink.segments(base), null,
        java.util.Map.of(ring.activeKeyId(), ring.publicKeyBytes(ring.activeKeyId())));
    assertThat(ok.ok()).as(ok.toString()).isTrue();
    assertThat(ok.events()).as("policy load and three mints").isEqualTo(4);
    assertThat(ring.auditSigner().toString()).contains("<redacted>");

    io.nhipam.audit.VerificationResult wrongKey = io.nhipam.audit.AuditVerifier.verify(
        io.nhipam.audit.ChainedFileAuditSink.segments(base), null,
        java.util.Map.of(ring.activeKeyId(), otherKey()));
    assertThat(wrongKey.ok()).isFalse();
    assertThat(wrongKey.problem()).contains(io.nhipam.audit.VerificationResult.Problem.BAD_CHECKPOINT_SIGNATURE);
  }

  private static byte[] otherKey() {
    KeyRing other = KeyRing.generate();
    return other.publicKeyBytes(other.activeKeyId());
  }
}
