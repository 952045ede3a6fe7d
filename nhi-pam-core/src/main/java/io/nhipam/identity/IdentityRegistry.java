package io.nhipam.identity;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The inventory of non-human identities: who exists, who owns each, how many live credentials
 * each holds, and when each was last used.
 *
 * <p>Credentials are counted as live from mint until they expire or are revoked. "Last used" is
 * the time of the last allowed check, kept to the second. Thread-safe.
 */
public final class IdentityRegistry {
  private final Clock clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public IdentityRegistry(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Adds or replaces identities (e.g. from a policy); counts of existing ones are kept. */
  public void registerAll(Collection<Identity> identities) {
    for (Identity i : identities) {
      entries.compute(i.id(), (k, old) -> old == null ? new Entry(i) : old.withIdentity(i));
    }
  }

  /** Records that credential {@code credentialId} was issued to {@code identityId}. */
  public void recordIssued(String identityId, String credentialId, Instant expiresAt) {
    Entry e = entries.get(identityId);
    if (e != null) {
      e.live.put(credentialId, expiresAt);
      int limit = e.purgeAt.get();
      if (e.live.size() > limit && e.purgeAt.compareAndSet(limit, Integer.MAX_VALUE)) {
        // amortised: purge expired entries only when the map has doubled since the last purge
        Instant now = clock.instant();
        e.live.values().removeIf(exp -> !exp.isAfter(now));
        e.purgeAt.set(Math.max(1024, 2 * e.live.size()));
      }
    }
  }

  /** Records that a credential no longer counts as live (revoked). */
  public void recordRevoked(String identityId, String credentialId) {
    Entry e = entries.get(identityId);
    if (e != null) {
      e.live.remove(credentialId);
    }
  }

  /** Records that every credential of {@code identityId} was revoked. */
  public void recordIdentityRevoked(String identityId) {
    Entry e = entries.get(identityId);
    if (e != null) {
      e.live.clear();
    }
  }

  /** Records a use (an allowed check) now; cheap enough for the hot path. */
  public void recordUsed(String identityId) {
    recordUsed(identityId, clock.millis());
  }

  /**
   * Records a use at {@code nowMillis}, which the caller has just read from the clock this
   * registry was built with (the Guard reads it once per check for expiry, audit and this).
   */
  public void recordUsed(String identityId, long nowMillis) {
    Entry e = entries.get(identityId);
    if (e != null) {
      long now = nowMillis;
      long last = e.lastUsedMillis.get();
      if (now - last >= 1000) {
        e.lastUsedMillis.compareAndSet(last, now);
      }
    }
  }

  /** What the registry knows of one identity. */
  public Optional<IdentityInfo> info(String identityId) {
    Entry e = entries.get(identityId);
    return e == null ? Optional.empty() : Optional.of(e.snapshot(clock.instant()));
  }

  /** Every identity, sorted by id. */
  public List<IdentityInfo> list() {
    Instant now = clock.instant();
    return entries.values().stream()
        .map(e -> e.snapshot(now))
        .sorted(Comparator.comparing(i -> i.identity().id()))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * A snapshot of one identity's state.
   *
   * @param identity the identity
   * @param liveCredentials credentials issued, not yet expired and not revoked
   * @param lastUsed the last allowed check, if any
   */
  public record IdentityInfo(Identity identity, int liveCredentials, Optional<Instant> lastUsed) {
    /** The accountable owner. */
    public String owner() {
      return identity.owner();
    }
  }

  private static final class Entry {
    final Identity identity;
    final Map<String, Instant> live;
    final AtomicLong lastUsedMillis;
    final java.util.concurrent.atomic.AtomicInteger purgeAt = new java.util.concurrent.atomic.AtomicInteger(1024);

    Entry(Identity identity) {
      this(identity, new ConcurrentHashMap<>(), new AtomicLong(Long.MIN_VALUE / 2));
    }

    private Entry(Identity identity, Map<String, Instant> live, AtomicLong lastUsedMillis) {
      this.identity = identity;
      this.live = live;
      this.lastUsedMillis = lastUsedMillis;
    }

    Entry withIdentity(Identity i) {
      return new Entry(i, live, lastUsedMillis);
    }

    IdentityInfo snapshot(Instant now) {
      int count = (int) live.values().stream().filter(exp -> exp.isAfter(now)).count();
      long last = lastUsedMillis.get();
      Optional<Instant> lastUsed = last == Long.MIN_VALUE / 2 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last));
      return new IdentityInfo(identity, count, lastUsed);
    }
  }
}
