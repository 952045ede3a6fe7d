package io.nhipam.postgres;

import io.nhipam.audit.AuditEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the {@code leases}, {@code identities} and {@code credentials} tables as projections of
 * audit events, written in the transaction that appends the event's audit row, so the tables and
 * the chain can never disagree. Core already emits every fact they need:
 *
 * <ul>
 *   <li>MINT / ATTENUATE: a credential (attribute {@code expires}; {@code lease} when under a
 *       lease: a MINT opens the lease or, on renewal, replaces its credential);
 *   <li>RENEW: a lease moved to a new credential ({@code lease}, {@code previous}, {@code expires});
 *   <li>REVOKE: {@code target=credential|identity|lease} (and {@code lease=<id>});
 *   <li>SECRET_LEASE_OPEN / SECRET_LEASE_CLOSE: a secret lease ({@code lease}, {@code secret},
 *       {@code fingerprint}, {@code expires});
 *   <li>ALLOW: the identity was used.
 * </ul>
 */
final class Projections {
  private final String leases;
  private final String identities;
  private final String credentials;

  Projections(PostgresSchema schema) {
    this.leases = schema.table("leases");
    this.identities = schema.table("identities");
    this.credentials = schema.table("credentials");
  }

  void apply(Connection c, AuditEvent e, String jvmId) throws SQLException {
    String identity = e.identity().orElse(null);
    String credential = e.credentialId().orElse(null);
    String lease = e.attributes().get("lease");
    Instant time = e.time();
    switch (e.type()) {
      case MINT, ATTENUATE -> {
        if (identity == null || credential == null) {
          return;
        }
        Instant expires = instant(e.attributes().get("expires"), time);
        touchIdentity(c, identity, time, "last_minted_at");
        update(c, "INSERT INTO " + credentials + " (credential_id, identity_id, lease_id, issued_at, expires_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (credential_id) DO NOTHING",
            credential, identity, lease, time, expires);
        if (lease != null && e.type() == io.nhipam.audit.AuditEventType.MINT) {
          update(c, "INSERT INTO " + leases + " AS l (lease_id, identity_id, kind, credential_id, opened_at,"
              + " expires_at, owner_jvm) VALUES (?, ?, 'credential', ?, ?, ?, ?) ON CONFLICT (lease_id) DO"
              + " UPDATE SET credential_id = EXCLUDED.credential_id,"
              + " expires_at = GREATEST(l.expires_at, EXCLUDED.expires_at)",
              lease, identity, credential, time, expires, jvmId);
        }
      }
      case RENEW -> {
        if (lease != null) {
          update(c, "UPDATE " + leases + " SET renewals = renewals + 1, last_renewed_at = ?,"
              + " credential_id = coalesce(?, credential_id), expires_at = GREATEST(expires_at, ?)"
              + " WHERE lease_id = ?",
              time, credential, instant(e.attributes().get("expires"), time), lease);
        }
      }
      case REVOKE -> revoke(c, e, identity, credential, lease, time, jvmId);
      case SECRET_LEASE_OPEN -> {
        if (identity == null || lease == null) {
          return;
        }
        touchIdentity(c, identity, time, null);
        update(c, "INSERT INTO " + leases + " (lease_id, identity_id, kind, secret_name, fingerprint, opened_at,"
            + " expires_at, owner_jvm) VALUES (?, ?, 'secret', ?, ?, ?, ?, ?) ON CONFLICT (lease_id) DO NOTHING",
            lease, identity, e.attributes().get("secret"), e.attributes().get("fingerprint"), time,
            instant(e.attributes().get("expires"), time), jvmId);
      }
      case SECRET_LEASE_CLOSE -> {
        if (lease != null) {
          closeLease(c, lease, time, jvmId);
        }
      }
      case ALLOW -> {
        if (identity != null) {
          touchIdentity(c, identity, time, "last_used_at");
        }
      }
      default -> {
        // DENY, VERIFY_FAILURE, MASK and POLICY_LOAD change no projection.
      }
    }
  }

  private void revoke(Connection c, AuditEvent e, @Nullable String identity, @Nullable String credential,
      @Nullable String lease, Instant time, String jvmId) throws SQLException {
    String target = e.attributes().getOrDefault("target", "");
    if (identity != null) {
      touchIdentity(c, identity, time, "last_revoked_at");
    }
    switch (target) {
      case "credential" -> {
        if (credential != null) {
          update(c, "UPDATE " + credentials + " SET revoked_at = coalesce(revoked_at, ?) WHERE credential_id = ?",
              time, credential);
        }
      }
      case "identity" -> {
        if (identity != null) {
          update(c, "UPDATE " + credentials + " SET revoked_at = ? WHERE identity_id = ? AND revoked_at IS NULL"
              + " AND issued_at <= ?", time, identity, time);
        }
      }
      case "lease" -> {
        if (lease != null) {
          closeLease(c, lease, time, jvmId);
          update(c, "UPDATE " + credentials + " SET revoked_at = ? WHERE lease_id = ? AND revoked_at IS NULL",
              time, lease);
        }
      }
      default -> {
        // An unknown target changes nothing; the audit row still records it.
      }
    }
  }

  private void closeLease(Connection c, String lease, Instant time, String jvmId) throws SQLException {
    update(c, "UPDATE " + leases + " SET closed_at = ?, closed_by = ?, close_reason = 'closed'"
        + " WHERE lease_id = ? AND closed_at IS NULL", time, jvmId, lease);
  }

  private void touchIdentity(Connection c, String identity, Instant time, @Nullable String column)
      throws SQLException {
    if (column == null) {
      update(c, "INSERT INTO " + identities + " (identity_id, first_seen_at) VALUES (?, ?)"
          + " ON CONFLICT (identity_id) DO NOTHING", identity, time);
      return;
    }
    update(c, "INSERT INTO " + identities + " AS i (identity_id, first_seen_at, " + column + ") VALUES (?, ?, ?)"
        + " ON CONFLICT (identity_id) DO UPDATE SET " + column + " = GREATEST(i." + column + ", EXCLUDED."
        + column + ")", identity, time, time);
  }

  private static Instant instant(@Nullable String text, Instant fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }

  static int update(Connection c, String sql, @Nullable Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        Object a = args[i];
        ps.setObject(i + 1, a instanceof Instant ? RevocationSql.utc((Instant) a) : a);
      }
      return ps.executeUpdate();
    }
  }
}
