package io.nhipam.postgres;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This JVM's copy of the shared revocation list: plain concurrent maps, so every lookup on the
 * check path is a memory lookup. Applying an entry is idempotent and never moves backwards (a
 * later expiry or a higher epoch wins), so pushes, catch-up reads and this JVM's own writes may
 * arrive in any order and any number of times.
 */
final class RevocationCopy {
  private final Map<String, Long> credentials = new ConcurrentHashMap<>();
  private final Map<String, Long> leases = new ConcurrentHashMap<>();
  private final Map<String, Long> epochs = new ConcurrentHashMap<>();

  void apply(RevocationKind kind, String target, long epoch, long expiresAtSecond) {
    switch (kind) {
      case CREDENTIAL -> credentials.merge(target, expiresAtSecond, Math::max);
      case LEASE -> leases.merge(target, expiresAtSecond, Math::max);
      case IDENTITY -> epochs.merge(target, epoch, Math::max);
    }
  }

  boolean isCredentialRevoked(String id) {
    return credentials.containsKey(id);
  }

  boolean isLeaseRevoked(String id) {
    return leases.containsKey(id);
  }

  long epoch(String identity) {
    Long e = epochs.get(identity);
    return e == null ? 0 : e;
  }

  int size() {
    return credentials.size() + leases.size();
  }

  /** Forgets credential and lease entries that expired before {@code cutoff}; identity epochs stay. */
  int purgeBefore(Instant cutoff) {
    long limit = cutoff.getEpochSecond();
    int before = size();
    credentials.values().removeIf(exp -> exp < limit);
    leases.values().removeIf(exp -> exp < limit);
    return before - size();
  }
}
