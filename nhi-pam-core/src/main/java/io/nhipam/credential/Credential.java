package io.nhipam.credential;

import com.google.common.collect.ImmutableList;
import io.nhipam.identity.IdentityKind;
import io.nhipam.scope.Scope;
import io.nhipam.scope.Scopes;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an identity holds for one job: a verified, immutable set of claims plus the signed token
 * that carries them on the wire.
 *
 * <p>A {@code Credential} is only ever produced by minting or by verifying a token, so its claims
 * can be trusted; whether it is still valid (expiry, revocation) is decided afresh on every
 * {@code Guard.check}. {@link #toString()} never prints the token: the token is a bearer secret.
 * {@link #token()} returns it for handing to another process.
 */
public final class Credential {
  private final String id;
  private final String subject;
  private final IdentityKind kind;
  private final Scopes scopes;
  private final String issuer;
  private final String audience;
  private final Instant issuedAt;
  private final Instant notBefore;
  private final Instant expiresAt;
  /** {@link #expiresAt} and {@link #notBefore} in epoch milliseconds, for allocation-free checks. */
  final long expiresAtMillis;
  final long notBeforeMillis;
  private final long identityEpoch;
  private final @Nullable String leaseId;
  private final ImmutableList<Actor> delegationChain;
  private final String keyId;
  private final String token;
  /** The in-memory revocation store's decoded key for {@link #id}, cached on first check. */
  @Nullable Object revocationKey;
  /**
   * The last check that found this credential unrevoked: which in-memory store, at which of its
   * versions. One immutable object, so racing checks never pair one store with another's version.
   */
  volatile @Nullable UnrevokedAt unrevokedAt;
  /** When this credential's use was last passed to the registry (racy: at worst one more update). */
  volatile long lastUseRecorded = Long.MIN_VALUE / 2;

  /** An in-memory store and its version at which this credential (and its ancestors) was unrevoked. */
  static final class UnrevokedAt {
    final Object store;
    final long version;

    UnrevokedAt(Object store, long version) {
      this.store = store;
      this.version = version;
    }
  }

  Credential(Claims c, String keyId, String token) {
    this.id = c.id;
    this.subject = c.subject;
    this.kind = c.kind;
    this.scopes = c.scopes;
    this.issuer = c.issuer;
    this.audience = c.audience;
    this.issuedAt = c.issuedAt;
    this.notBefore = c.notBefore;
    this.expiresAt = c.expiresAt;
    this.expiresAtMillis = c.expiresAt.toEpochMilli();
    this.notBeforeMillis = c.notBefore.toEpochMilli();
    this.identityEpoch = c.epoch;
    this.leaseId = c.leaseId;
    this.delegationChain = ImmutableList.copyOf(c.chain);
    this.keyId = Objects.requireNonNull(keyId);
    this.token = Objects.requireNonNull(token);
  }

  /** The credential id ({@code jti}), unique per mint. Safe to log. */
  public String id() {
    return id;
  }

  /** The identity that holds this credential ({@code sub}). */
  public String subject() {
    return subject;
  }

  public IdentityKind identityKind() {
    return kind;
  }

  /** The scopes (or scope patterns) this credential carries. */
  public Scopes scopes() {
    return scopes;
  }

  /** Whether this credential carries a scope that matches {@code scope}. */
  public boolean grants(Scope scope) {
    return scopes.grants(scope);
  }

  public String issuer() {
    return issuer;
  }

  public String audience() {
    return audience;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public Instant notBefore() {
    return notBefore;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  /** The subject's revocation epoch when this was minted; revoking the identity raises it. */
  public long identityEpoch() {
    return identityEpoch;
  }

  /** The lease this credential belongs to, if it was issued under one. */
  public Optional<String> leaseId() {
    return Optional.ofNullable(leaseId);
  }

  @Nullable String leaseIdOrNull() {
    return leaseId;
  }

  /** The credential this one was attenuated from, if any. */
  public Optional<String> parentId() {
    return delegationChain.isEmpty() ? Optional.empty() : Optional.of(delegationChain.get(0).credentialId());
  }

  /**
   * Who handed this credential down, nearest first (RFC 8693 {@code act}): the parent's holder,
   * then the grandparent's, and so on. Empty for a credential minted directly.
   */
  public List<Actor> delegationChain() {
    return delegationChain;
  }

  /** The PASERK {@code k4.pid} of the key that signed this credential. */
  public String keyId() {
    return keyId;
  }

  /** The signed PASETO v4.public token: a bearer secret, hand it only to its holder. */
  public String token() {
    return token;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credential && ((Credential) o).token.equals(token);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Credential{id=" + id + ", subject=" + subject + ", scopes=" + scopes + ", audience=" + audience
        + ", expiresAt=" + expiresAt + (delegationChain.isEmpty() ? "" : ", delegatedBy=" + delegationChain)
        + ", token=<redacted>}";
  }

  /**
   * One link of a delegation chain: the credential that was attenuated, its holder, and that
   * holder's identity epoch at the time (so revoking the delegator's identity revokes the child).
   */
  public record Actor(String credentialId, String subject, long identityEpoch) {
    public Actor {
      Objects.requireNonNull(credentialId, "credentialId");
      Objects.requireNonNull(subject, "subject");
    }

    @Override
    public String toString() {
      return subject + "(" + credentialId + ")";
    }
  }
}
