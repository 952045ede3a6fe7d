package io.nhipam.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.nhipam.NhiPam;
import io.nhipam.credential.KeyRing;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** 10,000 revocations from 4 threads across 2 instances: every one visible everywhere, none lost or doubled. */
class BulkRevocationTest {
  static final int THREADS = 4;
  static final int PER_THREAD = 2_500;

  @Test
  void revoke_10000From4ThreadsOn2Instances_allVisibleEverywhereNoneLostOrDuplicated() throws Exception {
    try (PgFixture pg = PgFixture.create()) {
      DataSource poolA = pg.pool("a", PgFixture.URL, 6);
      PostgresRevocationStore storeA = pg.store(poolA, "jvm-a");
      PostgresRevocationStore storeB = pg.store(pg.pool("b", PgFixture.URL, 6), "jvm-b");
      KeyRing ring = KeyRing.generate();
      NhiPam a = pg.pam(ring, storeA);
      NhiPam b = pg.pam(PgFixture.copyOf(ring), storeB);
      Instant expires = Instant.now().plus(Duration.ofMinutes(10));

      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        NhiPam pam = t % 2 == 0 ? a : b;
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < PER_THREAD; i++) {
            pam.authority().revoke(id(thread, i), "finance-bot", expires);
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();

      int total = THREADS * PER_THREAD;
      assertThat(PgFixture.await(Duration.ofSeconds(10), () -> storeA.size() == total && storeB.size() == total))
          .as("A holds %s, B holds %s", storeA.size(), storeB.size()).isTrue();
      for (int t = 0; t < THREADS; t++) {
        for (int i = 0; i < PER_THREAD; i++) {
          assertThat(storeA.isCredentialRevoked(id(t, i)) && storeB.isCredentialRevoked(id(t, i)))
              .as(id(t, i)).isTrue();
        }
      }
      try (Connection c = poolA.getConnection(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT target), count(DISTINCT seq) FROM "
              + pg.schema.table("revocations") + " WHERE kind = 'credential'")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(total);
        assertThat(rs.getInt(2)).isEqualTo(total);
        assertThat(rs.getInt(3)).isEqualTo(total);
      }
    }
  }

  private static String id(int thread, int i) {
    return "cr_bulk_" + thread + "_" + i;
  }
}
