package io.nhipam.audit;

import com.google.common.base.Preconditions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The tamper-evident default sink: append-only JSON Lines files where every record carries its
 * sequence number, the SHA-256 of the previous line, and an HMAC under the audit key, with signed
 * checkpoints. See {@link AuditVerifier} for what a verifier proves from it.
 *
 * <h2>Format</h2>
 *
 * One canonical JSON object per line (fixed field order, no whitespace, ASCII only, {@code \n}
 * terminated):
 *
 * <ul>
 *   <li>{@code seq}: 1 for the first record ever, then +1 per line, across files and runs;
 *   <li>{@code prev}: lower-case hex SHA-256 of the exact bytes of the previous line (without its
 *       {@code \n}); 64 zeros for seq 1;
 *   <li>the event fields ({@code type, time, identity, credentialId, scope, reason, message, chain,
 *       correlationId, attributes}; absent ones omitted);
 *   <li>{@code mac}: hex HMAC-SHA256(audit key, "nhipam-audit-record-v1\n" || the line without its
 *       mac field), absent only if built with {@link Builder#withoutMac()}.
 * </ul>
 *
 * After every {@link Builder#checkpointEvery(int) n} events, before each rotation, on {@link
 * #checkpoint()} and on {@link #close()} a checkpoint line follows: {@code
 * {"seq","prev","type":"CHECKPOINT","time","head","count","closing","kid","sig","mac"}}, where
 * {@code head} repeats {@code prev} (the chain head being sealed), {@code count} is the number of
 * events since the previous checkpoint, {@code closing} is true only for the one written by {@code
 * close()}, and {@code sig} is the unpadded base64url Ed25519 signature over
 * "nhipam-audit-checkpoint-v1\n" || the line without its sig and mac fields.
 *
 * <h2>Files</h2>
 *
 * For base path {@code logs/audit.jsonl} records go to {@code logs/audit-000001.jsonl}, then after
 * rotation {@code audit-000002.jsonl}, ... (see {@link #segments(Path)}). A new run never touches
 * an existing file: it reads where the chain ended and continues it in the next segment number, so
 * the first {@code prev} of every file is the hash of the last line of the file before it. A write
 * that fails breaks the sink for good (fail closed); the partial line is cut off if the file
 * system allows it.
 *
 * <p>Thread-safe: seq assignment and the append happen under one lock, so concurrent writers get
 * contiguous sequence numbers. Each record is handed to the operating system before {@link #write}
 * returns; {@link #flush()} also forces it to the storage device.
 */
public final class ChainedFileAuditSink implements AuditSink {
  private final SegmentFiles files;
  private final byte @Nullable [] macKey;
  private final AuditSigner signer;
  private final int checkpointEvery;
  private final long rotateAtBytes;
  private final @Nullable Duration rotateEvery;
  private final Clock clock;

  private FileChannel channel;
  private long segmentNumber;
  private Path segmentPath;
  private long segmentBytes;
  private Instant segmentOpenedAt;
  private long nextSeq;
  private String prevHash;
  private long eventsSinceCheckpoint;
  private boolean closed;
  private @Nullable String brokenBecause;

  private ChainedFileAuditSink(Builder b) {
    this.files = new SegmentFiles(b.base);
    this.macKey = b.macKey;
    this.signer = Objects.requireNonNull(b.signer);
    this.checkpointEvery = b.checkpointEvery;
    this.rotateAtBytes = b.rotateAtBytes;
    this.rotateEvery = b.rotateEvery;
    this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
    try {
      Files.createDirectories(files.dir());
    } catch (IOException e) {
      throw new AuditException(
          AuditException.Reason.WRITE_FAILED,
          "cannot create audit log directory " + files.dir() + ": " + e
              + ". Make the directory writable or choose another path.",
          e);
    }
    SegmentFiles.Tail tail;
    try {
      tail = files.tail();
    } catch (UncheckedIOException e) {
      throw new AuditException(
          AuditException.Reason.CORRUPT_EXISTING_LOG, e.getMessage(), e.getCause());
    }
    this.nextSeq = tail.nextSeq;
    this.prevHash = tail.prevHash;
    this.eventsSinceCheckpoint = tail.eventsSinceCheckpoint;
    this.segmentNumber = tail.nextSegment;
    this.segmentPath = files.segment(segmentNumber);
    this.channel = open(segmentPath);
    this.segmentOpenedAt = clock.instant();
  }

  /** Starts a sink whose segments are named after {@code base} (see the class javadoc). */
  public static Builder builder(Path base) {
    return new Builder(base);
  }

  /**
   * The existing segment files of the log at {@code base}, in chain order: pass them to {@link
   * AuditVerifier#verify(List, byte[], java.util.Map)}.
   */
  public static List<Path> segments(Path base) {
    return SegmentFiles.ordered(new SegmentFiles(base).existing());
  }

  @Override
  public synchronized void write(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    ensureUsable();
    try {
      rotateIfDue();
      byte[] body = RecordCodec.eventBody(nextSeq, prevHash, event);
      append(macKey == null ? body : RecordCodec.appendField(body, "mac", mac(body)));
      eventsSinceCheckpoint++;
      if (eventsSinceCheckpoint >= checkpointEvery) {
        writeCheckpoint(false);
      }
    } catch (IOException | RuntimeException e) {
      throw fail("append audit record seq " + nextSeq, e);
    }
  }

  /** Writes a (non-closing) signed checkpoint now, sealing every event written so far. */
  public synchronized void checkpoint() {
    ensureUsable();
    try {
      writeCheckpoint(false);
    } catch (IOException | RuntimeException e) {
      throw fail("write checkpoint seq " + nextSeq, e);
    }
  }

  @Override
  public synchronized void flush() {
    ensureUsable();
    try {
      channel.force(false);
    } catch (IOException e) {
      throw fail("force audit log to disk", e);
    }
  }

  /** Writes the closing checkpoint, forces the file to disk and closes it. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (brokenBecause == null) {
        writeCheckpoint(true);
        channel.force(false);
      }
      channel.close();
    } catch (IOException | RuntimeException e) {
      closeQuietly();
      brokenBecause = e.toString();
      throw new AuditException(
          AuditException.Reason.WRITE_FAILED,
          "could not write the closing checkpoint to " + segmentPath + ": " + e
              + ". Records up to the last checkpoint remain verifiable; the tail is unsealed.",
          e);
    }
  }

  private void ensureUsable() {
    if (closed) {
      throw new AuditException(
          AuditException.Reason.CLOSED,
          "the audit log " + segmentPath + " is closed; build a new sink to keep recording");
    }
    if (brokenBecause != null) {
      throw new AuditException(
          AuditException.Reason.WRITE_FAILED,
          "the audit log " + segmentPath + " failed earlier (" + brokenBecause
              + ") and refuses further records so the trail has no silent gap; fix the cause"
              + " and build a new sink, which continues the chain in a new file");
    }
  }

  private AuditException fail(String what, Exception e) {
    brokenBecause = e.toString();
    try {
      channel.truncate(Math.max(0, segmentBytes));
    } catch (IOException | RuntimeException ignored) {
      // Best effort: a torn line is still reported by the verifier and refused on restart.
    }
    return new AuditException(
        AuditException.Reason.WRITE_FAILED,
        "could not " + what + " to " + segmentPath + ": " + e
            + ". The operation that needed this record must fail; fix the cause (disk space,"
            + " permissions) and build a new sink.",
        e);
  }

  private void rotateIfDue() throws IOException {
    if (segmentBytes == 0) {
      return;
    }
    boolean bySize = rotateAtBytes > 0 && segmentBytes >= rotateAtBytes;
    boolean byTime =
        rotateEvery != null && !clock.instant().isBefore(segmentOpenedAt.plus(rotateEvery));
    if (!bySize && !byTime) {
      return;
    }
    writeCheckpoint(false);
    channel.force(false);
    channel.close();
    segmentNumber++;
    segmentPath = files.segment(segmentNumber);
    channel = open(segmentPath);
    segmentBytes = 0;
    segmentOpenedAt = clock.instant();
  }

  private void writeCheckpoint(boolean closing) throws IOException {
    byte[] body =
        RecordCodec.checkpointBody(
            nextSeq, prevHash, clock.instant(), eventsSinceCheckpoint, closing, signer.keyId());
    byte[] sig = signer.sign(RecordCodec.signatureInput(body));
    if (sig == null || sig.length != 64) {
      throw new IllegalStateException(
          "the audit signer returned " + (sig == null ? "null" : sig.length + " bytes")
              + " instead of a 64-byte Ed25519 signature");
    }
    byte[] signed = RecordCodec.appendField(body, "sig", RecordCodec.base64Url(sig));
    append(macKey == null ? signed : RecordCodec.appendField(signed, "mac", mac(signed)));
    eventsSinceCheckpoint = 0;
  }

  private String mac(byte[] body) {
    return RecordCodec.recordMac(Objects.requireNonNull(macKey), body);
  }

  private void append(byte[] line) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    segmentBytes += line.length + 1;
    prevHash = RecordCodec.sha256Hex(line);
    nextSeq++;
  }

  private static FileChannel open(Path path) {
    try {
      return FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new AuditException(
          AuditException.Reason.WRITE_FAILED,
          "cannot create audit log file " + path + ": " + e
              + ". Make its directory writable, or free space, and try again.",
          e);
    }
  }

  private void closeQuietly() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Already failing; the original error is reported.
    }
  }

  @Override
  public String toString() {
    return "ChainedFileAuditSink{segment=" + segmentPath + ", macKey="
        + (macKey == null ? "none" : "<redacted>") + ", kid=" + signer.keyId()
        + ", checkpointEvery=" + checkpointEvery + "}";
  }

  /** Configures a {@link ChainedFileAuditSink}; every option may be set at most once. */
  public static final class Builder {
    private final Path base;
    private byte @Nullable [] macKey;
    private boolean withoutMac;
    private @Nullable AuditSigner signer;
    private int checkpointEvery = -1;
    private long rotateAtBytes = -1;
    private @Nullable Duration rotateEvery;
    private @Nullable Clock clock;

    private Builder(Path base) {
      this.base = Objects.requireNonNull(base, "base");
    }

    /** The HMAC-SHA256 key (at least 32 random bytes) for per-record MACs; copied. */
    public Builder macKey(byte[] key) {
      Objects.requireNonNull(key, "key");
      Preconditions.checkState(macKey == null, "macKey was already set");
      Preconditions.checkState(!withoutMac, "withoutMac() was already chosen; macKey conflicts");
      if (key.length < 32) {
        throw new IllegalArgumentException(
            "the audit MAC key has " + key.length + " bytes; use at least 32 random bytes");
      }
      this.macKey = key.clone();
      return this;
    }

    /**
     * Writes records without a MAC: anyone who can write the file can then re-chain it after an
     * edit, and only the signed checkpoints still protect it. For benchmarks and for deployments
     * that hash-anchor checkpoints elsewhere.
     */
    public Builder withoutMac() {
      Preconditions.checkState(!withoutMac, "withoutMac() was already chosen");
      Preconditions.checkState(macKey == null, "macKey was already set; withoutMac conflicts");
      this.withoutMac = true;
      return this;
    }

    /** Signs checkpoints; required. */
    public Builder signer(AuditSigner signer) {
      Objects.requireNonNull(signer, "signer");
      Preconditions.checkState(this.signer == null, "signer was already set to %s", this.signer);
      this.signer = signer;
      return this;
    }

    /** Writes a signed checkpoint after every {@code n} events (default 1000). */
    public Builder checkpointEvery(int n) {
      Preconditions.checkState(
          checkpointEvery == -1, "checkpointEvery was already set to %s", checkpointEvery);
      Preconditions.checkArgument(n >= 1, "checkpointEvery must be at least 1, got %s", n);
      this.checkpointEvery = n;
      return this;
    }

    /** Starts a new file once the current one holds at least {@code bytes} bytes. */
    public Builder rotateAtBytes(long bytes) {
      Preconditions.checkState(
          rotateAtBytes == -1, "rotateAtBytes was already set to %s", rotateAtBytes);
      Preconditions.checkArgument(bytes >= 1, "rotateAtBytes must be positive, got %s", bytes);
      this.rotateAtBytes = bytes;
      return this;
    }

    /** Starts a new file when {@code period} has passed on {@code clock} since it was opened. */
    public Builder rotateEvery(Duration period, Clock clock) {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(clock, "clock");
      Preconditions.checkState(rotateEvery == null, "rotateEvery was already set to %s", rotateEvery);
      Preconditions.checkState(this.clock == null, "clock was already set to %s", this.clock);
      Preconditions.checkArgument(
          !period.isNegative() && !period.isZero(), "rotateEvery must be positive, got %s", period);
      this.rotateEvery = period;
      this.clock = clock;
      return this;
    }

    /** The clock for checkpoint times (default UTC system clock). */
    public Builder clock(Clock clock) {
      Objects.requireNonNull(clock, "clock");
      Preconditions.checkState(this.clock == null, "clock was already set to %s", this.clock);
      this.clock = clock;
      return this;
    }

    /**
     * Opens the next segment file (continuing any chain already at the base path).
     *
     * @throws IllegalStateException if the signer or the MAC choice is missing
     * @throws AuditException if the directory or file cannot be created, or existing segments
     *     cannot be continued
     */
    public ChainedFileAuditSink build() {
      Preconditions.checkState(signer != null, "a signer is required: call signer(...)");
      Preconditions.checkState(
          macKey != null || withoutMac,
          "choose macKey(key) (recommended) or the loud opt-out withoutMac()");
      if (checkpointEvery == -1) {
        checkpointEvery = 1000;
      }
      if (rotateAtBytes == -1) {
        rotateAtBytes = 0;
      }
      return new ChainedFileAuditSink(this);
    }

    @Override
    public String toString() {
      return "ChainedFileAuditSink.Builder{base=" + base + ", macKey="
          + (macKey == null ? "unset" : "<redacted>") + "}";
    }
  }
}
