package io.nhipam.credential;

import io.nhipam.scope.Scope;
import io.nhipam.scope.Scopes;
import java.time.Instant;

/**
 * What a verified ephemeral secret grants: its identity, name, scopes and expiry. Holds no
 * secret material.
 *
 * @param identity the identity the secret was issued to
 * @param name the secret's name (e.g. {@code deploy-key})
 * @param scopes what it may be used for
 * @param expiresAt when it stops working
 * @param leaseId the lease it belongs to
 * @param fingerprint a keyed fingerprint naming the secret in logs and audit records
 */
public record SecretGrant(String identity, String name, Scopes scopes, Instant expiresAt, String leaseId,
    String fingerprint) {
  /** Whether the secret grants {@code scope}. */
  public boolean grants(Scope scope) {
    return scopes.grants(scope);
  }
}
