package io.nhipam.credential;

import io.nhipam.audit.AuditEventType;
import io.nhipam.audit.AuditFingerprint;
import io.nhipam.error.ReasonCode;
import io.nhipam.scope.Scopes;
import io.nhipam.secret.SecretFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issued ephemeral secrets, stored only as SHA-256 hashes. A secret is looked up by its hash and
 * the stored hash compared in constant time; expired and revoked entries are removed.
 */
final class SecretVault {
  private final Clock clock;
  private final SecureRandom random;
  private final Auditor auditor;
  private final RevocationStore revocations;
  private final byte[] fingerprintKey = new byte[32];
  private final Map<HashKey, Entry> entries = new ConcurrentHashMap<>();

  SecretVault(Clock clock, SecureRandom random, Auditor auditor, RevocationStore revocations) {
    this.clock = clock;
    this.random = random;
    this.auditor = auditor;
    this.revocations = revocations;
    random.nextBytes(fingerprintKey);
  }

  SecretLease issue(String identity, String name, Scopes scopes, Duration ttl, String leaseId) {
    if (name.isBlank() || name.length() > 128 || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("secret name must be 1-128 printable ASCII characters without spaces");
    }
    purgeExpired();
    String plaintext = SecretFormat.generate(random);
    byte[] hash = sha256(plaintext);
    String fingerprint = AuditFingerprint.of(fingerprintKey, plaintext);
    Instant expiresAt = clock.instant().plus(ttl);
    SecretGrant grant = new SecretGrant(identity, name, scopes, expiresAt, leaseId, fingerprint);
    auditor.record(auditor.event(AuditEventType.SECRET_LEASE_OPEN, identity, null).scope(String.join(" ", scopes.values()))
        .attribute("lease", leaseId).attribute("secret", name).attribute("fingerprint", fingerprint)
        .attribute("expires", expiresAt.toString()), "secret lease");
    entries.put(new HashKey(hash), new Entry(hash, grant));
    return new SecretLease(this, new EphemeralSecret(plaintext), grant);
  }

  SecretGrant verify(CharSequence secret) {
    if (secret == null || !SecretFormat.isWellFormed(secret)) {
      throw new CredentialException(ReasonCode.INVALID_SECRET, "secret refused: it is not a well-formed nhi-pam"
          + " secret (prefix " + SecretFormat.PREFIX + " and a valid checksum)");
    }
    byte[] hash = sha256(secret.toString());
    Entry e = entries.get(new HashKey(hash));
    if (e == null || !MessageDigest.isEqual(e.hash, hash) || revocations.isLeaseRevoked(e.grant.leaseId())) {
      throw new CredentialException(ReasonCode.INVALID_SECRET, "secret refused: it was never issued here, or its"
          + " lease was closed or revoked; lease a new secret");
    }
    if (!clock.instant().isBefore(e.grant.expiresAt())) {
      throw new CredentialExpiredException("secret refused: secret " + e.grant.name() + " ("
          + e.grant.fingerprint() + ") of " + e.grant.identity() + " expired at " + e.grant.expiresAt());
    }
    return e.grant;
  }

  void revoke(SecretGrant grant) {
    entries.values().removeIf(e -> e.grant.leaseId().equals(grant.leaseId()));
    auditor.record(auditor.event(AuditEventType.SECRET_LEASE_CLOSE, grant.identity(), null)
        .attribute("lease", grant.leaseId()).attribute("secret", grant.name())
        .attribute("fingerprint", grant.fingerprint()), "secret lease close");
  }

  private void purgeExpired() {
    Instant now = clock.instant();
    if (entries.size() > 256) {
      entries.values().removeIf(e -> !now.isBefore(e.grant.expiresAt()));
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private record Entry(byte[] hash, SecretGrant grant) {}

  private static final class HashKey {
    private final byte[] hash;
    private final int code;

    HashKey(byte[] hash) {
      this.hash = hash;
      this.code = java.util.Arrays.hashCode(hash);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof HashKey && MessageDigest.isEqual(((HashKey) o).hash, hash);
    }

    @Override
    public int hashCode() {
      return code;
    }
  }
}
