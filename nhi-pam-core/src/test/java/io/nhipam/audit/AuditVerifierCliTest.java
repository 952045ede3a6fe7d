package io.nhipam.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifierCliTest {
  @TempDir Path dir;
  List<String> files = new ArrayList<>();
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void writeLog() {
    Path base = dir.resolve("audit.jsonl");
    try (ChainedFileAuditSink sink = TestKeys.sink(base).checkpointEvery(3).rotateAtBytes(2000).build()) {
      for (int i = 0; i < 20; i++) {
        sink.write(TestKeys.event(i));
      }
    }
    for (Path p : ChainedFileAuditSink.segments(base)) {
      files.add(p.toString());
    }
  }

  private int run(String... args) {
    return AuditVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String[] args(String... head) {
    List<String> all = new ArrayList<>(List.of(head));
    all.addAll(files);
    return all.toArray(new String[0]);
  }

  @Test
  void run_paserkKeyAndIntactFiles_printsOkAndExitsZero() throws Exception {
    Path macFile = Files.writeString(dir.resolve("mac.hex"), RecordCodec.hex(TestKeys.MAC_KEY) + "\n");
    int code = run(args("--mac-key-file", macFile.toString(), AuditVerifier.toPaserk(TestKeys.PUBLIC)));
    assertThat(out.toString(StandardCharsets.UTF_8)).matches("OK: \\d+ records, chain verified\\R");
    assertThat(code).isZero();
  }

  @Test
  void run_hexKeyWithMatchingKid_printsOk() {
    assertThat(run(args("--kid", TestKeys.KID, RecordCodec.hex(TestKeys.PUBLIC)))).isZero();
  }

  @Test
  void run_kidThatDoesNotMatch_failsWithBadSignature() {
    assertThat(run(args("--kid", "other", RecordCodec.hex(TestKeys.PUBLIC)))).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("FAILED at seq 4: BAD_CHECKPOINT_SIGNATURE: ");
  }

  @Test
  void run_lineDeleted_printsFailedAtSeqAndExitsOne() throws Exception {
    Path first = Path.of(files.get(0));
    List<String> lines = new ArrayList<>(Files.readAllLines(first));
    lines.remove(1);
    Files.write(first, lines);
    int code = run(args(AuditVerifier.toPaserk(TestKeys.PUBLIC)));
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("FAILED at seq 2: REMOVED: ");
    assertThat(code).isEqualTo(1);
  }

  @Test
  void run_lastFileMissing_reportsTruncation() {
    files.remove(files.size() - 1);
    assertThat(run(args(AuditVerifier.toPaserk(TestKeys.PUBLIC)))).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("TRUNCATED_AFTER_LAST_CHECKPOINT");
  }

  @Test
  void run_badKeyOrNoFiles_printsUsageAndExitsTwo() {
    assertThat(run("k4.public.short", files.get(0))).isEqualTo(2);
    assertThat(run(RecordCodec.hex(TestKeys.PUBLIC))).isEqualTo(2);
    assertThat(run(args("--bogus", RecordCodec.hex(TestKeys.PUBLIC)))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: AuditVerifier");
  }

  @Test
  void run_unreadableFile_failsWithReason() {
    assertThat(run(RecordCodec.hex(TestKeys.PUBLIC), dir.resolve("missing.jsonl").toString()))
        .isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("FAILED: cannot read");
  }

  @Test
  void parsePublicKey_paserkAndHex_giveTheSameKey() {
    assertThat(AuditVerifier.parsePublicKey(AuditVerifier.toPaserk(TestKeys.PUBLIC)))
        .isEqualTo(TestKeys.PUBLIC)
        .isEqualTo(AuditVerifier.parsePublicKey(RecordCodec.hex(TestKeys.PUBLIC).toUpperCase()));
    assertThatThrownBy(() -> AuditVerifier.parsePublicKey("k4.public." + "A".repeat(44)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
