package io.nhipam.postgres;

import io.nhipam.audit.AuditChainEncoder;
import io.nhipam.audit.AuditEvent;
import io.nhipam.audit.AuditException;
import io.nhipam.audit.AuditSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AuditSink} that appends to one hash-chained log in the {@code audit_log} table, shared
 * by every JVM of a fleet, and updates the {@code leases}, {@code identities} and {@code
 * credentials} projections in the same transaction.
 *
 * <p><b>One chain, no forks.</b> Each append locks the single row of {@code audit_head} ({@code
 * SELECT ... FOR UPDATE}), takes the next seq and the previous line's hash from it, inserts the
 * line (encoded by core's {@link AuditChainEncoder}, byte for byte the file format), updates the
 * head and the projections, and commits. Concurrent writers in any number of JVMs queue on that
 * row lock, so seq values are contiguous and every {@code prev} is the hash of the line before.
 * {@link PostgresAuditTrail#verify} runs core's verifier over the table.
 *
 * <p><b>Checkpoints.</b> After every {@code checkpointEvery} events in the chain (whichever JVM
 * wrote them) the writer that reaches the count appends a signed checkpoint; {@link #checkpoint()}
 * writes one now; {@link #close()} writes a closing one. As with the file sink, a chain verifies
 * completely only when it ends with a closing checkpoint; while JVMs are still writing, the
 * verifier reports the live tail as {@code TRUNCATED_AFTER_LAST_CHECKPOINT}.
 *
 * <p><b>Fail closed.</b> A failed append rolls back its whole transaction (chain row, head and
 * projections) and throws {@link AuditException}, so the operation that needed the record fails;
 * the chain has no gap and later writes may succeed. {@link #write} returns after the commit, so
 * {@link #flush()} has nothing left to push. Thread-safe.
 */
public final class PostgresAuditSink implements AuditSink {
  private final DataSource dataSource;
  private final PostgresSchema schema;
  private final AuditChainEncoder encoder;
  private final Projections projections;
  private final Clock clock;
  private final String writer;
  private final int checkpointEvery;
  private final String selectHead;
  private final String updateHead;
  private final String insertLine;
  private volatile boolean closed;

  private PostgresAuditSink(Builder b) {
    this.dataSource = b.dataSource;
    this.schema = b.schema;
    this.encoder = Objects.requireNonNull(b.encoder);
    this.projections = new Projections(schema);
    this.clock = b.clock;
    this.writer = b.writer;
    this.checkpointEvery = b.checkpointEvery;
    this.selectHead = "SELECT seq, hash, events_since_checkpoint FROM " + schema.table("audit_head")
        + " WHERE id = 1 FOR UPDATE";
    this.updateHead = "UPDATE " + schema.table("audit_head")
        + " SET seq = ?, hash = ?, events_since_checkpoint = ? WHERE id = 1";
    this.insertLine = "INSERT INTO " + schema.table("audit_log")
        + " (seq, line, hash, type, event_time, identity_id, credential_id, writer)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  }

  /**
   * Starts configuring a sink over {@code dataSource}; records are MACed and checkpoints signed by
   * {@code encoder} (every JVM of the fleet must use the same MAC key, and signers whose public
   * keys the verifier is given).
   */
  public static Builder builder(DataSource dataSource, AuditChainEncoder encoder) {
    return new Builder(dataSource, encoder);
  }

  @Override
  public void write(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    append(event, false);
  }

  /** Appends a (non-closing) signed checkpoint now, sealing every record written so far. */
  public void checkpoint() {
    append(null, false);
  }

  /** Nothing to push: every {@link #write} commits before it returns. Throws if closed. */
  @Override
  public void flush() {
    requireOpen();
  }

  /** Appends a closing checkpoint; later writes throw {@link AuditException} (CLOSED). Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    append(null, true);
    closed = true;
  }

  private void requireOpen() {
    if (closed) {
      throw new AuditException(AuditException.Reason.CLOSED,
          "this PostgreSQL audit sink is closed; build a new one to keep recording");
    }
  }

  /** Appends {@code event} (or, when null, a checkpoint) in one transaction. */
  private void append(@Nullable AuditEvent event, boolean closing) {
    requireOpen();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Head head = lockHead(c);
        if (event != null) {
          AuditChainEncoder.Record r = encoder.event(head.seq + 1, head.hash, event);
          insert(c, r, event.type().name(), event.time(), event.identity().orElse(null),
              event.credentialId().orElse(null));
          head = new Head(r.seq(), r.hash(), head.sinceCheckpoint + 1);
          projections.apply(c, event, writer);
        }
        if (event == null || head.sinceCheckpoint >= checkpointEvery) {
          Instant now = clock.instant();
          AuditChainEncoder.Record cp = encoder.checkpoint(head.seq + 1, head.hash, now, head.sinceCheckpoint,
              closing);
          insert(c, cp, "CHECKPOINT", now, null, null);
          head = new Head(cp.seq(), cp.hash(), 0);
        }
        Projections.update(c, updateHead, head.seq, head.hash, head.sinceCheckpoint);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    } catch (SQLException | RuntimeException e) {
      if (e instanceof AuditException) {
        throw (AuditException) e;
      }
      String what = event == null ? (closing ? "closing checkpoint" : "checkpoint") : event.type() + " event";
      throw new AuditException(AuditException.Reason.WRITE_FAILED, "could not append the " + what
          + " to the audit chain in PostgreSQL schema '" + schema.name() + "' (" + e.getMessage()
          + "); the transaction was rolled back, so the chain has no gap. The operation that needed this"
          + " record must fail; check the database (and that the schema was migrated), then retry.", e);
    }
  }

  private record Head(long seq, String hash, long sinceCheckpoint) {}

  private Head lockHead(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(selectHead); ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("the audit_head row is missing; the schema was not migrated completely");
      }
      return new Head(rs.getLong(1), rs.getString(2), rs.getLong(3));
    }
  }

  private void insert(Connection c, AuditChainEncoder.Record r, String type, Instant time,
      @Nullable String identity, @Nullable String credential) throws SQLException {
    Projections.update(c, insertLine, r.seq(), r.line(), r.hash(), type, time, identity, credential, writer);
  }

  @Override
  public String toString() {
    return "PostgresAuditSink{schema=" + schema.name() + ", writer=" + writer + ", checkpointEvery="
        + checkpointEvery + ", encoder=" + encoder + "}";
  }

  /** Configures a {@link PostgresAuditSink}; each option may be set once. */
  public static final class Builder {
    private final DataSource dataSource;
    private final AuditChainEncoder encoder;
    private PostgresSchema schema = PostgresSchema.defaultSchema();
    private boolean schemaSet;
    private Clock clock = Clock.systemUTC();
    private boolean clockSet;
    private String writer = JvmIds.defaultId();
    private boolean writerSet;
    private int checkpointEvery = 1000;
    private boolean checkpointSet;

    private Builder(DataSource dataSource, AuditChainEncoder encoder) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      this.encoder = Objects.requireNonNull(encoder, "encoder");
    }

    private static void requireUnset(boolean set, String what) {
      if (set) {
        throw new IllegalStateException(what + " was already set");
      }
    }

    public Builder schema(PostgresSchema schema) {
      requireUnset(schemaSet, "schema");
      this.schema = Objects.requireNonNull(schema, "schema");
      schemaSet = true;
      return this;
    }

    /** The clock for checkpoint times (default system UTC). */
    public Builder clock(Clock clock) {
      requireUnset(clockSet, "clock");
      this.clock = Objects.requireNonNull(clock, "clock");
      clockSet = true;
      return this;
    }

    /** This JVM's name in the {@code writer} and {@code owner_jvm} columns (default host/pid/random). */
    public Builder writerId(String writerId) {
      requireUnset(writerSet, "writerId");
      this.writer = JvmIds.check(Objects.requireNonNull(writerId, "writerId"));
      writerSet = true;
      return this;
    }

    /** A signed checkpoint after every {@code n} events of the shared chain (default 1000). */
    public Builder checkpointEvery(int n) {
      requireUnset(checkpointSet, "checkpointEvery");
      if (n < 1) {
        throw new IllegalArgumentException("checkpointEvery must be at least 1, got " + n);
      }
      this.checkpointEvery = n;
      checkpointSet = true;
      return this;
    }

    public PostgresAuditSink build() {
      return new PostgresAuditSink(this);
    }
  }
}
