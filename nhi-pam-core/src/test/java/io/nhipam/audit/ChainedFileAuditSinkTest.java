package io.nhipam.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainedFileAuditSinkTest {
  @TempDir Path dir;

  @Test
  void write_thenClose_producesVerifiableCanonicalLines() throws IOException {
    Path base = dir.resolve("audit.jsonl");
    try (ChainedFileAuditSink sink = TestKeys.sink(base).build()) {
      sink.write(TestKeys.event(2));
    }
    List<Path> segments = ChainedFileAuditSink.segments(base);
    assertThat(segments).containsExactly(dir.resolve("audit-000001.jsonl"));
    List<String> lines = TestKeys.lines(segments);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith("{\"seq\":1,\"prev\":\"" + "0".repeat(64) + "\",\"type\":\"RENEW\","
            + "\"time\":\"2025-01-01T00:00:02Z\",\"identity\":\"finance-bot\"")
        .contains("\"chain\":[\"orchestrator\",\"sub-agent-2\"]")
        .contains("\"attributes\":{\"mask.card\":\"2\"}")
        .matches(".*,\"mac\":\"[0-9a-f]{64}\"}$");
    assertThat(lines.get(1))
        .startsWith("{\"seq\":2,\"prev\":\""
            + RecordCodec.sha256Hex(lines.get(0).getBytes(StandardCharsets.US_ASCII)))
        .contains("\"type\":\"CHECKPOINT\"", "\"count\":1", "\"closing\":true",
            "\"kid\":\"" + TestKeys.KID + "\"");
    assertThat(TestKeys.verify(base)).hasToString("OK: 2 records, chain verified");
  }

  @Test
  void write_nonAsciiMessage_isEscapedSoLinesStayAscii() throws IOException {
    Path base = dir.resolve("audit.jsonl");
    try (ChainedFileAuditSink sink = TestKeys.sink(base).build()) {
      sink.write(AuditEvent.builder(AuditEventType.DENY, TestKeys.T0)
          .message("refusé\nline two \u2028").build());
    }
    byte[] raw = Files.readAllBytes(ChainedFileAuditSink.segments(base).get(0));
    for (byte b : raw) {
      assertThat(b & 0xff).isLessThan(0x80);
    }
    assertThat(TestKeys.lines(ChainedFileAuditSink.segments(base))).hasSize(2);
    assertThat(TestKeys.verify(base).ok()).isTrue();
  }

  @Test
  void build_optionSetTwice_isRefused() {
    ChainedFileAuditSink.Builder b = TestKeys.sink(dir.resolve("a.jsonl")).checkpointEvery(3);
    assertThatThrownBy(() -> b.checkpointEvery(4))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already set to 3");
    assertThatThrownBy(() -> b.macKey(TestKeys.MAC_KEY))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("macKey was already set");
    assertThatThrownBy(b::withoutMac)
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("conflicts");
    assertThatThrownBy(() -> b.signer(TestKeys.signer()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("signer was already set");
    b.rotateEvery(Duration.ofHours(1), new TestKeys.ManualClock(TestKeys.T0));
    assertThatThrownBy(() -> b.clock(new TestKeys.ManualClock(TestKeys.T0)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("clock was already set");
  }

  @Test
  void build_withoutMacChoiceOrSigner_isRefusedWithHint() {
    assertThatThrownBy(() -> ChainedFileAuditSink.builder(dir.resolve("a")).signer(TestKeys.signer()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("withoutMac()");
    assertThatThrownBy(() -> ChainedFileAuditSink.builder(dir.resolve("a")).macKey(TestKeys.MAC_KEY).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("signer is required");
    assertThatThrownBy(() -> ChainedFileAuditSink.builder(dir.resolve("a")).macKey(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32");
  }

  @Test
  void toString_sinkSignerAndBuilder_redactKeyMaterial() {
    ChainedFileAuditSink.Builder b = TestKeys.sink(dir.resolve("audit.jsonl"));
    assertThat(b.toString()).contains("<redacted>");
    try (ChainedFileAuditSink sink = b.build()) {
      String all = sink + " " + TestKeys.signer();
      assertThat(all).contains("macKey=<redacted>", "seed=<redacted>");
      assertThat(all).doesNotContain(RecordCodec.hex(TestKeys.MAC_KEY))
          .doesNotContain(RecordCodec.hex(TestKeys.SEED));
    }
  }

  @Test
  void write_pastRotateAtBytes_continuesChainInNumberedFilesThatVerifyTogether() throws IOException {
    Path base = dir.resolve("audit.jsonl");
    try (ChainedFileAuditSink sink = TestKeys.sink(base).rotateAtBytes(1500).build()) {
      for (int i = 0; i < 40; i++) {
        sink.write(TestKeys.event(i));
      }
    }
    List<Path> segments = ChainedFileAuditSink.segments(base);
    assertThat(segments.size()).isGreaterThan(3);
    assertThat(segments.get(1).getFileName()).hasToString("audit-000002.jsonl");
    List<String> first = Files.readAllLines(segments.get(0));
    List<String> second = Files.readAllLines(segments.get(1));
    assertThat(first.get(first.size() - 1)).contains("\"type\":\"CHECKPOINT\"", "\"closing\":false");
    assertThat(second.get(0)).contains("\"prev\":\""
        + RecordCodec.sha256Hex(first.get(first.size() - 1).getBytes(StandardCharsets.US_ASCII)));
    VerificationResult r = TestKeys.verify(base);
    assertThat(r.ok()).as("%s", r).isTrue();
    assertThat(r.events()).isEqualTo(40);
    VerificationResult missingMiddle =
        AuditVerifier.verify(
            List.of(segments.get(0), segments.get(2)), TestKeys.MAC_KEY, TestKeys.publicKeys());
    assertThat(missingMiddle.problem()).contains(VerificationResult.Problem.REMOVED);
    assertThat(missingMiddle.failedSeq().getAsLong()).isEqualTo(first.size() + 1);
  }

  @Test
  void write_afterRotateEveryOnTheClock_startsNewFile() throws IOException {
    Path base = dir.resolve("audit.jsonl");
    TestKeys.ManualClock clock = new TestKeys.ManualClock(TestKeys.T0);
    try (ChainedFileAuditSink sink = TestKeys.sink(base).rotateEvery(Duration.ofHours(1), clock).build()) {
      sink.write(TestKeys.event(1));
      clock.advance(Duration.ofMinutes(59));
      sink.write(TestKeys.event(2));
      clock.advance(Duration.ofMinutes(1));
      sink.write(TestKeys.event(3));
    }
    List<Path> segments = ChainedFileAuditSink.segments(base);
    assertThat(segments).hasSize(2);
    assertThat(Files.readAllLines(segments.get(0))).hasSize(3);
    assertThat(TestKeys.verify(base).events()).isEqualTo(3);
  }

  @Test
  void build_overExistingLog_continuesChainInNextFile() {
    Path base = dir.resolve("audit.jsonl");
    try (ChainedFileAuditSink sink = TestKeys.sink(base).checkpointEvery(4).build()) {
      for (int i = 0; i < 6; i++) {
        sink.write(TestKeys.event(i));
      }
    }
    try (ChainedFileAuditSink sink = TestKeys.sink(base).checkpointEvery(4).build()) {
      for (int i = 0; i < 3; i++) {
        sink.write(TestKeys.event(i));
      }
    }
    assertThat(ChainedFileAuditSink.segments(base)).hasSize(2);
    VerificationResult r = TestKeys.verify(base);
    assertThat(r.ok()).as("%s", r).isTrue();
    assertThat(r.events()).isEqualTo(9);
  }

  @Test
  void build_existingLogWithTornLastLine_isRefused() throws IOException {
    Path base = dir.resolve("audit.jsonl");
    try (ChainedFileAuditSink sink = TestKeys.sink(base).build()) {
      sink.write(TestKeys.event(1));
    }
    Files.writeString(ChainedFileAuditSink.segments(base).get(0), "{\"seq\":3,",
        java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> TestKeys.sink(base).build())
        .isInstanceOfSatisfying(AuditException.class,
            e -> assertThat(e.reason()).isEqualTo(AuditException.Reason.CORRUPT_EXISTING_LOG))
        .hasMessageContaining("torn");
  }

  @Test
  void build_parentIsARegularFile_failsClosedEvenAsRoot() throws IOException {
    Path notADir = Files.writeString(dir.resolve("plain-file"), "x");
    assertThatThrownBy(() -> TestKeys.sink(notADir.resolve("audit.jsonl")).build())
        .isInstanceOfSatisfying(AuditException.class,
            e -> assertThat(e.reason()).isEqualTo(AuditException.Reason.WRITE_FAILED))
        .hasMessageContaining("cannot create audit log directory");
  }

  @Test
  void record_whenRealFileCannotBeCreatedMidRun_failsClosedAndStaysFailed() throws IOException {
    // Rotation must create segment 2 in a directory that the test replaced by a regular file:
    // the file system refuses this even to root.
    Path logDir = dir.resolve("logs");
    Path base = logDir.resolve("audit.jsonl");
    ChainedFileAuditSink sink = TestKeys.sink(base).rotateAtBytes(1).build();
    AuditLog log = AuditLog.of(sink);
    log.record(TestKeys.event(1));
    Path moved = Files.move(logDir, dir.resolve("logs-moved"));
    Files.writeString(logDir, "not a directory any more");
    AuditEvent mint = AuditEvent.builder(AuditEventType.MINT, TestKeys.T0).credentialId("cr_1").build();
    assertThatThrownBy(() -> log.record(mint))
        .isInstanceOfSatisfying(AuditException.class,
            e -> assertThat(e.reason()).isEqualTo(AuditException.Reason.WRITE_FAILED))
        .hasMessageContaining("must fail");
    AuditEvent revoke = AuditEvent.builder(AuditEventType.REVOKE, TestKeys.T0).credentialId("cr_1").build();
    assertThatThrownBy(() -> log.record(revoke))
        .isInstanceOfSatisfying(AuditException.class,
            e -> assertThat(e.reason()).isEqualTo(AuditException.Reason.WRITE_FAILED))
        .hasMessageContaining("failed earlier");
    log.close();
    assertThat(Files.readAllLines(moved.resolve("audit-000001.jsonl"))).hasSize(2);
  }

  @Test
  void write_afterClose_isRefusedAsClosed() {
    ChainedFileAuditSink sink = TestKeys.sink(dir.resolve("audit.jsonl")).build();
    sink.close();
    sink.close();
    assertThatThrownBy(() -> sink.write(TestKeys.event(1)))
        .isInstanceOfSatisfying(AuditException.class,
            e -> assertThat(e.reason()).isEqualTo(AuditException.Reason.CLOSED));
  }

  @Test
  void withoutMac_recordsHaveNoMacAndVerifyWithoutKey() throws IOException {
    Path base = dir.resolve("audit.jsonl");
    try (ChainedFileAuditSink sink =
        ChainedFileAuditSink.builder(base).withoutMac().signer(TestKeys.signer()).build()) {
      sink.write(TestKeys.event(1));
    }
    assertThat(TestKeys.lines(ChainedFileAuditSink.segments(base))).noneMatch(l -> l.contains("\"mac\""));
    assertThat(AuditVerifier.verify(ChainedFileAuditSink.segments(base), null, TestKeys.publicKeys()).ok())
        .isTrue();
    VerificationResult keyed = TestKeys.verify(base);
    assertThat(keyed.problem()).contains(VerificationResult.Problem.BAD_MAC);
    assertThat(keyed.detail()).contains("has no MAC");
  }
}
