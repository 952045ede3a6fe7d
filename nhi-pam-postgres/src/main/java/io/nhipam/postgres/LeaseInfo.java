package io.nhipam.postgres;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the fleet-wide lease table. No secret material: a secret lease is named by its
 * secret's name and keyed fingerprint.
 *
 * @param leaseId the lease id ({@code ls_...})
 * @param identityId who holds it
 * @param kind {@code credential} or {@code secret}
 * @param secretName the secret's name, for a secret lease
 * @param credentialId the lease's current credential, for a credential lease
 * @param openedAt when it was opened
 * @param expiresAt when its current credential or secret expires (renewals move it)
 * @param renewals how many times it was renewed
 * @param ownerJvm the JVM that opened it
 * @param closedAt when it was closed or killed, if it was
 * @param closeReason {@code closed} (by its holder) or {@code killed} (by an operator), if closed
 */
public record LeaseInfo(
    String leaseId,
    String identityId,
    String kind,
    Optional<String> secretName,
    Optional<String> credentialId,
    Instant openedAt,
    Instant expiresAt,
    int renewals,
    String ownerJvm,
    Optional<Instant> closedAt,
    Optional<String> closeReason) {
  public LeaseInfo {
    Objects.requireNonNull(leaseId, "leaseId");
    Objects.requireNonNull(identityId, "identityId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(secretName, "secretName");
    Objects.requireNonNull(credentialId, "credentialId");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(ownerJvm, "ownerJvm");
    Objects.requireNonNull(closedAt, "closedAt");
    Objects.requireNonNull(closeReason, "closeReason");
  }

  /** Open at {@code now}: not closed, not killed, not expired. */
  public boolean isOpenAt(Instant now) {
    return closedAt.isEmpty() && now.isBefore(expiresAt);
  }
}
