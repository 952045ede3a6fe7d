package io.nhipam.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fixed keys and small helpers shared by the audit tests. */
final class TestKeys {
  static final byte[] MAC_KEY = bytes(32, 7);
  static final byte[] SEED = bytes(32, 42);
  static final byte[] PUBLIC = AuditSigner.ed25519PublicKey(SEED);
  static final String KID = "audit-2025-01";
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private TestKeys() {}

  static AuditSigner signer() {
    return AuditSigner.ed25519(SEED, KID);
  }

  static Map<String, byte[]> publicKeys() {
    return Map.of(KID, PUBLIC);
  }

  static ChainedFileAuditSink.Builder sink(Path base) {
    return ChainedFileAuditSink.builder(base).macKey(MAC_KEY).signer(signer());
  }

  static VerificationResult verify(Path base) {
    return AuditVerifier.verify(ChainedFileAuditSink.segments(base), MAC_KEY, publicKeys());
  }

  static AuditEvent event(int i) {
    AuditEventType type = AuditEventType.values()[i % AuditEventType.values().length];
    AuditEvent.Builder b =
        AuditEvent.builder(type, T0.plusSeconds(i))
            .identity("finance-bot")
            .credentialId("cr_" + i)
            .scope("invoices:read")
            .reason("R" + i)
            .message("event number " + i)
            .correlationId("tool-call-" + i);
    if (i % 2 == 0) {
      b.delegationChain(List.of("orchestrator", "sub-agent-" + i));
      b.attribute("mask.card", i);
    }
    return b.build();
  }

  static List<String> lines(List<Path> files) throws java.io.IOException {
    List<String> out = new ArrayList<>();
    for (Path f : files) {
      out.addAll(Files.readAllLines(f));
    }
    return out;
  }

  static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (seed * 31 + i * 7);
    }
    return b;
  }

  /** A clock the test moves by hand (the shared core test clock). */
  static final class ManualClock extends io.nhipam.testing.MutableClock {
    ManualClock(Instant start) {
      super(start);
    }
  }
}
