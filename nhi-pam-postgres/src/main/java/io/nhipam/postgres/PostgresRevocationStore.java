package io.nhipam.postgres;

import io.nhipam.credential.RevocationStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RevocationStore} shared by every JVM that points at the same PostgreSQL schema.
 *
 * <pre>{@code
 * PostgresSchema schema = PostgresSchema.defaultSchema();
 * schema.migrate(dataSource);
 * PostgresRevocationStore store = PostgresRevocationStore.builder(dataSource).schema(schema).build();
 * NhiPam pam = NhiPam.builder()....revocationStore(store).build();
 * }</pre>
 *
 * <h2>Writes</h2>
 *
 * {@code revokeCredential} and {@code revokeLease} first apply the revocation to this JVM's copy
 * (so this JVM denies at once, whatever happens next), then insert or update the row and send
 * {@code NOTIFY} in one transaction, and return only after the commit. If the database cannot be
 * reached they throw {@link PostgresException}: the revocation then holds in this JVM only, and
 * the caller must retry. {@code revokeIdentity} raises the epoch in the database first (the new
 * epoch is the database's), then locally; if the write fails it throws and nothing changed.
 *
 * <h2>Reads</h2>
 *
 * Every lookup ({@code is*Revoked}, {@code identityEpoch}) is a lookup in this JVM's copy, never
 * I/O. The copy is kept current by a {@code LISTEN} connection (pushes) and a periodic catch-up
 * read by change number (repairs a missed push); see the module README for the exact guarantee.
 *
 * <h2>Staleness bound (fail closed)</h2>
 *
 * The store knows when the database last confirmed its copy (a heartbeat on the listen connection
 * or a catch-up read, each proving that every revocation committed before it started is applied).
 * When that is older than the staleness bound (default 5 s), {@link #unavailableReason()} is
 * non-null and every {@code Guard.check} and {@code verify} fails closed with {@code
 * REVOCATION_STATE_STALE} until the store catches up. The bound must exceed the heartbeat and
 * catch-up intervals, so a healthy store never trips it.
 *
 * <p>Thread-safe. {@link #close()} stops the background threads and releases the listen
 * connection; a closed store reports itself unavailable. It permanently holds one connection of
 * the data source for {@code LISTEN} and briefly borrows one more per catch-up and per revoke:
 * size a pool accordingly (at least 3).
 */
public final class PostgresRevocationStore implements RevocationStore, AutoCloseable {
  private final DataSource dataSource;
  private final RevocationSql sql;
  private final RevocationCopy copy = new RevocationCopy();
  private final RevocationSync sync;
  private final Clock clock;
  private final long boundMillis;
  private final String jvmId;
  private final Duration staleness;
  private volatile boolean closed;

  private PostgresRevocationStore(Builder b) {
    this.dataSource = b.dataSource;
    this.clock = b.clock;
    this.staleness = b.staleness;
    this.boundMillis = b.staleness.toMillis();
    this.jvmId = b.jvmId;
    this.sql = new RevocationSql(b.schema, b.channel);
    this.sync = new RevocationSync(dataSource, sql, copy, clock, b.catchUp, b.heartbeat, b.retention,
        b.networkTimeout);
  }

  /** Starts configuring a store over {@code dataSource} (a pool with at least 3 connections). */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  // ------------------------------------------------------------------ writes

  @Override
  public void revokeCredential(String credentialId, Instant expiresAt) {
    write(RevocationKind.CREDENTIAL, checkId(credentialId, "credentialId"),
        Objects.requireNonNull(expiresAt, "expiresAt"));
  }

  @Override
  public long revokeIdentity(String identityId) {
    checkId(identityId, "identityId");
    requireOpen();
    // Unlike a credential or lease entry, an epoch is not raised locally before the commit: a
    // local-only epoch would be stamped on credentials minted here afterwards, and a later
    // fleet-wide revocation of the same identity (reaching that epoch number) would miss them.
    RevocationSql.Row row = commit(RevocationKind.IDENTITY, identityId, null);
    copy.apply(RevocationKind.IDENTITY, identityId, row.epoch(), Long.MAX_VALUE);
    return copy.epoch(identityId);
  }

  @Override
  public void revokeLease(String leaseId, Instant expiresAt) {
    write(RevocationKind.LEASE, checkId(leaseId, "leaseId"), Objects.requireNonNull(expiresAt, "expiresAt"));
  }

  private void write(RevocationKind kind, String target, Instant expiresAt) {
    requireOpen();
    copy.apply(kind, target, 0, expiresAt.getEpochSecond());
    commit(kind, target, expiresAt);
  }

  private RevocationSql.Row commit(RevocationKind kind, String target, @Nullable Instant expiresAt) {
    try (Connection c = dataSource.getConnection()) {
      return sql.write(c, kind, target, expiresAt, clock.instant(), jvmId);
    } catch (SQLException | RuntimeException e) {
      String scope = kind == RevocationKind.IDENTITY
          ? "was not applied anywhere"
          : "holds in this JVM only";
      throw new PostgresException("the revocation of " + kind.sql + " " + target + " " + scope
          + ": it could not be committed to PostgreSQL (" + e.getMessage() + "). Other JVMs still"
          + " accept it; retry the revoke once the database is reachable.", e);
    }
  }

  private static String checkId(String id, String what) {
    Objects.requireNonNull(id, what);
    if (id.isBlank() || id.length() > 512) {
      throw new IllegalArgumentException(what + " must be 1 to 512 characters and not blank");
    }
    return id;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("this PostgresRevocationStore is closed; build a new one");
    }
  }

  // ------------------------------------------------------------------ reads (memory only)

  @Override
  public boolean isCredentialRevoked(String credentialId) {
    return copy.isCredentialRevoked(credentialId);
  }

  @Override
  public long identityEpoch(String identityId) {
    return copy.epoch(identityId);
  }

  @Override
  public boolean isLeaseRevoked(String leaseId) {
    return copy.isLeaseRevoked(leaseId);
  }

  /**
   * Null while the database confirmed this JVM's copy within the staleness bound; otherwise why
   * not (closed, never loaded, or how long ago it was last confirmed and the last error).
   */
  @Override
  public @Nullable String unavailableReason() {
    long age = clock.millis() - sync.lastConfirmedMillis();
    if (age <= boundMillis && !closed) {
      return null;
    }
    return describeStaleness(age);
  }

  private String describeStaleness(long age) {
    if (closed) {
      return "the PostgreSQL revocation store is closed";
    }
    String failure = sync.lastFailure();
    String when = age > Long.MAX_VALUE / 4
        ? "PostgreSQL has not yet confirmed the revocation list"
        : "PostgreSQL last confirmed the revocation list " + age + " ms ago, beyond the staleness bound of "
            + staleness.toMillis() + " ms";
    return when + (failure == null ? "" : " (last error: " + failure + ")")
        + "; restore the database connection, the store catches up by itself";
  }

  @Override
  public int size() {
    return copy.size();
  }

  /** This JVM's name in the {@code revoked_by} column. */
  public String jvmId() {
    return jvmId;
  }

  /** Stops the listener and catch-up threads. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    sync.close();
  }

  @Override
  public String toString() {
    return "PostgresRevocationStore{schema=" + sql.schema().name() + ", channel=" + sql.channel()
        + ", stalenessBound=" + staleness + ", jvm=" + jvmId + "}";
  }

  /** Configures a {@link PostgresRevocationStore}; each option may be set once. */
  public static final class Builder {
    private final DataSource dataSource;
    private @Nullable PostgresSchema schemaSet;
    private PostgresSchema schema = PostgresSchema.defaultSchema();
    private @Nullable String channelSet;
    private String channel = "nhipam_revocations";
    private @Nullable Duration catchUpSet;
    private Duration catchUp = Duration.ofSeconds(1);
    private @Nullable Duration heartbeatSet;
    private Duration heartbeat = Duration.ofMillis(500);
    private @Nullable Duration stalenessSet;
    private Duration staleness = Duration.ofSeconds(5);
    private @Nullable Duration retentionSet;
    private Duration retention = Duration.ofMinutes(5);
    private @Nullable Clock clockSet;
    private Clock clock = Clock.systemUTC();
    private @Nullable String jvmIdSet;
    private String jvmId = JvmIds.defaultId();
    private Duration networkTimeout = Duration.ZERO;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    private static void requireUnset(@Nullable Object current, String what) {
      if (current != null) {
        throw new IllegalStateException(String.format("%s was already set to %s", what, current));
      }
    }

    /** The schema holding the tables (default {@value PostgresSchema#DEFAULT_NAME}). */
    public Builder schema(PostgresSchema schema) {
      requireUnset(schemaSet, "schema");
      this.schema = this.schemaSet = Objects.requireNonNull(schema, "schema");
      return this;
    }

    /** The LISTEN/NOTIFY channel (default {@code nhipam_revocations}); every JVM of the fleet must use the same. */
    public Builder channel(String channel) {
      requireUnset(channelSet, "channel");
      this.channel = this.channelSet = PostgresSchema.checkIdentifier(channel, "channel name");
      return this;
    }

    /** How often the catch-up read runs (default 1 s). */
    public Builder catchUpInterval(Duration interval) {
      requireUnset(catchUpSet, "catchUpInterval");
      this.catchUp = this.catchUpSet = positive(interval, "catchUpInterval");
      return this;
    }

    /** How often the listen connection is pinged (default 500 ms). */
    public Builder heartbeatInterval(Duration interval) {
      requireUnset(heartbeatSet, "heartbeatInterval");
      this.heartbeat = this.heartbeatSet = positive(interval, "heartbeatInterval");
      return this;
    }

    /** How old the confirmed state may get before checks fail closed (default 5 s). */
    public Builder stalenessBound(Duration bound) {
      requireUnset(stalenessSet, "stalenessBound");
      this.staleness = this.stalenessSet = positive(bound, "stalenessBound");
      return this;
    }

    /**
     * How long an entry is kept after its credential or lease expired (default 5 minutes; keep it
     * at least the verifier's leeway).
     */
    public Builder retention(Duration retention) {
      requireUnset(retentionSet, "retention");
      this.retention = this.retentionSet = Objects.requireNonNull(retention, "retention");
      if (retention.isNegative()) {
        throw new IllegalArgumentException("retention must not be negative, was " + retention);
      }
      return this;
    }

    /** The clock for staleness and expiry (default system UTC). */
    public Builder clock(Clock clock) {
      requireUnset(clockSet, "clock");
      this.clock = this.clockSet = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** This JVM's name in the shared tables (default host/pid/random). */
    public Builder jvmId(String jvmId) {
      requireUnset(jvmIdSet, "jvmId");
      this.jvmId = this.jvmIdSet = JvmIds.check(Objects.requireNonNull(jvmId, "jvmId"));
      return this;
    }

    private static Duration positive(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, was " + d);
      }
      return d;
    }

    /**
     * Loads the current revocation list and starts the background threads. If the database is
     * unreachable (after the data source's own connection timeout) the store starts stale and
     * fails closed until it connects.
     *
     * @throws IllegalStateException if the heartbeat or catch-up interval is not shorter than the
     *     staleness bound
     * @throws PostgresException if the database is reachable but the schema was not migrated
     */
    public PostgresRevocationStore build() {
      if (heartbeat.compareTo(staleness) >= 0 || catchUp.compareTo(staleness) >= 0) {
        throw new IllegalStateException("heartbeatInterval (" + heartbeat + ") and catchUpInterval ("
            + catchUp + ") must be shorter than the stalenessBound (" + staleness + "), or a healthy"
            + " store would report itself stale");
      }
      // A round trip that takes longer than half the bound counts as a dead connection.
      networkTimeout = staleness.dividedBy(2);
      PostgresRevocationStore store = new PostgresRevocationStore(this);
      store.sync.start();
      return store;
    }
  }
}
