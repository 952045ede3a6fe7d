package io.nhipam.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditChainEncoderTest {
  @TempDir Path dir;

  @Test
  void encoder_sameEventsAsFileSink_producesIdenticalLines() throws Exception {
    Path base = dir.resolve("audit.jsonl");
    try (ChainedFileAuditSink sink =
        TestKeys.sink(base).checkpointEvery(3).clock(Clock.fixed(TestKeys.T0, ZoneOffset.UTC)).build()) {
      for (int i = 0; i < 5; i++) {
        sink.write(TestKeys.event(i));
      }
    }
    List<String> fromFile = TestKeys.lines(ChainedFileAuditSink.segments(base));

    AuditChainEncoder enc = AuditChainEncoder.create(TestKeys.MAC_KEY, TestKeys.signer());
    List<String> encoded = new ArrayList<>();
    String prev = AuditChainEncoder.GENESIS_PREV;
    long seq = 1;
    long since = 0;
    for (int i = 0; i < 5; i++) {
      AuditChainEncoder.Record r = enc.event(seq++, prev, TestKeys.event(i));
      encoded.add(r.line());
      prev = r.hash();
      if (++since == 3) {
        r = enc.checkpoint(seq++, prev, TestKeys.T0, since, false);
        encoded.add(r.line());
        prev = r.hash();
        since = 0;
      }
    }
    encoded.add(enc.checkpoint(seq, prev, TestKeys.T0, since, true).line());

    assertThat(encoded).isEqualTo(fromFile);
    assertThat(AuditVerifier.verifyLines(encoded, TestKeys.MAC_KEY, TestKeys.publicKeys()).ok()).isTrue();
  }

  @Test
  void event_hashIsNextPrev_chainOfEncoderLinesVerifies() {
    AuditChainEncoder enc = AuditChainEncoder.withoutMac(TestKeys.signer());
    AuditChainEncoder.Record a = enc.event(1, AuditChainEncoder.GENESIS_PREV, TestKeys.event(1));
    AuditChainEncoder.Record b = enc.checkpoint(2, a.hash(), TestKeys.T0, 1, true);
    VerificationResult ok = AuditVerifier.verifyLines(List.of(a.line(), b.line()), null, TestKeys.publicKeys());
    assertThat(ok.ok()).isTrue();
    VerificationResult bad = AuditVerifier.verifyLines(List.of(b.line()), null, TestKeys.publicKeys());
    assertThat(bad.problem()).isPresent();
  }

  @Test
  void event_badPositionOrShortKey_refused() {
    AuditChainEncoder enc = AuditChainEncoder.create(TestKeys.MAC_KEY, TestKeys.signer());
    assertThatThrownBy(() -> enc.event(0, AuditChainEncoder.GENESIS_PREV, TestKeys.event(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seq starts at 1");
    assertThatThrownBy(() -> enc.event(2, "ABC", TestKeys.event(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prev must be");
    assertThatThrownBy(() -> enc.event(1, "1".repeat(64), TestKeys.event(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("record 1 must have");
    assertThatThrownBy(() -> AuditChainEncoder.create(new byte[16], TestKeys.signer()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32");
    assertThat(enc.toString()).contains("<redacted>");
  }
}
