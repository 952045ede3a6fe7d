package io.nhipam.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuditSinksTest {
  @Test
  void fanOut_oneSinkFails_failsAfterWritingToTheOthers() {
    InMemoryAuditSink first = AuditSinks.inMemory();
    InMemoryAuditSink last = AuditSinks.inMemory();
    AuditSink sink = AuditSinks.fanOut(first, new AuditLogTest.FailingSink(1), last);
    assertThatThrownBy(() -> sink.write(TestKeys.event(1)))
        .isInstanceOfSatisfying(AuditException.class,
            e -> assertThat(e.reason()).isEqualTo(AuditException.Reason.WRITE_FAILED))
        .hasMessageContaining("1 of 3 audit sinks failed");
    assertThat(first.events()).containsExactly(TestKeys.event(1));
    assertThat(last.events()).containsExactly(TestKeys.event(1));
  }

  @Test
  void fanOut_allHealthy_writesToEach() {
    InMemoryAuditSink a = AuditSinks.inMemory();
    InMemoryAuditSink b = AuditSinks.inMemory();
    AuditSink sink = AuditSinks.fanOut(a, AuditSinks.slf4j(), b);
    sink.write(TestKeys.event(2));
    sink.flush();
    sink.close();
    assertThat(a.events()).containsExactly(TestKeys.event(2));
    assertThat(b.events()).containsExactly(TestKeys.event(2));
    assertThatThrownBy(() -> a.write(TestKeys.event(3)))
        .isInstanceOfSatisfying(AuditException.class,
            e -> assertThat(e.reason()).isEqualTo(AuditException.Reason.CLOSED));
  }

  @Test
  void fanOut_noSinks_isRefused() {
    assertThatThrownBy(AuditSinks::fanOut)
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
  }

  @Test
  void slf4j_afterClose_refusesToWrite() {
    AuditSink sink = AuditSinks.slf4j("audit-test");
    sink.write(TestKeys.event(4));
    sink.close();
    assertThatThrownBy(() -> sink.write(TestKeys.event(5)))
        .isInstanceOfSatisfying(AuditException.class,
            e -> assertThat(e.reason()).isEqualTo(AuditException.Reason.CLOSED));
  }
}
