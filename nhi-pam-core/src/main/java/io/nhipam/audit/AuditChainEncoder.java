package io.nhipam.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Encodes records of the hash-chained audit format (documented on {@link ChainedFileAuditSink})
 * for sinks that keep the chain somewhere other than a file, such as a database table. It holds no
 * chain state: the caller assigns {@code seq} and {@code prev} (under whatever lock keeps its chain
 * from forking) and stores {@link Record#line()}; {@link AuditVerifier#verifyLines} accepts the
 * lines in seq order exactly as it accepts a file. The bytes are produced by the same codec as the
 * file sink's, so the two can never drift apart.
 *
 * <p>Thread-safe and immutable. {@code toString()} never shows the MAC key.
 */
public final class AuditChainEncoder {
  /** The {@code prev} of record 1: 64 zeros. */
  public static final String GENESIS_PREV = RecordCodec.ZERO_HASH;

  private final byte @Nullable [] macKey;
  private final AuditSigner signer;

  private AuditChainEncoder(byte @Nullable [] macKey, AuditSigner signer) {
    this.macKey = macKey;
    this.signer = signer;
  }

  /**
   * An encoder that MACs every record with {@code macKey} (at least 32 random bytes; copied) and
   * signs checkpoints with {@code signer}.
   */
  public static AuditChainEncoder create(byte[] macKey, AuditSigner signer) {
    Objects.requireNonNull(macKey, "macKey");
    Objects.requireNonNull(signer, "signer");
    if (macKey.length < 32) {
      throw new IllegalArgumentException(
          "the audit MAC key has " + macKey.length + " bytes; use at least 32 random bytes");
    }
    return new AuditChainEncoder(macKey.clone(), signer);
  }

  /**
   * An encoder without per-record MACs: only the signed checkpoints protect the chain (see {@link
   * ChainedFileAuditSink.Builder#withoutMac()} for what that gives up).
   */
  public static AuditChainEncoder withoutMac(AuditSigner signer) {
    return new AuditChainEncoder(null, Objects.requireNonNull(signer, "signer"));
  }

  /** The key id written into checkpoints. */
  public String keyId() {
    return signer.keyId();
  }

  /**
   * The record for {@code event} at position {@code seq}, linked to the record whose hash is
   * {@code prev} ({@link #GENESIS_PREV} for seq 1).
   */
  public Record event(long seq, String prev, AuditEvent event) {
    checkPosition(seq, prev);
    Objects.requireNonNull(event, "event");
    byte[] body = RecordCodec.eventBody(seq, prev, event);
    return record(seq, withMac(body));
  }

  /**
   * A signed checkpoint at {@code seq} sealing the chain head {@code prev}; {@code
   * eventsSinceCheckpoint} counts the event records since the previous checkpoint, and {@code
   * closing} marks the last record a writer adds before it stops.
   *
   * @throws IllegalStateException if the signer does not return a 64-byte signature
   */
  public Record checkpoint(
      long seq, String prev, Instant time, long eventsSinceCheckpoint, boolean closing) {
    checkPosition(seq, prev);
    Objects.requireNonNull(time, "time");
    if (eventsSinceCheckpoint < 0 || eventsSinceCheckpoint >= seq) {
      throw new IllegalArgumentException(
          "eventsSinceCheckpoint must be between 0 and seq - 1, was " + eventsSinceCheckpoint);
    }
    byte[] body =
        RecordCodec.checkpointBody(
            seq, prev, time, eventsSinceCheckpoint, closing, signer.keyId());
    byte[] sig = signer.sign(RecordCodec.signatureInput(body));
    if (sig == null || sig.length != 64) {
      throw new IllegalStateException(
          "the audit signer returned " + (sig == null ? "null" : sig.length + " bytes")
              + " instead of a 64-byte Ed25519 signature");
    }
    byte[] signed = RecordCodec.appendField(body, "sig", RecordCodec.base64Url(sig));
    return record(seq, withMac(signed));
  }

  private byte[] withMac(byte[] body) {
    return macKey == null
        ? body
        : RecordCodec.appendField(body, "mac", RecordCodec.recordMac(macKey, body));
  }

  private static Record record(long seq, byte[] line) {
    return new Record(seq, new String(line, StandardCharsets.US_ASCII), RecordCodec.sha256Hex(line));
  }

  private static void checkPosition(long seq, String prev) {
    Objects.requireNonNull(prev, "prev");
    if (seq < 1) {
      throw new IllegalArgumentException("seq starts at 1, was " + seq);
    }
    if (!RecordCodec.isLowerHex(prev, 64)) {
      throw new IllegalArgumentException(
          "prev must be the lower-case hex SHA-256 of the previous line (64 characters)");
    }
    if (seq == 1 && !prev.equals(GENESIS_PREV)) {
      throw new IllegalArgumentException("record 1 must have prev = " + GENESIS_PREV);
    }
  }

  @Override
  public String toString() {
    return "AuditChainEncoder{macKey=" + (macKey == null ? "none" : "<redacted>") + ", kid="
        + signer.keyId() + "}";
  }

  /**
   * One encoded record.
   *
   * @param seq its position in the chain
   * @param line the canonical line, pure ASCII, without a line terminator
   * @param hash lower-case hex SHA-256 of {@code line}: the next record's {@code prev}
   */
  public record Record(long seq, String line, String hash) {
    public Record {
      Objects.requireNonNull(line, "line");
      Objects.requireNonNull(hash, "hash");
    }
  }
}
