package io.nhipam.postgres;

import io.nhipam.identity.Identity;
import io.nhipam.policy.IdentityPolicy;
import io.nhipam.policy.Policy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The fleet-wide identity inventory: who exists, who owns each, how many live credentials each
 * holds across all JVMs, and when each was last minted for, used and revoked.
 *
 * <p>Owners and kinds come from {@link #register} (call it with the policy's identities at
 * start-up); the rest is projected from audit events by {@link PostgresAuditSink}.
 */
public final class PostgresInventory {
  private final DataSource dataSource;
  private final PostgresSchema schema;
  private final Clock clock;

  private PostgresInventory(DataSource dataSource, PostgresSchema schema, Clock clock) {
    this.dataSource = dataSource;
    this.schema = schema;
    this.clock = clock;
  }

  /** The inventory in {@code schema}; {@code clock} decides which credentials are still live. */
  public static PostgresInventory create(DataSource dataSource, PostgresSchema schema, Clock clock) {
    return new PostgresInventory(Objects.requireNonNull(dataSource, "dataSource"),
        Objects.requireNonNull(schema, "schema"), Objects.requireNonNull(clock, "clock"));
  }

  /** Adds or updates identities (kind and owner), e.g. {@code policy.identityList()}, in one transaction. */
  public void register(Collection<Identity> identities) {
    Objects.requireNonNull(identities, "identities");
    String sql = "INSERT INTO " + schema.table("identities") + " (identity_id, kind, owner, first_seen_at)"
        + " VALUES (?, ?, ?, ?) ON CONFLICT (identity_id) DO UPDATE SET kind = EXCLUDED.kind,"
        + " owner = EXCLUDED.owner";
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (Identity i : identities) {
          ps.setString(1, i.id());
          ps.setString(2, i.kind().name());
          ps.setString(3, i.owner());
          ps.setObject(4, RevocationSql.utc(clock.instant()));
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new PostgresException("could not register identities in schema '" + schema.name() + "': "
          + e.getMessage() + "; nothing was registered", e);
    }
  }

  /** Registers every identity of {@code policy} (kind and owner). */
  public void register(Policy policy) {
    Objects.requireNonNull(policy, "policy");
    register(policy.identities().stream().map(IdentityPolicy::identity).toList());
  }

  /** Every identity, sorted by id. */
  public List<InventoryEntry> list() {
    return query(null);
  }

  /** One identity, if known. */
  public Optional<InventoryEntry> find(String identityId) {
    List<InventoryEntry> found = query(Objects.requireNonNull(identityId, "identityId"));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private List<InventoryEntry> query(@org.jspecify.annotations.Nullable String identityId) {
    String sql = "SELECT i.identity_id, i.kind, i.owner, (SELECT count(*) FROM " + schema.table("credentials")
        + " c WHERE c.identity_id = i.identity_id AND c.revoked_at IS NULL AND c.expires_at > ?),"
        + " i.last_minted_at, i.last_used_at, i.last_revoked_at FROM " + schema.table("identities") + " i"
        + (identityId == null ? "" : " WHERE i.identity_id = ?") + " ORDER BY i.identity_id";
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setObject(1, RevocationSql.utc(now));
        if (identityId != null) {
          ps.setString(2, identityId);
        }
        try (ResultSet rs = ps.executeQuery()) {
          List<InventoryEntry> out = new ArrayList<>();
          while (rs.next()) {
            out.add(new InventoryEntry(rs.getString(1), Optional.ofNullable(rs.getString(2)),
                Optional.ofNullable(rs.getString(3)), rs.getLong(4), PostgresLeases.instant(rs, 5),
                PostgresLeases.instant(rs, 6), PostgresLeases.instant(rs, 7)));
          }
          return out;
        }
      }
    } catch (SQLException e) {
      throw new PostgresException("could not read the identity inventory of schema '" + schema.name() + "': "
          + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "PostgresInventory{schema=" + schema.name() + "}";
  }
}
