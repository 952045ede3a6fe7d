package io.nhipam.postgres;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One identity in the fleet-wide inventory.
 *
 * @param identityId the identity
 * @param kind its kind as registered from the policy, if it was registered
 * @param owner its accountable owner as registered from the policy, if it was registered
 * @param liveCredentials credentials minted anywhere, not expired and not revoked
 * @param lastMinted the last mint or attenuation for it, if any
 * @param lastUsed the last allowed check, if any
 * @param lastRevoked the last revocation that named it, if any
 */
public record InventoryEntry(
    String identityId,
    Optional<String> kind,
    Optional<String> owner,
    long liveCredentials,
    Optional<Instant> lastMinted,
    Optional<Instant> lastUsed,
    Optional<Instant> lastRevoked) {
  public InventoryEntry {
    Objects.requireNonNull(identityId, "identityId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(lastMinted, "lastMinted");
    Objects.requireNonNull(lastUsed, "lastUsed");
    Objects.requireNonNull(lastRevoked, "lastRevoked");
  }
}
