package io.nhipam.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RevocationConcurrencyTest {

  @Test
  void inMemoryStore_forgetsEntriesPastExpiry() {
    Fixtures.MutableClock clock = new Fixtures.MutableClock(Fixtures.T0);
    InMemoryRevocationStore store = new InMemoryRevocationStore(clock, Duration.ofMinutes(1));
    store.revokeCredential("cr_AAAAAAAAAAAAAAAAAAAAAA", Fixtures.T0.plus(Duration.ofMinutes(5)));
    store.revokeCredential("cr_BAAAAAAAAAAAAAAAAAAAAA", Fixtures.T0.plus(Duration.ofMinutes(60)));
    store.revokeLease("ls_AAAAAAAAAAAAAAAAAAAAAA", Fixtures.T0.plus(Duration.ofMinutes(5)));
    store.revokeCredential("not-our-format", Fixtures.T0.plus(Duration.ofMinutes(5)));
    assertThat(store.size()).isEqualTo(4);
    assertThat(store.isCredentialRevoked("cr_AAAAAAAAAAAAAAAAAAAAAA")).isTrue();
    assertThat(store.isCredentialRevoked("cr_AAAAAAAAAAAAAAAAAAAAAQ")).isFalse();
    assertThat(store.isLeaseRevoked("cr_AAAAAAAAAAAAAAAAAAAAAA")).isFalse();
    assertThat(store.isCredentialRevoked("not-our-format")).isTrue();

    clock.advance(Duration.ofMinutes(7));
    store.purgeExpired();

    assertThat(store.size()).isEqualTo(1);
    assertThat(store.isCredentialRevoked("cr_BAAAAAAAAAAAAAAAAAAAAA")).isTrue();
    assertThat(store.isCredentialRevoked("cr_AAAAAAAAAAAAAAAAAAAAAA")).isFalse();
  }

  @Test
  void inMemoryStore_identityEpochs_areAtomicUnderContention() throws Exception {
    InMemoryRevocationStore store = new InMemoryRevocationStore(new Fixtures.MutableClock(Fixtures.T0),
        Duration.ofMinutes(1));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 1000; i++) {
          store.revokeIdentity("bot");
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    assertThat(store.identityEpoch("bot")).isEqualTo(8000);
    assertThat(store.identityEpoch("other")).isZero();
  }
}
