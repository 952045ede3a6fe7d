package io.nhipam.credential;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where revocations live. The in-memory store ({@link #inMemory}) is the default; a shared store
 * (PostgreSQL, for a fleet of JVMs) implements the same contract.
 *
 * <p>Contract: every method is thread-safe; once a {@code revoke*} method returns, every later
 * {@code is*Revoked} / {@link #identityEpoch} call in this JVM sees the revocation (no check that
 * starts after {@code revoke} returns succeeds). Lookups are on the hot path of every check: they
 * must be memory lookups, never I/O. A store may forget an entry once its {@code expiresAt} has
 * passed (plus the verifier's leeway): the credential can no longer verify anyway.
 */
public interface RevocationStore {

  /** The default store: revocations held in this JVM only. */
  static RevocationStore inMemory(java.time.Clock clock) {
    return new InMemoryRevocationStore(clock, java.time.Duration.ofMinutes(5));
  }

  /** Marks credential {@code credentialId} revoked until {@code expiresAt}. */
  void revokeCredential(String credentialId, Instant expiresAt);

  boolean isCredentialRevoked(String credentialId);

  /**
   * Revokes every credential of {@code identityId} minted so far, in O(1): raises the identity's
   * epoch, and a credential minted under a lower epoch is revoked. Returns the new epoch.
   */
  long revokeIdentity(String identityId);

  /** The identity's current epoch (0 if never revoked). */
  long identityEpoch(String identityId);

  /** Marks lease {@code leaseId} revoked until {@code expiresAt}: every credential under it is revoked. */
  void revokeLease(String leaseId, Instant expiresAt);

  boolean isLeaseRevoked(String leaseId);

  /**
   * Null when the store can answer; otherwise why it cannot (for a shared store: it has not heard
   * from its database within its staleness bound). Checks fail closed while this is non-null.
   */
  default @Nullable String unavailableReason() {
    return null;
  }

  /** Number of revocation entries held (credentials and leases), for monitoring. */
  int size();
}
