package io.nhipam.postgres;

import io.nhipam.credential.CredentialAuthority;
import io.nhipam.policy.IdentityPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The operator's view of leases across the fleet: list them, and kill one from any JVM.
 *
 * <p>The table is a projection of audit events written by {@link PostgresAuditSink} (so every JVM
 * must record through that sink for its leases to appear). A lease whose JVM died stays listed
 * with its {@code expiresAt} and {@code ownerJvm} until it expires; it needs no cleanup to stop
 * working, since its credential's token carries that expiry. {@link #listOpen()} leaves out
 * expired leases.
 */
public final class PostgresLeases {
  private final DataSource dataSource;
  private final PostgresSchema schema;
  private final CredentialAuthority authority;
  private final String select;

  private PostgresLeases(DataSource dataSource, PostgresSchema schema, CredentialAuthority authority) {
    this.dataSource = dataSource;
    this.schema = schema;
    this.authority = authority;
    this.select = "SELECT lease_id, identity_id, kind, secret_name, credential_id, opened_at, expires_at,"
        + " renewals, owner_jvm, closed_at, close_reason FROM " + schema.table("leases");
  }

  /**
   * Leases of {@code schema}; {@link #kill} revokes through {@code authority} (whose revocation
   * store should be a {@link PostgresRevocationStore} on the same schema, so every JVM denies).
   */
  public static PostgresLeases create(DataSource dataSource, PostgresSchema schema, CredentialAuthority authority) {
    return new PostgresLeases(Objects.requireNonNull(dataSource, "dataSource"),
        Objects.requireNonNull(schema, "schema"), Objects.requireNonNull(authority, "authority"));
  }

  /** Open leases (not closed, not killed, not expired on the authority's clock), oldest first. */
  public List<LeaseInfo> listOpen() {
    return query(select + " WHERE closed_at IS NULL AND expires_at > ? ORDER BY opened_at, lease_id",
        authority.clock().instant());
  }

  /** One lease, open or not, while its row is kept. */
  public Optional<LeaseInfo> find(String leaseId) {
    Objects.requireNonNull(leaseId, "leaseId");
    List<LeaseInfo> found = query(select + " WHERE lease_id = ?", leaseId);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /**
   * Kills an open lease from any JVM: revokes it through the authority (committed to the shared
   * revocation list and audited as a REVOKE of target lease), then marks the row {@code killed}.
   * Every JVM denies the lease's credentials within its staleness bound.
   *
   * <p>For a secret lease the revocation is recorded, but core's secret vault in the owning JVM
   * checks its own lease state, not the revocation store: the secret stops working at its TTL or
   * when its holder closes it.
   *
   * @return true if the lease was open and is now killed; false if it was already closed or expired
   * @throws IllegalArgumentException if no such lease is recorded
   * @throws PostgresException if the revocation could not be committed
   */
  public boolean kill(String leaseId) {
    LeaseInfo lease = find(leaseId).orElseThrow(() -> new IllegalArgumentException(
        "no lease " + leaseId + " is recorded in schema '" + schema.name() + "'; list them with listOpen()"));
    if (!lease.isOpenAt(authority.clock().instant())) {
      return false;
    }
    authority.revokeLease(leaseId, lease.identityId(), revokeUntil(lease));
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      Projections.update(c, "UPDATE " + schema.table("leases") + " SET close_reason = 'killed',"
          + " closed_at = coalesce(closed_at, ?) WHERE lease_id = ?", authority.clock().instant(), leaseId);
    } catch (SQLException e) {
      throw new PostgresException("lease " + leaseId + " was revoked, but could not be marked killed in the"
          + " lease table (" + e.getMessage() + "); it is denied everywhere regardless", e);
    }
    return true;
  }

  /**
   * How long the revocation must be kept: the lease's owner may have renewed it a moment before
   * the kill (beyond the expiry this table shows), but never past its opening plus the identity's
   * maximum TTL.
   */
  private Instant revokeUntil(LeaseInfo lease) {
    IdentityPolicy p = authority.policy().find(lease.identityId());
    Instant hard = p == null ? lease.expiresAt() : lease.openedAt().plus(p.maxTtl());
    return hard.isAfter(lease.expiresAt()) ? hard : lease.expiresAt();
  }

  private List<LeaseInfo> query(String sql, Object arg) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setObject(1, arg instanceof Instant ? RevocationSql.utc((Instant) arg) : arg);
        try (ResultSet rs = ps.executeQuery()) {
          List<LeaseInfo> out = new ArrayList<>();
          while (rs.next()) {
            out.add(new LeaseInfo(rs.getString(1), rs.getString(2), rs.getString(3),
                Optional.ofNullable(rs.getString(4)), Optional.ofNullable(rs.getString(5)),
                instant(rs, 6).orElseThrow(), instant(rs, 7).orElseThrow(), rs.getInt(8), rs.getString(9),
                instant(rs, 10), Optional.ofNullable(rs.getString(11))));
          }
          return out;
        }
      }
    } catch (SQLException e) {
      throw new PostgresException("could not read the lease table of schema '" + schema.name() + "': "
          + e.getMessage(), e);
    }
  }

  static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? Optional.empty() : Optional.of(t.toInstant());
  }

  @Override
  public String toString() {
    return "PostgresLeases{schema=" + schema.name() + "}";
  }
}
