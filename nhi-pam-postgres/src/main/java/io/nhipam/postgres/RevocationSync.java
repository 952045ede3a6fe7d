package io.nhipam.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link RevocationCopy} in step with the database, with two background threads:
 *
 * <ul>
 *   <li>the <b>listener</b> holds one connection with {@code LISTEN <channel>}, applies each
 *       pushed revocation as it arrives (blocking in {@code getNotifications(timeout)}), and
 *       sends a {@code SELECT 1} heartbeat every heartbeat interval, under a network timeout, so a
 *       silent dead connection is noticed; it reconnects (and catches up) after any failure;
 *   <li>the <b>catch-up</b> reads rows whose {@code seq} is above the highest it has read, every
 *       catch-up interval, repairing any missed push; it also purges expired entries.
 * </ul>
 *
 * A successful heartbeat or catch-up read proves that everything committed before it started is
 * in the copy; {@link #lastConfirmedMillis()} is the start time of the latest such proof, on the
 * injected clock.
 */
final class RevocationSync implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RevocationSync.class);
  private static final String UNDEFINED_TABLE = "42P01";

  private final DataSource dataSource;
  private final RevocationSql sql;
  private final RevocationCopy copy;
  private final Clock clock;
  private final Duration catchUpInterval;
  private final Duration heartbeatInterval;
  private final Duration retention;
  private final int networkTimeoutMillis;
  private final AtomicLong confirmedAt = new AtomicLong(Long.MIN_VALUE / 2);
  private final ExecutorService networkTimeouts = Executors.newCachedThreadPool(daemon("nhipam-pg-timeout"));
  private final Thread listener;
  private final Thread catchUp;
  private final Object catchUpLock = new Object();
  private volatile boolean closed;
  private volatile @Nullable String lastFailure;
  private long highestSeq;
  private long lastPurgeMillis = Long.MIN_VALUE / 2;
  private @Nullable Connection listenConnection;

  RevocationSync(DataSource dataSource, RevocationSql sql, RevocationCopy copy, Clock clock,
      Duration catchUpInterval, Duration heartbeatInterval, Duration retention, Duration networkTimeout) {
    this.dataSource = dataSource;
    this.sql = sql;
    this.copy = copy;
    this.clock = clock;
    this.catchUpInterval = catchUpInterval;
    this.heartbeatInterval = heartbeatInterval;
    this.retention = retention;
    this.networkTimeoutMillis = (int) networkTimeout.toMillis();
    this.listener = daemon("nhipam-revocation-listener").newThread(this::listenLoop);
    this.catchUp = daemon("nhipam-revocation-catchup").newThread(this::catchUpLoop);
  }

  /**
   * Loads the current list once, then starts both threads. An unreachable database is logged, not
   * thrown (the store starts stale and fails closed until it connects); a reachable database
   * without the tables is a configuration error and throws.
   */
  void start() {
    try {
      catchUpOnce();
    } catch (SQLException e) {
      if (UNDEFINED_TABLE.equals(e.getSQLState())) {
        networkTimeouts.shutdownNow();
        throw new PostgresException("the revocation tables of schema '" + sql.schema().name() + "' do not"
            + " exist: call PostgresSchema.migrate(dataSource) at start-up, or have a DBA apply the"
            + " scripts (see the nhi-pam-postgres README)", e);
      }
      recordFailure("initial load", e);
    } catch (RuntimeException e) {
      recordFailure("initial load", e);
    }
    listener.start();
    catchUp.start();
  }

  long lastConfirmedMillis() {
    return confirmedAt.get();
  }

  @Nullable String lastFailure() {
    return lastFailure;
  }

  private void confirm(long startedAt) {
    confirmedAt.accumulateAndGet(startedAt, Math::max);
  }

  // ------------------------------------------------------------------ catch-up

  private void catchUpLoop() {
    while (!closed) {
      try {
        catchUpOnce();
      } catch (SQLException | RuntimeException e) {
        recordFailure("catch-up read", e);
      }
      sleep(catchUpInterval.toMillis());
    }
  }

  /** Reads every change since the last one seen, confirming freshness as of the start. */
  void catchUpOnce() throws SQLException {
    long startedAt = clock.millis();
    try (Connection c = dataSource.getConnection()) {
      c.setNetworkTimeout(networkTimeouts, networkTimeoutMillis);
      catchUpOn(c, startedAt);
      if (startedAt - lastPurgeMillis >= Math.max(60_000, catchUpInterval.toMillis())) {
        lastPurgeMillis = startedAt;
        java.time.Instant cutoff = clock.instant().minus(retention);
        int purged = sql.purge(c, cutoff);
        copy.purgeBefore(cutoff);
        if (purged > 0) {
          LOG.debug("purged {} expired revocation rows", purged);
        }
      }
    }
  }

  private void catchUpOn(Connection c, long startedAt) throws SQLException {
    synchronized (catchUpLock) {
      highestSeq = sql.readSince(c, highestSeq, clock.instant().minus(retention), copy);
    }
    confirm(startedAt);
    lastFailure = null;
  }

  // ------------------------------------------------------------------ listener

  private void listenLoop() {
    long lastPing = Long.MIN_VALUE / 2;
    while (!closed) {
      try {
        if (listenConnection == null) {
          listenConnection = openListener();
          lastPing = clock.millis();
        }
        Connection c = listenConnection;
        PGConnection pg = c.unwrap(PGConnection.class);
        apply(pg.getNotifications((int) Math.max(1, heartbeatInterval.toMillis())));
        if (clock.millis() - lastPing >= heartbeatInterval.toMillis()) {
          long startedAt = clock.millis();
          try (Statement st = c.createStatement()) {
            st.execute("SELECT 1");
          }
          apply(pg.getNotifications());
          lastPing = startedAt;
          confirm(startedAt);
          lastFailure = null;
        }
      } catch (SQLException | RuntimeException e) {
        if (closed) {
          break;
        }
        recordFailure("listener", e);
        closeListener(true);
        sleep(Math.min(heartbeatInterval.toMillis(), 500));
      }
    }
    closeListener(false);
  }

  private Connection openListener() throws SQLException {
    Connection c = dataSource.getConnection();
    try {
      c.setAutoCommit(true);
      c.setNetworkTimeout(networkTimeouts, networkTimeoutMillis);
      try (Statement st = c.createStatement()) {
        st.execute("LISTEN " + sql.channel());
      }
      // Anything committed while we were not listening is read now.
      catchUpOn(c, clock.millis());
      return c;
    } catch (SQLException | RuntimeException e) {
      try {
        c.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private void apply(PGNotification @Nullable [] notifications) {
    if (notifications == null) {
      return;
    }
    for (PGNotification n : notifications) {
      if (!n.getName().equals(sql.channel())) {
        continue;
      }
      try {
        RevocationSql.Row r = RevocationSql.Row.parsePayload(n.getParameter(), sql.schema().name());
        if (r != null) {
          copy.apply(r.kind(), r.target(), r.epoch(), r.expiresAtSecond());
        }
      } catch (IllegalArgumentException e) {
        LOG.warn("ignored a malformed notification on channel {} (the catch-up read repairs it): {}",
            sql.channel(), e.getMessage());
      }
    }
  }

  /** Releases the listen connection; a broken one is closed without UNLISTEN (the pool discards it). */
  private void closeListener(boolean broken) {
    Connection c = listenConnection;
    listenConnection = null;
    if (c == null) {
      return;
    }
    try {
      if (!broken && !c.isClosed()) {
        try (Statement st = c.createStatement()) {
          st.execute("UNLISTEN *");
        }
      }
    } catch (SQLException | RuntimeException ignored) {
      // A broken connection: the pool discards it on close.
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // Nothing more to release.
    }
  }

  // ------------------------------------------------------------------ lifecycle

  private void recordFailure(String what, Exception e) {
    String message = what + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    if (!message.equals(lastFailure)) {
      LOG.warn("nhi-pam revocation sync: {}", message);
    }
    lastFailure = message;
  }

  private void sleep(long millis) {
    if (closed) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    catchUp.interrupt();
    listener.interrupt();
    try {
      listener.join(Math.max(2000, 2L * heartbeatInterval.toMillis()));
      catchUp.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    networkTimeouts.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
