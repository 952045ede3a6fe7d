package io.nhipam.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Migrations, builder validation, the catch-up read and the purge. */
class SchemaAndStoreTest {
  @Test
  void named_badIdentifiers_refusedWithTheRule() {
    for (String bad : new String[] {"", "Upper", "1abc", "a-b", "pg_catalog", "x".repeat(64), "a;drop"}) {
      assertThatThrownBy(() -> PostgresSchema.named(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("a-z, 0-9 and '_'");
    }
    assertThat(PostgresSchema.named("nhipam_fleet").name()).isEqualTo("nhipam_fleet");
  }

  @Test
  void statements_splitsAtLineEndSemicolonsAndDropsComments() {
    assertThat(PostgresSchema.statements("-- c\nCREATE TABLE t (a int);\nINSERT INTO t\n  VALUES (1);\n"))
        .containsExactly("CREATE TABLE t (a int);", "INSERT INTO t\n  VALUES (1);");
  }

  @Test
  void migrate_twice_isIdempotentAndRecordsTheVersion() throws Exception {
    try (PgFixture pg = PgFixture.create()) {
      DataSource ds = pg.pool("m", PgFixture.URL, 2);
      assertThat(pg.schema.migrate(ds)).isEqualTo(PostgresSchema.latestVersion());
      assertThat(pg.schema.currentVersion(ds)).isEqualTo(1);
      assertThat(PostgresSchema.named("nhipam_absent_schema").currentVersion(ds)).isZero();
    }
  }

  @Test
  void migrate_editedScriptOrNewerDatabase_refused() throws Exception {
    try (PgFixture pg = PgFixture.create()) {
      DataSource ds = pg.pool("m", PgFixture.URL, 2);
      try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
        st.executeUpdate("UPDATE " + pg.schema.table("schema_version") + " SET checksum = 'x' WHERE version = 1");
      }
      assertThatThrownBy(() -> pg.schema.migrate(ds)).isInstanceOf(PostgresException.class)
          .hasMessageContaining("differs from the shipped one");
      try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
        st.executeUpdate("INSERT INTO " + pg.schema.table("schema_version") + " VALUES (99, 'V99__future', 'y')");
      }
      assertThatThrownBy(() -> pg.schema.migrate(ds)).isInstanceOf(PostgresException.class)
          .hasMessageContaining("upgrade nhi-pam-postgres");
    }
  }

  @Test
  void builder_intervalsNotBelowBoundOrSetTwice_refused() {
    DataSource unused = new org.postgresql.ds.PGSimpleDataSource();
    assertThatThrownBy(() -> PostgresRevocationStore.builder(unused).stalenessBound(Duration.ofSeconds(1))
        .catchUpInterval(Duration.ofSeconds(1)).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must be shorter than the stalenessBound");
    assertThatThrownBy(() -> PostgresRevocationStore.builder(unused).channel("a").channel("b"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("channel was already set to a");
    assertThatThrownBy(() -> PostgresRevocationStore.builder(unused).channel("bad-name"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel name");
    assertThatThrownBy(() -> PostgresRevocationStore.builder(unused).heartbeatInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
  }

  @Test
  void payload_roundTripsAndRejectsForeignText() {
    RevocationSql.Row row = new RevocationSql.Row(RevocationKind.LEASE, "ls:with:colons", 0, 1_800_000_000L, 42);
    assertThat(RevocationSql.Row.parsePayload(row.payload("fleet"), "fleet")).isEqualTo(row);
    RevocationSql.Row identity = new RevocationSql.Row(RevocationKind.IDENTITY, "bot", 3, Long.MAX_VALUE, 7);
    assertThat(RevocationSql.Row.parsePayload(identity.payload("fleet"), "fleet")).isEqualTo(identity);
    assertThat(RevocationSql.Row.parsePayload(identity.payload("other_fleet"), "fleet")).isNull();
    assertThatThrownBy(() -> RevocationSql.Row.parsePayload("hello", "fleet"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RevocationSql.Row.parsePayload("fleet:x:1:0:5:id", "fleet"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void build_schemaNotMigrated_refusedWithWhatToDo() throws Exception {
    PgFixture.requireDatabase();
    org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
    ds.setUrl(PgFixture.URL);
    ds.setUser(PgFixture.USER);
    assertThatThrownBy(() -> PostgresRevocationStore.builder(ds).schema(PostgresSchema.named("nhipam_never_migrated"))
        .build()).isInstanceOf(PostgresException.class)
        .hasMessageContaining("do not exist: call PostgresSchema.migrate(dataSource)");
  }

  @Test
  void catchUp_rowWrittenWithoutNotify_isRepairedByTheCatchUpRead() throws Exception {
    try (PgFixture pg = PgFixture.create()) {
      DataSource ds = pg.pool("a", PgFixture.URL, 4);
      PostgresRevocationStore store = pg.store(ds, "jvm-a");
      try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
        st.executeUpdate("INSERT INTO " + pg.schema.table("revocations") + " (kind, target, expires_at, seq,"
            + " revoked_at, revoked_by) VALUES ('credential', 'cr_silent', now() + interval '5 minutes',"
            + " nextval('" + pg.schema.table("revocation_seq") + "'), now(), 'dba')");
      }
      assertThat(PgFixture.await(Duration.ofSeconds(5), () -> store.isCredentialRevoked("cr_silent"))).isTrue();
    }
  }

  @Test
  void start_expiredRowsPastRetention_purgedFromTableAndNeverLoaded() throws Exception {
    try (PgFixture pg = PgFixture.create()) {
      DataSource ds = pg.pool("a", PgFixture.URL, 4);
      PostgresRevocationStore writer = pg.store(ds, "jvm-w");
      writer.revokeCredential("cr_old", Instant.now().minus(Duration.ofHours(1)));
      writer.revokeCredential("cr_live", Instant.now().plus(Duration.ofHours(1)));
      writer.revokeIdentity("finance-bot");

      PostgresRevocationStore fresh = PostgresRevocationStore.builder(ds).schema(pg.schema).channel(pg.channel)
          .retention(Duration.ZERO).jvmId("jvm-fresh").build();
      try {
        assertThat(fresh.isCredentialRevoked("cr_old")).isFalse();
        assertThat(fresh.isCredentialRevoked("cr_live")).isTrue();
        assertThat(fresh.identityEpoch("finance-bot")).isEqualTo(1);
        assertThat(fresh.size()).isEqualTo(1);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT string_agg(target, ',' ORDER BY target) FROM "
                + pg.schema.table("revocations"))) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo("cr_live,finance-bot");
        }
      } finally {
        fresh.close();
      }
      assertThat(fresh.unavailableReason()).isEqualTo("the PostgreSQL revocation store is closed");
    }
  }
}
