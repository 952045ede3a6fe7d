package io.nhipam.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * What {@link AuditVerifier} found: either the whole chain verified (with the number of records),
 * or the first bad record by sequence number, a {@link Problem} and a sentence saying why.
 */
public final class VerificationResult {
  /** How the log was tampered with or damaged; see {@link AuditVerifier} for the exact rules. */
  public enum Problem {
    /** A record's bytes were changed (content, seq, prev, mac or signature field). */
    ALTERED,
    /** One or more records are missing from the middle of the chain. */
    REMOVED,
    /** A record appears after one with a higher sequence number. */
    REORDERED,
    /** A line that the writer did not write sits in the chain (forged, duplicated or replayed). */
    INSERTED,
    /** The log does not end with a closing checkpoint: its tail was cut off (or never sealed). */
    TRUNCATED_AFTER_LAST_CHECKPOINT,
    /** A checkpoint's Ed25519 signature does not verify, or no public key has its kid. */
    BAD_CHECKPOINT_SIGNATURE,
    /** A line is not a record at all in a way no other problem explains (a torn last write). */
    MALFORMED,
    /** A record links into the chain but its MAC does not verify (wrong key, or re-chained). */
    BAD_MAC
  }

  private final long records;
  private final long events;
  private final long failedSeq;
  private final @Nullable Problem problem;
  private final String detail;

  private VerificationResult(
      long records, long events, long failedSeq, @Nullable Problem problem, String detail) {
    this.records = records;
    this.events = events;
    this.failedSeq = failedSeq;
    this.problem = problem;
    this.detail = detail;
  }

  static VerificationResult ok(long records, long events) {
    return new VerificationResult(records, events, -1, null, "chain verified");
  }

  static VerificationResult failed(long records, long seq, Problem problem, String why) {
    return new VerificationResult(records, 0, seq, Objects.requireNonNull(problem), why);
  }

  /** Whether every record verified and the log ends with a closing checkpoint. */
  public boolean ok() {
    return problem == null;
  }

  /** Records (events and checkpoints) verified before the first problem, or all of them. */
  public long records() {
    return records;
  }

  /** Event records (checkpoints excluded) in a verified log; 0 when verification failed. */
  public long events() {
    return events;
  }

  /** The sequence number of the first bad record, if verification failed. */
  public OptionalLong failedSeq() {
    return problem == null ? OptionalLong.empty() : OptionalLong.of(failedSeq);
  }

  /** The problem with the first bad record, if verification failed. */
  public Optional<Problem> problem() {
    return Optional.ofNullable(problem);
  }

  /** Why verification failed (or "chain verified"); names lines and fields, never contents. */
  public String detail() {
    return detail;
  }

  /** {@code OK: N records, chain verified} or {@code FAILED at seq N: PROBLEM: why}. */
  @Override
  public String toString() {
    return problem == null
        ? "OK: " + records + " records, chain verified"
        : "FAILED at seq " + failedSeq + ": " + problem + ": " + detail;
  }
}
