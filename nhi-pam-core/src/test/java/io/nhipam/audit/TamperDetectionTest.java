package io.nhipam.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.nhipam.audit.VerificationResult.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of tamper, at every record position of a small log: 12 events with a checkpoint
 * every 5, so 15 lines (events 1-5, checkpoint 6, events 7-11, checkpoint 12, events 13-14,
 * closing checkpoint 15). Line i (0-based) holds seq i+1.
 */
class TamperDetectionTest {
  @TempDir static Path dir;
  static List<String> original;

  @BeforeAll
  static void writeLog() throws IOException {
    Path base = dir.resolve("audit.jsonl");
    try (ChainedFileAuditSink sink =
        TestKeys.sink(base).checkpointEvery(5).clock(new TestKeys.ManualClock(TestKeys.T0))
            .build()) {
      for (int i = 1; i <= 12; i++) {
        sink.write(TestKeys.event(i));
      }
    }
    original = TestKeys.lines(ChainedFileAuditSink.segments(base));
  }

  static IntStream positions() {
    return IntStream.range(0, 15);
  }

  private static VerificationResult verify(List<String> lines) {
    return AuditVerifier.verifyLines(lines, TestKeys.MAC_KEY, TestKeys.publicKeys());
  }

  private static void assertFailure(VerificationResult r, long seq, Problem problem) {
    assertThat(r.ok()).as("%s", r).isFalse();
    assertThat(r.problem()).as("%s", r).contains(problem);
    assertThat(r.failedSeq().getAsLong()).as("%s", r).isEqualTo(seq);
  }

  @Test
  void verifyLines_untouchedLog_isOkWithAllRecords() {
    assertThat(original).hasSize(15);
    assertThat(original.get(5)).contains("\"type\":\"CHECKPOINT\"").contains("\"count\":5");
    assertThat(original.get(14)).contains("\"closing\":true").contains("\"count\":2");
    VerificationResult r = verify(original);
    assertThat(r.ok()).as("%s", r).isTrue();
    assertThat(r.records()).isEqualTo(15);
    assertThat(r.events()).isEqualTo(12);
    assertThat(r).hasToString("OK: 15 records, chain verified");
  }

  @ParameterizedTest(name = "line {0}")
  @MethodSource("positions")
  void verifyLines_anyByteFlipped_isAlteredAtThatSeq(int line) {
    String text = original.get(line);
    for (int pos = 0; pos < text.length(); pos++) {
      List<String> copy = new ArrayList<>(original);
      char[] chars = text.toCharArray();
      chars[pos] = (char) (chars[pos] ^ 1);
      copy.set(line, new String(chars));
      VerificationResult r = verify(copy);
      assertThat(r.problem()).as("flip at %d: %s", pos, r).contains(Problem.ALTERED);
      assertThat(r.failedSeq().getAsLong()).as("flip at %d: %s", pos, r).isEqualTo(line + 1);
    }
  }

  @ParameterizedTest(name = "line {0}")
  @MethodSource("positions")
  void verifyLines_lineDeleted_isRemovedOrTruncatedAtThatSeq(int line) {
    List<String> copy = new ArrayList<>(original);
    copy.remove(line);
    Problem expected = line == 14 ? Problem.TRUNCATED_AFTER_LAST_CHECKPOINT : Problem.REMOVED;
    assertFailure(verify(copy), line + 1, expected);
  }

  @ParameterizedTest(name = "line {0}")
  @MethodSource("positions")
  void verifyLines_lineSwappedWithNext_isReorderedAtThatSeq(int line) {
    List<String> copy = new ArrayList<>(original);
    if (line == 14) {
      copy.add(0, copy.remove(14));
      assertFailure(verify(copy), 1, Problem.REORDERED);
      return;
    }
    copy.set(line, original.get(line + 1));
    copy.set(line + 1, original.get(line));
    assertFailure(verify(copy), line + 1, Problem.REORDERED);
  }

  @ParameterizedTest(name = "before line {0}")
  @MethodSource("positionsIncludingEnd")
  void verifyLines_forgedLineInserted_isInsertedAtThatSeq(int line) {
    List<String> copy = new ArrayList<>(original);
    String prev =
        line == 0 ? RecordCodec.ZERO_HASH : RecordCodec.sha256Hex(original.get(line - 1).getBytes(
            java.nio.charset.StandardCharsets.US_ASCII));
    AuditEvent forged =
        AuditEvent.builder(AuditEventType.ALLOW, TestKeys.T0).identity("attacker").build();
    byte[] body = RecordCodec.eventBody(line + 1, prev, forged);
    String forgedLine =
        new String(
            RecordCodec.appendField(body, "mac", RecordCodec.recordMac(new byte[32], body)),
            java.nio.charset.StandardCharsets.US_ASCII);
    copy.add(line, forgedLine);
    assertFailure(verify(copy), line + 1, Problem.INSERTED);
  }

  static IntStream positionsIncludingEnd() {
    return IntStream.rangeClosed(0, 15);
  }

  @ParameterizedTest(name = "line {0}")
  @MethodSource("positions")
  void verifyLines_lineDuplicated_isInsertedAfterIt(int line) {
    List<String> copy = new ArrayList<>(original);
    copy.add(line + 1, original.get(line));
    assertFailure(verify(copy), line + 2, Problem.INSERTED);
  }

  @ParameterizedTest(name = "from line {0}")
  @MethodSource("positions")
  void verifyLines_tailCut_isTruncatedAtFirstMissingSeq(int line) {
    List<String> copy = new ArrayList<>(original.subList(0, line));
    assertFailure(verify(copy), line + 1, Problem.TRUNCATED_AFTER_LAST_CHECKPOINT);
  }

  @Test
  void verifyLines_wrongMacKey_isBadMacAtFirstRecord() {
    VerificationResult r =
        AuditVerifier.verifyLines(original, TestKeys.bytes(32, 99), TestKeys.publicKeys());
    assertFailure(r, 1, Problem.BAD_MAC);
  }

  @Test
  void verifyLines_wrongPublicKey_isBadSignatureAtFirstCheckpoint() {
    byte[] other = AuditSigner.ed25519PublicKey(TestKeys.bytes(32, 5));
    VerificationResult r =
        AuditVerifier.verifyLines(original, TestKeys.MAC_KEY, java.util.Map.of(TestKeys.KID, other));
    assertFailure(r, 6, Problem.BAD_CHECKPOINT_SIGNATURE);
    assertThat(r.detail()).contains("does not verify");
  }

  @Test
  void verifyLines_unknownKid_isBadSignatureNamingTheKid() {
    VerificationResult r =
        AuditVerifier.verifyLines(original, TestKeys.MAC_KEY, java.util.Map.of("other", TestKeys.PUBLIC));
    assertFailure(r, 6, Problem.BAD_CHECKPOINT_SIGNATURE);
    assertThat(r.detail()).contains("'" + TestKeys.KID + "'");
  }

  @Test
  void verifyLines_withoutMacKeyAndEditedEvent_isAlteredAtThatSeq() {
    List<String> copy = new ArrayList<>(original);
    copy.set(2, original.get(2).replace("event number 3", "event number 4"));
    VerificationResult r = AuditVerifier.verifyLines(copy, null, TestKeys.publicKeys());
    assertFailure(r, 3, Problem.ALTERED);
  }

  @Test
  void verifyLines_withoutMacKeyAndRechainedTail_isCaughtByTheCheckpointSignature() {
    // Attacker without keys edits record 3 and recomputes every later prev: only the signed
    // checkpoint 6 still holds.
    List<String> copy = new ArrayList<>(original);
    copy.set(2, original.get(2).replace("event number 3", "event number 4"));
    for (int i = 3; i < copy.size(); i++) {
      String prevHash =
          RecordCodec.sha256Hex(copy.get(i - 1).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      copy.set(i, copy.get(i).replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + prevHash
          + "\"").replaceFirst("\"head\":\"[0-9a-f]{64}\"", "\"head\":\"" + prevHash + "\""));
    }
    VerificationResult r = AuditVerifier.verifyLines(copy, null, TestKeys.publicKeys());
    assertFailure(r, 6, Problem.BAD_CHECKPOINT_SIGNATURE);
    VerificationResult keyed = AuditVerifier.verifyLines(copy, TestKeys.MAC_KEY, TestKeys.publicKeys());
    assertFailure(keyed, 3, Problem.BAD_MAC);
  }

  @Test
  void verifyLines_tornLastLine_isMalformed(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("torn.jsonl");
    String content = String.join("\n", original.subList(0, 3)) + "\n" + original.get(3).substring(0, 40);
    java.nio.file.Files.writeString(f, content);
    VerificationResult r = AuditVerifier.verify(List.of(f), TestKeys.MAC_KEY, TestKeys.publicKeys());
    assertFailure(r, 4, Problem.MALFORMED);
    assertThat(r.detail()).contains("torn");
  }
}
