package io.nhipam.credential;

import io.nhipam.identity.IdentityKind;
import io.nhipam.scope.Scopes;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The claims of a credential, as minted or as read from a verified token. */
final class Claims {
  String id;
  String subject;
  IdentityKind kind;
  Scopes scopes;
  String issuer;
  String audience;
  Instant issuedAt;
  Instant notBefore;
  Instant expiresAt;
  long epoch;
  @Nullable String leaseId;
  List<Credential.Actor> chain;

  @SuppressWarnings("NullAway.Init")
  Claims() {}
}
