package io.nhipam.credential;

import java.time.Instant;

/**
 * An ephemeral secret on a lease: valid until the lease closes or its TTL passes, whichever is
 * first.
 *
 * <pre>{@code
 * try (SecretLease lease = pam.leaseSecret("ci-pipeline", "deploy-key", Scopes.of("deploy:prod"), Duration.ofMinutes(10))) {
 *   deploy(lease.secret().reveal());
 * }   // the secret stops working here
 * }</pre>
 */
public final class SecretLease implements AutoCloseable {
  private final SecretVault vault;
  private final EphemeralSecret secret;
  private final SecretGrant grant;
  private boolean closed;

  SecretLease(SecretVault vault, EphemeralSecret secret, SecretGrant grant) {
    this.vault = vault;
    this.secret = secret;
    this.grant = grant;
  }

  /** The secret: print-safe; call {@link EphemeralSecret#reveal()} to use it. */
  public EphemeralSecret secret() {
    return secret;
  }

  /** What the secret grants (no secret material). */
  public SecretGrant grant() {
    return grant;
  }

  public String id() {
    return grant.leaseId();
  }

  public Instant expiresAt() {
    return grant.expiresAt();
  }

  /** Revokes the secret and wipes the plaintext held by this lease. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      vault.revoke(grant);
    } finally {
      secret.destroy();
    }
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return "SecretLease{id=" + grant.leaseId() + ", identity=" + grant.identity() + ", name=" + grant.name()
        + ", fingerprint=" + grant.fingerprint() + ", secret=<redacted>}";
  }
}
