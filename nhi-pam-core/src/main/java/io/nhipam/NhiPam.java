package io.nhipam;

import io.nhipam.audit.AuditLog;
import io.nhipam.credential.Credential;
import io.nhipam.credential.CredentialAuthority;
import io.nhipam.credential.CredentialLease;
import io.nhipam.credential.KeyRing;
import io.nhipam.credential.RevocationStore;
import io.nhipam.credential.SecretLease;
import io.nhipam.guard.Guard;
import io.nhipam.identity.IdentityRegistry;
import io.nhipam.mask.MaskAction;
import io.nhipam.mask.Masker;
import io.nhipam.policy.Policy;
import io.nhipam.scope.Scopes;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The entry point: one object that holds the policy, the keys, the revocation state, the masker
 * and the audit log, and hands out credentials, leases, secrets and the {@link Guard}.
 *
 * <pre>{@code
 * NhiPam pam = NhiPam.builder()
 *     .policy(PolicyLoader.load(Path.of("nhi-policy.yaml")))
 *     .keyRing(KeyRing.generate())
 *     .audit(AuditLog.of(fileSink))
 *     .build();
 * Credential cred = pam.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
 * pam.guard().check(cred, "payroll:read");   // denied: MISSING_SCOPE
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} flushes and closes the audit log.
 */
public final class NhiPam implements AutoCloseable {
  private final CredentialAuthority authority;
  private final Guard guard;
  private final AuditLog audit;
  private final Masker masker;

  private NhiPam(CredentialAuthority authority, Guard guard, AuditLog audit, Masker masker) {
    this.authority = authority;
    this.guard = guard;
    this.audit = audit;
    this.masker = masker;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Mints a credential for {@code identityId}; see {@link CredentialAuthority#mint}. */
  public Credential mint(String identityId, Scopes scopes, Duration ttl) {
    return authority.mint(identityId, scopes, ttl);
  }

  /** Verifies a token; see {@link CredentialAuthority#verify}. */
  public Credential verify(String token) {
    return authority.verify(token);
  }

  /** A child of {@code parent} with fewer scopes and a shorter life. */
  public Credential attenuate(Credential parent, Scopes scopes, Duration ttl) {
    return authority.attenuate(parent, scopes, ttl);
  }

  /** A child of {@code parent} for the sub-agent {@code toIdentity}. */
  public Credential delegate(Credential parent, String toIdentity, Scopes scopes, Duration ttl) {
    return authority.delegate(parent, toIdentity, scopes, ttl);
  }

  /** Revokes a credential and its descendants, effective when this returns. */
  public void revoke(Credential credential) {
    authority.revoke(credential);
  }

  /** Revokes every credential an identity holds now. */
  public void revokeIdentity(String identityId) {
    authority.revokeIdentity(identityId);
  }

  /** A credential on a lease: revoked on close, renewable up to the policy maximum. */
  public CredentialLease lease(String identityId, Scopes scopes, Duration ttl) {
    return authority.lease(identityId, scopes, ttl);
  }

  /** An ephemeral secret on a lease: revoked on close or at its TTL. */
  public SecretLease leaseSecret(String identityId, String name, Scopes scopes, Duration ttl) {
    return authority.leaseSecret(identityId, name, scopes, ttl);
  }

  public Guard guard() {
    return guard;
  }

  public CredentialAuthority authority() {
    return authority;
  }

  public IdentityRegistry registry() {
    return authority.registry();
  }

  public Masker masker() {
    return masker;
  }

  public AuditLog audit() {
    return audit;
  }

  public Policy policy() {
    return authority.policy();
  }

  /** Replaces the policy for every later mint and check (masking rules are fixed at build). */
  public void updatePolicy(Policy policy) {
    authority.updatePolicy(policy);
  }

  /** Flushes and closes the audit log. */
  @Override
  public void close() {
    audit.close();
  }

  @Override
  public String toString() {
    return "NhiPam{" + authority + "}";
  }

  /** Builds {@link NhiPam}; policy, key ring and audit log are required, each option is set once. */
  public static final class Builder {
    private final CredentialAuthority.Builder authority = CredentialAuthority.builder();
    private @Nullable Policy policy;
    private @Nullable AuditLog audit;
    private @Nullable Masker masker;
    private boolean keyRingSet;
    private Clock clock = Clock.systemUTC();
    private byte @Nullable [] pseudonymKey;

    private Builder() {}

    public Builder policy(Policy policy) {
      authority.policy(policy);
      this.policy = policy;
      return this;
    }

    public Builder keyRing(KeyRing keyRing) {
      authority.keyRing(keyRing);
      keyRingSet = true;
      return this;
    }

    public Builder audit(AuditLog audit) {
      authority.audit(audit);
      this.audit = audit;
      return this;
    }

    public Builder clock(Clock clock) {
      authority.clock(clock);
      this.clock = clock;
      return this;
    }

    public Builder revocationStore(RevocationStore store) {
      authority.revocationStore(store);
      return this;
    }

    public Builder issuer(String issuer) {
      authority.issuer(issuer);
      return this;
    }

    public Builder audience(String audience) {
      authority.audience(audience);
      return this;
    }

    public Builder leeway(Duration leeway) {
      authority.leeway(leeway);
      return this;
    }

    /**
     * The masker to apply. Default: every built-in detector with its default action, overridden
     * per detector by the policy's {@code masking.detectors} section.
     */
    public Builder masker(Masker masker) {
      if (this.masker != null) {
        throw new IllegalStateException("masker was already set");
      }
      this.masker = Objects.requireNonNull(masker);
      return this;
    }

    /** Key for keyed pseudonyms (at least 32 bytes), used by the default masker. */
    public Builder pseudonymKey(byte[] key) {
      if (this.pseudonymKey != null) {
        throw new IllegalStateException("pseudonymKey was already set");
      }
      this.pseudonymKey = key.clone();
      return this;
    }

    public NhiPam build() {
      if (!keyRingSet) {
        throw new IllegalStateException("keyRing is required: use KeyRing.generate() or KeyRing.fromSecret(...)");
      }
      CredentialAuthority built = authority.build();
      Masker m = masker != null ? masker : defaultMasker(Objects.requireNonNull(policy));
      for (Map.Entry<String, String> column : Objects.requireNonNull(policy).columnActions().entrySet()) {
        if (MaskAction.parse(column.getValue()).kind() == MaskAction.Kind.PSEUDONYM && pseudonymKey == null
            && masker == null) {
          throw new IllegalStateException("column " + column.getKey() + " is masked by pseudonym in "
              + policy.source() + ", which needs a fixed key: call pseudonymKey(..) with at least 32 bytes");
        }
      }
      AuditLog a = Objects.requireNonNull(audit);
      return new NhiPam(built, new Guard(built, a, m), a, m);
    }

    private Masker defaultMasker(Policy policy) {
      Masker.Builder b = Masker.builder().defaultDetectors();
      if (pseudonymKey != null) {
        b.pseudonymKey(pseudonymKey);
      }
      for (Map.Entry<String, String> e : policy.detectorActions().entrySet()) {
        b.action(e.getKey(), MaskAction.parse(e.getValue()));
      }
      return b.build();
    }
  }
}
