package io.nhipam.examples;

import io.nhipam.NhiPam;
import io.nhipam.audit.AuditLog;
import io.nhipam.audit.AuditVerifier;
import io.nhipam.audit.ChainedFileAuditSink;
import io.nhipam.audit.VerificationResult;
import io.nhipam.credential.KeyRing;
import io.nhipam.policy.Policy;
import io.nhipam.policy.PolicyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * What every story sets up: the shipped policy, a fresh key ring, and a hash-chained audit file
 * (MAC-keyed, checkpoints signed by the key ring) in a work directory.
 */
final class ExampleEnvironment implements AutoCloseable {
  final NhiPam pam;
  final DemoClock clock = new DemoClock();
  final Path auditBase;
  private final KeyRing ring = KeyRing.generate();
  private final byte[] macKey = new byte[32];
  private final ChainedFileAuditSink sink;
  private boolean closed;

  ExampleEnvironment(Path workDir, String story) {
    new SecureRandom().nextBytes(macKey);
    try {
      Files.createDirectories(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create work directory " + workDir, e);
    }
    this.auditBase = workDir.resolve("audit-" + story + ".jsonl");
    deletePreviousRun(auditBase);
    this.sink = ChainedFileAuditSink.builder(auditBase).macKey(macKey).signer(ring.auditSigner())
        .checkpointEvery(50).build();
    this.pam = NhiPam.builder().policy(loadPolicy()).keyRing(ring).audit(AuditLog.of(sink)).clock(clock).build();
  }

  /**
   * Each run has its own MAC key, so a previous run's files (which the sink would otherwise
   * continue) could not verify with it: a demo starts its trail afresh.
   */
  private static void deletePreviousRun(Path base) {
    for (Path old : ChainedFileAuditSink.segments(base)) {
      try {
        Files.deleteIfExists(old);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove the previous run's audit file " + old, e);
      }
    }
  }

  static Policy loadPolicy() {
    try (InputStream in = ExampleEnvironment.class.getResourceAsStream("/nhi-policy.yaml")) {
      if (in == null) {
        throw new IllegalStateException("nhi-policy.yaml is missing from the examples' class path");
      }
      return PolicyLoader.load(in, PolicyLoader.Format.YAML, "nhi-policy.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes the audit log and verifies the whole chain. */
  AuditSummary closeAndVerify() {
    close();
    List<Path> files = ChainedFileAuditSink.segments(auditBase);
    VerificationResult result = AuditVerifier.verify(files, macKey,
        Map.of(ring.activeKeyId(), ring.publicKeyBytes(ring.activeKeyId())));
    return AuditSummary.of(files, result);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      pam.close();
    }
  }
}
