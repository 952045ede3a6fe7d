package io.nhipam.credential;

import io.nhipam.audit.AuditEventType;
import io.nhipam.error.ReasonCode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A credential held for one job, revoked when the job ends.
 *
 * <pre>{@code
 * try (CredentialLease lease = authority.lease("ci-pipeline", Scopes.of("deploy:run"), Duration.ofMinutes(5))) {
 *   run(lease.credential());
 *   lease.renew(Duration.ofMinutes(5));   // within the policy's maximum from first issue
 * }                                        // revoked here
 * }</pre>
 *
 * <p>Renewing mints a fresh credential under the same lease and revokes the previous one, so only
 * the newest token is ever valid. Closing twice is harmless. Renewing a closed or revoked lease
 * fails with {@link ReasonCode#REVOKED}. Thread-safe.
 */
public final class CredentialLease implements AutoCloseable {
  private final CredentialAuthority authority;
  private final String leaseId;
  private final Instant firstIssued;
  private final Instant hardExpiry;
  private Credential current;
  private boolean closed;

  CredentialLease(CredentialAuthority authority, String leaseId, Credential first, Duration maxTtl) {
    this.authority = authority;
    this.leaseId = leaseId;
    this.current = first;
    this.firstIssued = first.issuedAt();
    this.hardExpiry = firstIssued.plus(maxTtl);
  }

  /** The lease id ({@code ls_...}); safe to log. */
  public String id() {
    return leaseId;
  }

  /** The current credential of this lease. */
  public synchronized Credential credential() {
    return current;
  }

  /** When the lease was first issued; renewals are bounded from here. */
  public Instant firstIssued() {
    return firstIssued;
  }

  /** The latest any renewal can reach: first issue plus the policy's maximum TTL. */
  public Instant hardExpiry() {
    return hardExpiry;
  }

  /**
   * Replaces the credential with one valid for {@code extension} from now, capped at
   * {@link #hardExpiry()}; the previous credential is revoked.
   *
   * @throws CredentialRevokedException if the lease was closed or revoked
   * @throws CeilingExceededException if the lease has already reached its hard expiry
   */
  public synchronized Credential renew(Duration extension) {
    if (closed || authority.revocations().isLeaseRevoked(leaseId)) {
      throw new CredentialRevokedException("renew refused: lease " + leaseId + " of " + current.subject()
          + " was closed or revoked; open a new lease");
    }
    ReasonCode problem = authority.problem(current);
    if (problem != null) {
      throw new CredentialException(problem, "renew refused: " + authority.describe(current, problem));
    }
    Instant now = authority.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    Instant wanted = now.plus(extension);
    Instant until = wanted.isAfter(hardExpiry) ? hardExpiry : wanted;
    if (!until.isAfter(now)) {
      throw new CeilingExceededException(ReasonCode.TTL_EXCEEDS_CEILING, "renew refused: lease " + leaseId
          + " reached its maximum life at " + hardExpiry + "; open a new lease");
    }
    Credential previous = current;
    Credential next = authority.mintInternal(previous.subject(), previous.scopes(), Duration.between(now, until),
        leaseId, List.of(), "renew");
    Auditor a = authority.auditor();
    a.record(a.event(AuditEventType.RENEW, previous.subject(), next.id()).attribute("lease", leaseId)
        .attribute("previous", previous.id()).attribute("expires", until.toString()), "renew");
    current = next;
    authority.revoke(previous);
    return next;
  }

  /** Revokes every credential of this lease. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    authority.revokeLease(leaseId, current.subject(), hardExpiry);
  }

  /** Whether {@link #close()} was called. */
  public synchronized boolean isClosed() {
    return closed;
  }

  @Override
  public synchronized String toString() {
    return "CredentialLease{id=" + leaseId + ", credential=" + current.id() + ", closed=" + closed + "}";
  }
}
