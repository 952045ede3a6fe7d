package io.nhipam.postgres;

import io.nhipam.audit.AuditVerifier;
import io.nhipam.audit.VerificationResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/** Reads the audit chain of a schema back, and verifies it with core's {@link AuditVerifier}. */
public final class PostgresAuditTrail {
  private PostgresAuditTrail() {}

  /** Every line of the chain in seq order, in one repeatable-read snapshot (held in memory). */
  public static List<String> lines(DataSource dataSource, PostgresSchema schema) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(schema, "schema");
    List<String> lines = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT line FROM " + schema.table("audit_log") + " ORDER BY seq")) {
        ps.setFetchSize(1000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            lines.add(rs.getString(1));
          }
        }
      }
      c.commit();
    } catch (SQLException e) {
      throw new PostgresException("could not read the audit chain of schema '" + schema.name() + "': "
          + e.getMessage(), e);
    }
    return lines;
  }

  /**
   * Verifies the chain as {@link AuditVerifier#verifyLines} does a file: the first altered,
   * removed, reordered or cut-off record is named. A chain that writers are still extending ends
   * in TRUNCATED_AFTER_LAST_CHECKPOINT until a sink is closed.
   *
   * @param macKey the fleet's audit MAC key, or null to skip MAC checks
   * @param publicKeysByKid the checkpoint signers' 32-byte Ed25519 public keys by key id
   */
  public static VerificationResult verify(DataSource dataSource, PostgresSchema schema, byte @org.jspecify.annotations.Nullable [] macKey,
      Map<String, byte[]> publicKeysByKid) {
    return AuditVerifier.verifyLines(lines(dataSource, schema), macKey, publicKeysByKid);
  }
}
