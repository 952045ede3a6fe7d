package io.nhipam.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @TempDir Path dir;

  /** Fails every write with an I/O-like error, as a full disk would. */
  static class FailingSink implements AuditSink {
    final AtomicInteger writes = new AtomicInteger();
    final int failFrom;

    FailingSink(int failFrom) {
      this.failFrom = failFrom;
    }

    @Override
    public void write(AuditEvent event) {
      if (writes.incrementAndGet() >= failFrom) {
        throw new AuditException(AuditException.Reason.WRITE_FAILED, "No space left on device");
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  private static AuditEvent of(AuditEventType type) {
    return AuditEvent.builder(type, TestKeys.T0).identity("finance-bot").build();
  }

  @Test
  void record_eightThreadsTimesTenThousand_giveContiguousVerifiedChain() throws Exception {
    assertConcurrentRecording(AuditLog.of(TestKeys.sink(dir.resolve("sync.jsonl")).build()),
        dir.resolve("sync.jsonl"));
  }

  @Test
  void record_eightThreadsTimesTenThousandAsync_giveContiguousVerifiedChain() throws Exception {
    ChainedFileAuditSink sink = TestKeys.sink(dir.resolve("async.jsonl")).build();
    assertConcurrentRecording(AuditLog.builder(sink).async(256).build(), dir.resolve("async.jsonl"));
  }

  private void assertConcurrentRecording(AuditLog log, Path base) throws Exception {
    int threads = 8;
    int perThread = 10_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            log.record(AuditEvent.builder(AuditEventType.ALLOW, TestKeys.T0)
                .identity("agent-" + thread).correlationId("call-" + i).build());
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    log.close();
    VerificationResult r = TestKeys.verify(base);
    assertThat(r.ok()).as("%s", r).isTrue();
    assertThat(r.events()).isEqualTo(80_000);
    // 80 periodic checkpoints (every 1000) and the closing one; seqs are contiguous or the
    // verifier would have reported REMOVED/REORDERED.
    assertThat(r.records()).isEqualTo(80_000 + 80 + 1);
    List<String> lines = TestKeys.lines(ChainedFileAuditSink.segments(base));
    for (int i = 0; i < lines.size(); i++) {
      assertThat(lines.get(i)).startsWith("{\"seq\":" + (i + 1) + ",");
    }
  }

  @Test
  void record_sinkThrows_throwsWithReasonSoCallerFailsClosed() {
    AuditLog log = AuditLog.of(new FailingSink(1));
    assertThatThrownBy(() -> log.record(of(AuditEventType.MINT)))
        .isInstanceOfSatisfying(AuditException.class,
            e -> assertThat(e.reason()).isEqualTo(AuditException.Reason.WRITE_FAILED))
        .hasMessageContaining("No space left on device");
  }

  @Test
  void record_sinkThrowsNonAuditException_isWrappedAsWriteFailed() {
    AuditSink broken = new FailingSink(Integer.MAX_VALUE) {
      @Override
      public void write(AuditEvent event) {
        throw new IllegalStateException("disk gone");
      }
    };
    assertThatThrownBy(() -> AuditLog.of(broken).record(of(AuditEventType.REVOKE)))
        .isInstanceOfSatisfying(AuditException.class,
            e -> assertThat(e.reason()).isEqualTo(AuditException.Reason.WRITE_FAILED))
        .hasMessageContaining("REVOKE").hasMessageContaining("disk gone");
  }

  @Test
  void record_bestEffortAllow_relaxesOnlyAllowEvents() {
    AuditLog log = AuditLog.builder(new FailingSink(1)).allowEventsBestEffort().build();
    log.record(of(AuditEventType.ALLOW));
    log.record(of(AuditEventType.ALLOW));
    assertThat(log.bestEffortFailures()).isEqualTo(2);
    for (AuditEventType type : AuditEventType.values()) {
      if (type == AuditEventType.ALLOW) {
        continue;
      }
      assertThatThrownBy(() -> log.record(of(type)))
          .as("%s", type)
          .isInstanceOfSatisfying(AuditException.class,
              e -> assertThat(e.reason()).isEqualTo(AuditException.Reason.WRITE_FAILED));
    }
    assertThat(log.bestEffortFailures()).isEqualTo(2);
  }

  @Test
  void record_defaultAllow_failsClosedToo() {
    AuditLog log = AuditLog.of(new FailingSink(1));
    assertThatThrownBy(() -> log.record(of(AuditEventType.ALLOW)))
        .isInstanceOf(AuditException.class);
    assertThat(log.bestEffortFailures()).isZero();
  }

  @Test
  void close_async_losesNothingAndKeepsOrder() {
    InMemoryAuditSink sink = AuditSinks.inMemory();
    AuditLog log = AuditLog.builder(sink).async(4).build();
    for (int i = 0; i < 5_000; i++) {
      log.record(TestKeys.event(i));
    }
    log.close();
    List<AuditEvent> events = sink.events();
    assertThat(events).hasSize(5_000);
    for (int i = 0; i < 5_000; i++) {
      assertThat(events.get(i)).isEqualTo(TestKeys.event(i));
    }
    assertThatThrownBy(() -> log.record(TestKeys.event(1)))
        .isInstanceOfSatisfying(AuditException.class,
            e -> assertThat(e.reason()).isEqualTo(AuditException.Reason.CLOSED));
  }

  @Test
  void flush_async_returnsAfterEveryEarlierEventReachedTheSink() {
    InMemoryAuditSink sink = AuditSinks.inMemory();
    try (AuditLog log = AuditLog.builder(sink).async(2).build()) {
      for (int i = 0; i < 100; i++) {
        log.record(TestKeys.event(i));
      }
      log.flush();
      assertThat(sink.events()).hasSize(100);
    }
  }

  @Test
  void record_asyncAfterSinkFailure_throwsPreviousFailureOnNextCalls() {
    FailingSink failing = new FailingSink(3);
    AuditLog log = AuditLog.builder(failing).async(16).build();
    log.record(of(AuditEventType.MINT));
    log.record(of(AuditEventType.MINT));
    log.record(of(AuditEventType.MINT));
    assertThatThrownBy(log::flush)
        .isInstanceOfSatisfying(AuditException.class,
            e -> assertThat(e.reason()).isEqualTo(AuditException.Reason.PREVIOUS_FAILURE))
        .hasMessageContaining("No space left on device");
    assertThatThrownBy(() -> log.record(of(AuditEventType.DENY)))
        .isInstanceOfSatisfying(AuditException.class,
            e -> assertThat(e.reason()).isEqualTo(AuditException.Reason.PREVIOUS_FAILURE));
    assertThatThrownBy(log::close).isInstanceOf(AuditException.class);
  }

  @Test
  void record_asyncBestEffortAllowFailure_doesNotPoisonTheLog() {
    AuditSink allowFails = new FailingSink(Integer.MAX_VALUE) {
      @Override
      public void write(AuditEvent event) {
        if (event.type() == AuditEventType.ALLOW) {
          throw new AuditException(AuditException.Reason.WRITE_FAILED, "allow sink down");
        }
      }
    };
    AuditLog log = AuditLog.builder(allowFails).async(8).allowEventsBestEffort().build();
    log.record(of(AuditEventType.ALLOW));
    log.flush();
    log.record(of(AuditEventType.DENY));
    log.close();
    assertThat(log.bestEffortFailures()).isEqualTo(1);
  }

  @Test
  @Timeout(30)
  void record_asyncQueueFull_blocksUntilTheWriterCatchesUp() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    InMemoryAuditSink inner = AuditSinks.inMemory();
    AuditSink slow = new FailingSink(Integer.MAX_VALUE) {
      @Override
      public void write(AuditEvent event) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        inner.write(event);
      }
    };
    AuditLog log = AuditLog.builder(slow).async(1).build();
    Thread producer = new Thread(() -> {
      for (int i = 0; i < 5; i++) {
        log.record(TestKeys.event(i));
      }
    });
    producer.start();
    while (producer.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    assertThat(producer.isAlive()).isTrue();
    assertThat(inner.events()).isEmpty();
    release.countDown();
    producer.join();
    log.close();
    assertThat(inner.events()).hasSize(5);
  }

  @Test
  void builder_optionTwice_isRefused() {
    AuditLog.Builder b = AuditLog.builder(AuditSinks.inMemory()).async(8).allowEventsBestEffort();
    assertThatThrownBy(() -> b.async(4))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already set to 8");
    assertThatThrownBy(b::allowEventsBestEffort)
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already set");
  }

  @Test
  void record_syncAfterClose_isRefusedAsClosed() {
    AuditLog log = AuditLog.of(AuditSinks.inMemory());
    log.close();
    assertThatThrownBy(() -> log.record(of(AuditEventType.MINT)))
        .isInstanceOfSatisfying(AuditException.class,
            e -> assertThat(e.reason()).isEqualTo(AuditException.Reason.CLOSED));
  }
}
