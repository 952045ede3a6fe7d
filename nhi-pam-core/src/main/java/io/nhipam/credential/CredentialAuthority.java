package io.nhipam.credential;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.nhipam.audit.AuditEvent;
import io.nhipam.audit.AuditEventType;
import io.nhipam.audit.AuditLog;
import io.nhipam.error.ReasonCode;
import io.nhipam.identity.IdentityRegistry;
import io.nhipam.policy.IdentityPolicy;
import io.nhipam.policy.Policy;
import io.nhipam.scope.Scope;
import io.nhipam.scope.Scopes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Mints, verifies, attenuates, renews and revokes credentials under a policy.
 *
 * <p>Most users reach this through {@code NhiPam}; it is public so that adapters and tests can
 * hold it directly. Every operation is audited, and an operation whose audit record cannot be
 * written fails ({@link ReasonCode#AUDIT_FAILED}) — except revocation, which takes effect first
 * and then reports the audit failure, because refusing to revoke would be the unsafe direction.
 *
 * <p>Verification results are cached by token text (a repeated verify skips the signature), but
 * expiry and revocation are checked on every call. Thread-safe.
 */
public final class CredentialAuthority {
  /** Default clock skew tolerated on {@code exp}, {@code nbf} and {@code iat}: 30 seconds. */
  public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(30);

  private final KeyRing keyRing;
  private final RevocationStore revocations;
  private final Clock clock;
  private final String issuer;
  private final String audience;
  private final Duration leeway;
  private final long leewayMillis;
  private final SecureRandom random;
  private final IdentityRegistry registry;
  private final Auditor auditor;
  private final Cache<String, Credential> verified;
  private final SecretVault secrets;
  private volatile Policy policy;

  private CredentialAuthority(Builder b) {
    this.keyRing = Objects.requireNonNull(b.keyRing, "keyRing is required");
    this.policy = Objects.requireNonNull(b.policy, "policy is required");
    AuditLog audit = Objects.requireNonNull(b.audit, "audit is required");
    this.clock = b.clock;
    this.revocations = b.revocations != null ? b.revocations : RevocationStore.inMemory(clock);
    this.issuer = b.issuer;
    this.audience = b.audience;
    this.leeway = b.leeway;
    this.leewayMillis = b.leeway.toMillis();
    this.random = b.random;
    this.registry = new IdentityRegistry(clock);
    this.registry.registerAll(policy.identityList());
    this.auditor = new Auditor(audit, clock);
    this.verified = CacheBuilder.newBuilder().maximumSize(b.verifyCacheSize).build();
    this.secrets = new SecretVault(clock, random, auditor, revocations);
    recordPolicyLoad(policy, "policy load");
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- mint

  /**
   * Mints a credential for {@code identityId} carrying {@code scopes} for {@code ttl}.
   *
   * @throws CeilingExceededException if the identity has no policy, a scope is not allowed or is
   *     denied by the policy, or {@code ttl} exceeds the policy's maximum
   * @throws CredentialException with {@link ReasonCode#AUDIT_FAILED} if the mint cannot be audited
   */
  public Credential mint(String identityId, Scopes scopes, Duration ttl) {
    return mintInternal(identityId, scopes, ttl, null, List.of(), "mint");
  }

  Credential mintInternal(String identityId, Scopes scopes, Duration ttl, @Nullable String leaseId,
      List<Credential.Actor> chain, String operation) {
    Objects.requireNonNull(identityId, "identityId");
    Objects.requireNonNull(scopes, "scopes");
    Objects.requireNonNull(ttl, "ttl");
    IdentityPolicy p = requirePolicy(identityId, operation);
    checkCeiling(p, scopes, ttl, operation);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Claims c = new Claims();
    c.id = Ids.credentialId(random);
    c.subject = p.identity().id(); // the policy's own instance: lookups by it compare by identity
    c.kind = p.identity().kind();
    c.scopes = scopes;
    c.issuer = issuer;
    c.audience = audience;
    c.issuedAt = now;
    c.notBefore = now;
    c.expiresAt = now.plus(ttl);
    c.epoch = revocations.identityEpoch(identityId);
    c.leaseId = leaseId;
    c.chain = chain;
    Credential credential = new Credential(c, keyRing.activeKeyId(), TokenCodec.encode(c, keyRing));
    AuditEvent.Builder event = auditor.event(chain.isEmpty() ? AuditEventType.MINT : AuditEventType.ATTENUATE,
            identityId, c.id)
        .scope(String.join(" ", scopes.values()))
        .delegationChain(Auditor.actors(credential))
        .attribute("expires", c.expiresAt.toString());
    if (leaseId != null) {
      event.attribute("lease", leaseId);
    }
    auditor.record(event, operation);
    registry.recordIssued(identityId, c.id, c.expiresAt);
    return credential;
  }

  private IdentityPolicy requirePolicy(String identityId, String operation) {
    IdentityPolicy p = policy.find(identityId);
    if (p == null) {
      throw new CeilingExceededException(ReasonCode.UNKNOWN_IDENTITY, operation + " refused: identity '"
          + identityId + "' has no policy; add it to " + policy.source() + " with an owner and allowed scopes");
    }
    return p;
  }

  private static void checkCeiling(IdentityPolicy p, Scopes scopes, Duration ttl, String operation) {
    String id = p.identity().id();
    if (scopes.isEmpty()) {
      throw new CeilingExceededException(ReasonCode.SCOPE_EXCEEDS_CEILING,
          operation + " refused: no scopes requested for '" + id + "'; ask for the scopes the job needs");
    }
    for (Scope s : scopes) {
      Scope denied = s.isConcrete() ? p.deniedBy(s) : null;
      if (denied != null) {
        throw new CeilingExceededException(ReasonCode.SCOPE_EXCEEDS_CEILING, operation + " refused: scope " + s
            + " for '" + id + "' is denied by rule " + denied + " in its policy");
      }
      if (!p.effectiveAllow().covers(s)) {
        throw new CeilingExceededException(ReasonCode.SCOPE_EXCEEDS_CEILING, operation + " refused: scope " + s
            + " is beyond the policy of '" + id + "', which allows " + p.effectiveAllow()
            + "; request fewer scopes or extend the policy");
      }
    }
    if (ttl.isNegative() || ttl.isZero() || ttl.toSeconds() < 1) {
      throw new CeilingExceededException(ReasonCode.TTL_EXCEEDS_CEILING,
          operation + " refused: ttl must be at least one second, was " + ttl);
    }
    if (ttl.compareTo(p.maxTtl()) > 0) {
      throw new CeilingExceededException(ReasonCode.TTL_EXCEEDS_CEILING, operation + " refused: ttl " + ttl
          + " for '" + id + "' exceeds its policy maximum " + p.maxTtl() + "; ask for a shorter life");
    }
  }

  // ---------------------------------------------------------------- attenuate

  /**
   * Derives a child credential for the same identity with fewer scopes and a life that ends no
   * later than the parent's. Revoking the parent revokes the child.
   */
  public Credential attenuate(Credential parent, Scopes scopes, Duration ttl) {
    return delegate(parent, parent.subject(), scopes, ttl);
  }

  /**
   * Derives a child credential for {@code toIdentity} (a sub-agent) with a subset of the parent's
   * scopes, also within {@code toIdentity}'s own policy, ending no later than the parent. The
   * child's delegation chain records the parent's holder.
   */
  public Credential delegate(Credential parent, String toIdentity, Scopes scopes, Duration ttl) {
    Objects.requireNonNull(parent, "parent");
    requireValid(parent, "attenuate");
    for (Scope s : scopes) {
      if (!parent.scopes().covers(s)) {
        throw new CeilingExceededException(ReasonCode.SCOPE_EXCEEDS_CEILING, "attenuate refused: scope " + s
            + " is not carried by parent " + parent.id() + ", which carries " + parent.scopes()
            + "; a child can only hold less than its parent");
      }
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    if (now.plus(ttl).isAfter(parent.expiresAt())) {
      throw new CeilingExceededException(ReasonCode.TTL_EXCEEDS_CEILING, "attenuate refused: a ttl of " + ttl
          + " would outlive parent " + parent.id() + ", which expires at " + parent.expiresAt());
    }
    if (parent.delegationChain().size() >= TokenCodec.MAX_DELEGATION_DEPTH) {
      throw new CeilingExceededException(ReasonCode.SCOPE_EXCEEDS_CEILING, "attenuate refused: the delegation"
          + " chain of " + parent.id() + " is already " + TokenCodec.MAX_DELEGATION_DEPTH + " links long");
    }
    List<Credential.Actor> chain = new ArrayList<>(parent.delegationChain().size() + 1);
    chain.add(new Credential.Actor(parent.id(), parent.subject(), parent.identityEpoch()));
    chain.addAll(parent.delegationChain());
    return mintInternal(toIdentity, scopes, ttl, parent.leaseIdOrNull(), chain, "attenuate");
  }

  // ---------------------------------------------------------------- verify

  /**
   * Verifies a token and returns its credential: signature (cached per token), issuer, audience,
   * time (with leeway) and revocation.
   *
   * @throws CredentialException a subtype naming the failure; the message never contains the token
   */
  public Credential verify(String token) {
    Objects.requireNonNull(token, "token");
    Credential cached = verified.getIfPresent(token);
    if (cached != null && keyRing.verificationKey(cached.keyId()) != null) {
      requireValid(cached, "verify");
      return cached;
    }
    // not cached, or its key was removed from the ring since: verify from scratch
    Credential credential;
    try {
      TokenCodec.Decoded d = TokenCodec.decode(token, keyRing);
      Claims c = d.claims();
      if (!c.issuer.equals(issuer)) {
        throw new WrongIssuerException("token was issued by '" + c.issuer + "', this authority accepts '" + issuer
            + "'");
      }
      if (!c.audience.equals(audience)) {
        throw new WrongAudienceException("token is for audience '" + c.audience + "', this authority serves '"
            + audience + "'; mint a credential for this audience");
      }
      canonicalise(c);
      credential = new Credential(c, d.keyId(), token);
      requireValid(credential, "verify");
    } catch (CredentialException e) {
      auditFailure(e);
      throw e;
    }
    verified.put(token, credential);
    return credential;
  }

  private void auditFailure(CredentialException e) {
    try {
      auditor.record(auditor.event(AuditEventType.VERIFY_FAILURE, null, null).reason(e.reason().name()), "verify");
    } catch (CredentialException auditFailed) {
      e.addSuppressed(auditFailed);
    }
  }

  private void requireValid(Credential c, String operation) {
    ReasonCode problem = problem(c);
    if (problem != null) {
      throw failure(c, problem, operation);
    }
  }

  /**
   * Why {@code c} cannot be used now, or null if it can: staleness of the revocation state,
   * expiry and not-before (with leeway), revocation of the credential, its ancestors, its lease
   * and its identity, and removal of its signing key from the ring. Allocation-free on the valid
   * path.
   */
  public @Nullable ReasonCode problem(Credential c) {
    return problem(c, clock.millis());
  }

  /**
   * As {@link #problem(Credential)} at {@code nowMillis}, which the caller has just read from
   * {@link #clock()} (the Guard reads the clock once per check, for this and for its audit record).
   */
  public @Nullable ReasonCode problem(Credential c, long nowMillis) {
    if (revocations.unavailableReason() != null) {
      return ReasonCode.REVOCATION_STATE_STALE;
    }
    long now = nowMillis;
    if (now > c.expiresAtMillis + leewayMillis) {
      return ReasonCode.EXPIRED;
    }
    if (now + leewayMillis < c.notBeforeMillis) {
      return ReasonCode.NOT_YET_VALID;
    }
    if (isRevoked(c)) {
      return ReasonCode.REVOKED;
    }
    if (keyRing.verificationKey(c.keyId()) == null) {
      return ReasonCode.UNKNOWN_KEY; // its signing key was removed from the ring
    }
    return null;
  }

  private boolean isRevoked(Credential c) {
    if (revocations instanceof InMemoryRevocationStore) {
      // Nothing revoked anywhere since this credential was last found unrevoked: still unrevoked.
      // The version is read before the lookups, so a revocation racing them moves it on and the
      // next check looks again; every revocation is in the maps before the version moves.
      InMemoryRevocationStore memory = (InMemoryRevocationStore) revocations;
      long version = memory.version();
      Credential.UnrevokedAt last = c.unrevokedAt;
      if (last != null && last.store == memory && last.version == version) {
        return false;
      }
      boolean revoked = memory.isCredentialRevoked(c) || isRevokedByLookup(c);
      if (!revoked) {
        c.unrevokedAt = new Credential.UnrevokedAt(memory, version);
      }
      return revoked;
    }
    return revocations.isCredentialRevoked(c.id()) || isRevokedByLookup(c);
  }

  /** Revocation of the credential's identity, lease or ancestors (its own id is checked by the caller). */
  private boolean isRevokedByLookup(Credential c) {
    if (revocations.identityEpoch(c.subject()) > c.identityEpoch()) {
      return true;
    }
    String lease = c.leaseIdOrNull();
    if (lease != null && revocations.isLeaseRevoked(lease)) {
      return true;
    }
    for (Credential.Actor a : c.delegationChain()) {
      if (revocations.isCredentialRevoked(a.credentialId())
          || revocations.identityEpoch(a.subject()) > a.identityEpoch()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Replaces decoded strings by equal ones this authority already holds (its issuer and audience,
   * the policy's identity id), so the maps every check consults find their keys by identity
   * instead of comparing characters.
   */
  private void canonicalise(Claims c) {
    c.issuer = issuer;
    c.audience = audience;
    IdentityPolicy p = policy.find(c.subject);
    if (p != null) {
      c.subject = p.identity().id();
    }
  }

  /** A person-readable explanation of {@code problem} for credential {@code c}. */
  public String describe(Credential c, ReasonCode problem) {
    switch (problem) {
      case EXPIRED:
        return "credential " + c.id() + " of " + c.subject() + " expired at " + c.expiresAt()
            + "; mint or renew a credential";
      case NOT_YET_VALID:
        return "credential " + c.id() + " of " + c.subject() + " is not valid before " + c.notBefore()
            + "; check the clocks of issuer and verifier";
      case REVOKED:
        return "credential " + c.id() + " of " + c.subject() + " was revoked (itself, a parent, its lease or its"
            + " identity); mint a new one if the job should continue";
      case REVOCATION_STATE_STALE:
        return "revocation state cannot be trusted: " + revocations.unavailableReason()
            + "; checks fail closed until it catches up";
      case UNKNOWN_KEY:
        return "credential " + c.id() + " of " + c.subject() + " was signed by key " + c.keyId()
            + ", which has been removed from the key ring; mint a new credential";
      default:
        return "credential " + c.id() + " of " + c.subject() + " cannot be used: " + problem;
    }
  }

  private CredentialException failure(Credential c, ReasonCode problem, String operation) {
    String message = operation + " refused: " + describe(c, problem);
    switch (problem) {
      case EXPIRED:
        return new CredentialExpiredException(message);
      case NOT_YET_VALID:
        return new CredentialNotYetValidException(message);
      case REVOKED:
        return new CredentialRevokedException(message);
      case UNKNOWN_KEY:
        return new UnknownKeyException(message);
      default:
        return new CredentialException(problem, message);
    }
  }

  // ---------------------------------------------------------------- revoke

  /**
   * Revokes {@code credential} and, through their chains, every credential attenuated from it.
   * When this returns, no check or verify in this JVM succeeds with it.
   */
  public void revoke(Credential credential) {
    revoke(credential.id(), credential.subject(), credential.expiresAt());
  }

  /** Revokes a credential by id; {@code expiresAt} bounds how long the entry is kept. */
  public void revoke(String credentialId, String identityId, Instant expiresAt) {
    revocations.revokeCredential(credentialId, expiresAt);
    registry.recordRevoked(identityId, credentialId);
    auditor.record(auditor.event(AuditEventType.REVOKE, identityId, credentialId).attribute("target", "credential"),
        "revoke");
  }

  /** Revokes every credential {@code identityId} holds now, in O(1); new mints still work. */
  public void revokeIdentity(String identityId) {
    long epoch = revocations.revokeIdentity(identityId);
    registry.recordIdentityRevoked(identityId);
    auditor.record(auditor.event(AuditEventType.REVOKE, identityId, null).attribute("target", "identity")
        .attribute("epoch", epoch), "revoke identity");
  }

  /** Revokes every credential issued under lease {@code leaseId}. */
  public void revokeLease(String leaseId, String identityId, Instant expiresAt) {
    revocations.revokeLease(leaseId, expiresAt);
    auditor.record(auditor.event(AuditEventType.REVOKE, identityId, null).attribute("target", "lease")
        .attribute("lease", leaseId), "revoke lease");
  }

  // ---------------------------------------------------------------- leases and secrets

  /**
   * Mints a credential under a new lease. Closing the lease revokes it; {@link CredentialLease#renew}
   * extends it up to the identity's maximum TTL measured from this first issue.
   */
  public CredentialLease lease(String identityId, Scopes scopes, Duration ttl) {
    String leaseId = Ids.leaseId(random);
    Credential first = mintInternal(identityId, scopes, ttl, leaseId, List.of(), "lease");
    return new CredentialLease(this, leaseId, first, requirePolicy(identityId, "lease").maxTtl());
  }

  /**
   * Issues an ephemeral secret (for what cannot carry a token) bound to {@code identityId},
   * {@code scopes} and {@code ttl}, under a lease that revokes it on close.
   */
  public SecretLease leaseSecret(String identityId, String name, Scopes scopes, Duration ttl) {
    IdentityPolicy p = requirePolicy(identityId, "secret lease");
    checkCeiling(p, scopes, ttl, "secret lease");
    return secrets.issue(identityId, name, scopes, ttl, Ids.leaseId(random));
  }

  /**
   * Checks an ephemeral secret: well-formed, issued by this authority, not expired, its lease
   * neither closed nor revoked (a lease killed through a shared revocation store counts).
   *
   * @throws CredentialException with {@link ReasonCode#INVALID_SECRET} or {@link ReasonCode#EXPIRED};
   *     the message never repeats the secret
   */
  public SecretGrant verifySecret(CharSequence secret) {
    return secrets.verify(secret);
  }

  // ---------------------------------------------------------------- accessors

  public Policy policy() {
    return policy;
  }

  /** Replaces the policy; it applies to every later mint and check. */
  public void updatePolicy(Policy newPolicy) {
    this.policy = Objects.requireNonNull(newPolicy, "policy");
    registry.registerAll(newPolicy.identityList());
    recordPolicyLoad(newPolicy, "policy update");
  }

  private void recordPolicyLoad(Policy p, String operation) {
    auditor.record(auditor.event(AuditEventType.POLICY_LOAD, null, null).attribute("source", shortSource(p))
        .attribute("identities", p.identities().size()), operation);
  }

  /**
   * Records in the {@link #registry()} that {@code c} was used at {@code nowMillis} (read from
   * {@link #clock()}), as the Guard does on every allowed check. The registry keeps last use to the
   * second, so a credential used again within the same second skips the registry altogether.
   */
  public void recordUse(Credential c, long nowMillis) {
    if (nowMillis - c.lastUseRecorded >= 1000 || nowMillis < c.lastUseRecorded) {
      c.lastUseRecorded = nowMillis;
      registry.recordUsed(c.subject(), nowMillis);
    }
  }

  /** The policy's file name without its directories (temporary directories carry long random numbers). */
  private static String shortSource(Policy p) {
    String s = p.source();
    int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
    String name = slash >= 0 && slash < s.length() - 1 ? s.substring(slash + 1) : s;
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }

  public IdentityRegistry registry() {
    return registry;
  }

  public KeyRing keyRing() {
    return keyRing;
  }

  public RevocationStore revocations() {
    return revocations;
  }

  public Clock clock() {
    return clock;
  }

  public String issuer() {
    return issuer;
  }

  public String audience() {
    return audience;
  }

  public Duration leeway() {
    return leeway;
  }

  Auditor auditor() {
    return auditor;
  }

  @Override
  public String toString() {
    return "CredentialAuthority{issuer=" + issuer + ", audience=" + audience + ", keys=" + keyRing.keyIds() + "}";
  }

  /** Builds a {@link CredentialAuthority}; each option may be set once. */
  public static final class Builder {
    private @Nullable KeyRing keyRing;
    private @Nullable Policy policy;
    private @Nullable AuditLog audit;
    private @Nullable RevocationStore revocations;
    private Clock clock = Clock.systemUTC();
    private boolean clockSet;
    private String issuer = "nhi-pam";
    private boolean issuerSet;
    private String audience = "nhi-pam";
    private boolean audienceSet;
    private Duration leeway = DEFAULT_LEEWAY;
    private boolean leewaySet;
    private SecureRandom random = new SecureRandom();
    private int verifyCacheSize = 10_000;

    private Builder() {}

    private static void requireUnset(boolean set, String what) {
      if (set) {
        throw new IllegalStateException(what + " was already set");
      }
    }

    public Builder keyRing(KeyRing keyRing) {
      requireUnset(this.keyRing != null, "keyRing");
      this.keyRing = Objects.requireNonNull(keyRing);
      return this;
    }

    public Builder policy(Policy policy) {
      requireUnset(this.policy != null, "policy");
      this.policy = Objects.requireNonNull(policy);
      return this;
    }

    public Builder audit(AuditLog audit) {
      requireUnset(this.audit != null, "audit");
      this.audit = Objects.requireNonNull(audit);
      return this;
    }

    public Builder revocationStore(RevocationStore store) {
      requireUnset(this.revocations != null, "revocationStore");
      this.revocations = Objects.requireNonNull(store);
      return this;
    }

    public Builder clock(Clock clock) {
      requireUnset(clockSet, "clock");
      this.clock = Objects.requireNonNull(clock);
      clockSet = true;
      return this;
    }

    public Builder issuer(String issuer) {
      requireUnset(issuerSet, "issuer");
      this.issuer = requireText(issuer, "issuer");
      issuerSet = true;
      return this;
    }

    public Builder audience(String audience) {
      requireUnset(audienceSet, "audience");
      this.audience = requireText(audience, "audience");
      audienceSet = true;
      return this;
    }

    /** Clock skew tolerated; at most 5 minutes. */
    public Builder leeway(Duration leeway) {
      requireUnset(leewaySet, "leeway");
      if (leeway.isNegative() || leeway.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException("leeway must be between 0 and 5 minutes, was " + leeway);
      }
      this.leeway = leeway;
      leewaySet = true;
      return this;
    }

    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    /** How many verified tokens to remember (default 10,000); 0 disables the cache. */
    public Builder verifyCacheSize(int size) {
      if (size < 0) {
        throw new IllegalArgumentException("verifyCacheSize must be >= 0, was " + size);
      }
      this.verifyCacheSize = size;
      return this;
    }

    private static String requireText(String s, String what) {
      Objects.requireNonNull(s, what);
      if (s.isBlank() || s.length() > 256 || !s.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new IllegalArgumentException(what + " must be 1-256 printable ASCII characters without spaces");
      }
      return s;
    }

    public CredentialAuthority build() {
      if (keyRing == null) {
        throw new IllegalStateException("keyRing is required: use KeyRing.generate() or KeyRing.fromSecret(...)");
      }
      if (policy == null) {
        throw new IllegalStateException("policy is required: load one with PolicyLoader.load(path)");
      }
      if (audit == null) {
        throw new IllegalStateException("audit is required: every mint and revoke is audited;"
            + " use AuditLog to a file, or an in-memory sink in tests");
      }
      return new CredentialAuthority(this);
    }
  }
}
