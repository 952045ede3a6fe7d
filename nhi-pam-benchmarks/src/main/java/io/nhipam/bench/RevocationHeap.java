package io.nhipam.bench;

import io.nhipam.credential.RevocationStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Heap held by the in-memory revocation store for 1,000,000 revoked, unexpired credentials, in
 * nhi-pam's id format ({@code cr_} + 22 base64url characters of 16 random bytes). Not JMH: one
 * measurement of retained heap. Target: under 200 MB.
 *
 * <p>Run: {@code java -Xmx1g -cp target/benchmarks.jar io.nhipam.bench.RevocationHeap [count]}
 */
public final class RevocationHeap {
  private RevocationHeap() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Clock clock = Clock.systemUTC();
    SecureRandom random = new SecureRandom();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    // Ids are made inside the loop and not kept here: whatever of them the store retains is
    // counted in the delta, whatever it does not is garbage by the time of the second GC.
    Instant expires = clock.instant().plus(Duration.ofHours(1));
    byte[] b = new byte[16];
    long before = usedAfterGc();
    RevocationStore store = RevocationStore.inMemory(clock);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      random.nextBytes(b);
      store.revokeCredential("cr_" + b64.encodeToString(b), expires);
    }
    long elapsed = System.nanoTime() - start;
    long after = usedAfterGc();
    // Using the store after the measurement keeps it reachable through the last GC.
    if (store.size() != count || store.isCredentialRevoked(idOf(random, b64))) {
      throw new IllegalStateException("the store holds " + store.size() + " entries for " + count
          + " revocations, or reports a fresh id as revoked; the measurement is void");
    }
    double mb = (after - before) / (1024.0 * 1024.0);
    System.out.printf("revoked=%d size=%d heapDeltaMB=%.1f bytesPerEntry=%.1f revokeNsPerOp(incl. id generation)=%.0f target<200MB %s%n",
        count, store.size(), mb, (after - before) / (double) count, elapsed / (double) count,
        mb < 200 ? "MET" : "MISSED");
  }

  private static String idOf(SecureRandom random, Base64.Encoder b64) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return "cr_" + b64.encodeToString(b);
  }

  private static long usedAfterGc() {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      used = Math.min(used, mem.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
