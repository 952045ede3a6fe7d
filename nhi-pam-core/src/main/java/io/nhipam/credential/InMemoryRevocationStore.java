package io.nhipam.credential;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Revocations in this JVM's memory.
 *
 * <p>Entries for ids in nhi-pam's own format ({@code cr_}/{@code ls_} + 22 base64url characters)
 * are held as two longs plus the expiry, about 90 bytes an entry, so a million revoked, unexpired
 * credentials cost under 100 MB of heap. Entries past expiry plus retention are purged as the
 * store grows, so the store never holds more than the credentials that could still verify.
 */
final class InMemoryRevocationStore implements RevocationStore {
  private final Clock clock;
  private final long retentionSeconds;
  // each entry maps a key to itself, so a repeated revocation can extend the stored key's expiry
  // in place (keys are equal whatever their expiry, so a map would keep the old key object)
  private final Map<Key, Key> credentials = new ConcurrentHashMap<>();
  private final Map<Key, Key> leases = new ConcurrentHashMap<>();
  private final Map<String, Long> epochs = new ConcurrentHashMap<>();
  private final AtomicLong nextPurgeAt = new AtomicLong(4096);
  /** Bumped after every revocation of any kind has taken effect; see {@link #version()}. */
  private final AtomicLong version = new AtomicLong();

  InMemoryRevocationStore(Clock clock, Duration retention) {
    this.clock = clock;
    this.retentionSeconds = retention.toSeconds();
  }

  @Override
  public void revokeCredential(String credentialId, Instant expiresAt) {
    add(credentials, credentialId, expiresAt);
  }

  @Override
  public boolean isCredentialRevoked(String credentialId) {
    return credentials.containsKey(Key.of(credentialId, 0));
  }

  /** As {@link #isCredentialRevoked(String)}, with the key decoded once per credential, not per check. */
  boolean isCredentialRevoked(Credential c) {
    Object key = c.revocationKey;
    if (key == null) {
      key = Key.of(c.id(), 0);
      c.revocationKey = key;
    }
    return credentials.containsKey(key);
  }

  /**
   * The number of revocations that have taken effect so far. A check that read version {@code v}
   * before consulting the maps, and found its credential unrevoked, stays right for as long as the
   * version is still {@code v}: every revocation is in the maps before the version moves on.
   */
  long version() {
    return version.get();
  }

  @Override
  public long revokeIdentity(String identityId) {
    long epoch = epochs.merge(identityId, 1L, Long::sum);
    version.incrementAndGet();
    return epoch;
  }

  @Override
  public long identityEpoch(String identityId) {
    Long epoch = epochs.get(identityId);
    return epoch == null ? 0 : epoch;
  }

  @Override
  public void revokeLease(String leaseId, Instant expiresAt) {
    add(leases, leaseId, expiresAt);
  }

  @Override
  public boolean isLeaseRevoked(String leaseId) {
    return leases.containsKey(Key.of(leaseId, 0));
  }

  @Override
  public int size() {
    return credentials.size() + leases.size();
  }

  private void add(Map<Key, Key> map, String id, Instant expiresAt) {
    long forgetAt = expiresAt.getEpochSecond() + retentionSeconds;
    Key key = Key.of(id, forgetAt);
    Key existing = map.putIfAbsent(key, key);
    if (existing != null) {
      existing.extendTo(forgetAt); // in place: the id never looks unrevoked, not even for a moment
    }
    version.incrementAndGet();
    long limit = nextPurgeAt.get();
    if (size() > limit && nextPurgeAt.compareAndSet(limit, Long.MAX_VALUE)) {
      purgeExpired();
      nextPurgeAt.set(Math.max(4096, 2L * size()));
    }
  }

  /** Forgets every entry whose credential could no longer verify. */
  void purgeExpired() {
    long now = clock.instant().getEpochSecond();
    credentials.keySet().removeIf(k -> k.forgetAt() < now);
    leases.keySet().removeIf(k -> k.forgetAt() < now);
  }

  /** A compact key: our ids as two longs; anything else as its string. Equality ignores expiry. */
  private static final class Key {
    final long hi;
    final long lo;
    final String other;
    private volatile long forgetAt;

    private Key(long hi, long lo, String other, long forgetAt) {
      this.hi = hi;
      this.lo = lo;
      this.other = other;
      this.forgetAt = forgetAt;
    }

    long forgetAt() {
      return forgetAt;
    }

    /** Keeps the entry at least until {@code until} (a repeated revocation with a later expiry). */
    synchronized void extendTo(long until) {
      if (until > forgetAt) {
        forgetAt = until;
      }
    }

    static Key of(String id, long forgetAt) {
      if (id.length() == 25 && id.charAt(2) == '_') {
        String prefix = id.startsWith("cr") ? "cr" : id.startsWith("ls") ? "ls" : null;
        if (prefix != null) {
          // 22 base64url characters = 21 full sextets + 2 bits of the last one = 128 bits; the
          // last character's low 4 bits must be zero (canonical encoding), else it is not our id.
          long hi = 0;
          long lo = 0;
          for (int i = 3; i < 25; i++) {
            int v = sextet(id.charAt(i));
            if (v < 0 || (i == 24 && (v & 0xF) != 0)) {
              return new Key(0, 0, id, forgetAt);
            }
            int bits = i == 24 ? 2 : 6;
            hi = (hi << bits) | (lo >>> (64 - bits));
            lo = (lo << bits) | (i == 24 ? v >>> 4 : v);
          }
          return new Key(hi, lo, prefix, forgetAt);
        }
      }
      return new Key(0, 0, id, forgetAt);
    }

    private static int sextet(char c) {
      if (c >= 'A' && c <= 'Z') {
        return c - 'A';
      }
      if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
      }
      if (c >= '0' && c <= '9') {
        return c - '0' + 52;
      }
      if (c == '-') {
        return 62;
      }
      return c == '_' ? 63 : -1;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Key)) {
        return false;
      }
      Key k = (Key) o;
      return k.hi == hi && k.lo == lo && k.other.equals(other);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(hi * 31 + lo) ^ other.hashCode();
    }
  }
}
