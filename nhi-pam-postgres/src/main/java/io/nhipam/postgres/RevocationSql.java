package io.nhipam.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The SQL of the shared revocation list: the committed write (with its NOTIFY), the catch-up read
 * and the purge. Also the NOTIFY payload format: {@code <schema>:<kind code>:<seq>:<epoch>:<expires
 * epoch second or ->:<target>} (target last, since ids may hold colons; the schema so that two
 * fleets sharing a database and a channel name never apply each other's revocations).
 */
final class RevocationSql {
  /** One revocation as read back or pushed. */
  record Row(RevocationKind kind, String target, long epoch, long expiresAtSecond, long seq) {
    String payload(String schema) {
      return schema + ":" + kind.code + ":" + seq + ":" + epoch + ":"
          + (expiresAtSecond == Long.MAX_VALUE ? "-" : Long.toString(expiresAtSecond)) + ":" + target;
    }

    /** The row in {@code payload}, or null if it belongs to another schema. */
    static @Nullable Row parsePayload(String payload, String schema) {
      String[] p = payload.split(":", 6);
      if (p.length != 6 || p[1].length() != 1) {
        throw new IllegalArgumentException("not an nhi-pam revocation notification");
      }
      if (!p[0].equals(schema)) {
        return null;
      }
      long expires = p[4].equals("-") ? Long.MAX_VALUE : Long.parseLong(p[4]);
      return new Row(RevocationKind.ofCode(p[1].charAt(0)), p[5], Long.parseLong(p[3]), expires,
          Long.parseLong(p[2]));
    }
  }

  static final int PAGE = 5000;

  private final PostgresSchema schema;
  private final String channel;
  private final long lockKey;
  private final String upsertExpiring;
  private final String upsertIdentity;
  private final String readSince;
  private final String purge;

  RevocationSql(PostgresSchema schema, String channel) {
    this.schema = schema;
    this.channel = channel;
    this.lockKey = 0x7265766f6bL ^ ((long) schema.name().hashCode() << 20);
    String t = schema.table("revocations");
    String seq = "nextval('" + schema.table("revocation_seq") + "')";
    this.upsertExpiring = "INSERT INTO " + t + " AS r (kind, target, epoch, expires_at, seq, revoked_at,"
        + " revoked_by) VALUES (?, ?, 0, ?, " + seq + ", ?, ?) ON CONFLICT (kind, target) DO UPDATE SET"
        + " expires_at = GREATEST(r.expires_at, EXCLUDED.expires_at), seq = EXCLUDED.seq,"
        + " revoked_at = EXCLUDED.revoked_at, revoked_by = EXCLUDED.revoked_by"
        + " RETURNING seq, epoch, expires_at";
    this.upsertIdentity = "INSERT INTO " + t + " AS r (kind, target, epoch, expires_at, seq, revoked_at,"
        + " revoked_by) VALUES ('identity', ?, 1, NULL, " + seq + ", ?, ?) ON CONFLICT (kind, target)"
        + " DO UPDATE SET epoch = r.epoch + 1, seq = EXCLUDED.seq, revoked_at = EXCLUDED.revoked_at,"
        + " revoked_by = EXCLUDED.revoked_by RETURNING seq, epoch, expires_at";
    this.readSince = "SELECT kind, target, epoch, expires_at, seq FROM " + t + " WHERE seq > ?"
        + " AND (expires_at IS NULL OR expires_at >= ?) ORDER BY seq LIMIT " + PAGE;
    this.purge = "DELETE FROM " + t + " WHERE expires_at < ?";
  }

  String channel() {
    return channel;
  }

  PostgresSchema schema() {
    return schema;
  }

  /**
   * Writes one revocation and its NOTIFY in one transaction and commits. Writers serialize on a
   * transaction-scoped advisory lock, so seq values commit in increasing order (the catch-up read
   * relies on that). Returns the row as committed.
   */
  Row write(Connection c, RevocationKind kind, String target, @Nullable Instant expiresAt, Instant now,
      String jvmId) throws SQLException {
    c.setAutoCommit(false);
    try {
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        lock.setLong(1, lockKey);
        lock.execute();
      }
      Row row;
      if (kind == RevocationKind.IDENTITY) {
        try (PreparedStatement ps = c.prepareStatement(upsertIdentity)) {
          ps.setString(1, target);
          ps.setObject(2, utc(now));
          ps.setString(3, jvmId);
          row = returned(ps, kind, target);
        }
      } else {
        try (PreparedStatement ps = c.prepareStatement(upsertExpiring)) {
          ps.setString(1, kind.sql);
          ps.setString(2, target);
          ps.setObject(3, utc(java.util.Objects.requireNonNull(expiresAt)));
          ps.setObject(4, utc(now));
          ps.setString(5, jvmId);
          row = returned(ps, kind, target);
        }
      }
      try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
        notify.setString(1, channel);
        notify.setString(2, row.payload(schema.name()));
        notify.execute();
      }
      c.commit();
      return row;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c, e);
      throw e;
    }
  }

  private static Row returned(PreparedStatement ps, RevocationKind kind, String target) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      OffsetDateTime exp = rs.getObject(3, OffsetDateTime.class);
      return new Row(kind, target, rs.getLong(2), exp == null ? Long.MAX_VALUE : exp.toEpochSecond(),
          rs.getLong(1));
    }
  }

  /** Applies every row with seq above {@code after} (and not expired before {@code cutoff}); returns the highest seq. */
  long readSince(Connection c, long after, Instant cutoff, RevocationCopy copy) throws SQLException {
    long high = after;
    c.setAutoCommit(true);
    while (true) {
      int n = 0;
      try (PreparedStatement ps = c.prepareStatement(readSince)) {
        ps.setLong(1, high);
        ps.setObject(2, utc(cutoff));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            OffsetDateTime exp = rs.getObject(4, OffsetDateTime.class);
            copy.apply(RevocationKind.ofSql(rs.getString(1)), rs.getString(2), rs.getLong(3),
                exp == null ? Long.MAX_VALUE : exp.toEpochSecond());
            high = Math.max(high, rs.getLong(5));
            n++;
          }
        }
      }
      if (n < PAGE) {
        return high;
      }
    }
  }

  /** Deletes credential and lease rows that expired before {@code cutoff}; returns how many. */
  int purge(Connection c, Instant cutoff) throws SQLException {
    c.setAutoCommit(true);
    try (PreparedStatement ps = c.prepareStatement(purge)) {
      ps.setObject(1, utc(cutoff));
      return ps.executeUpdate();
    }
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
