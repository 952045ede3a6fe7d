package io.nhipam.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import io.nhipam.audit.AuditEvent;
import io.nhipam.audit.AuditEventType;
import io.nhipam.audit.AuditLog;
import io.nhipam.audit.AuditSigner;
import io.nhipam.audit.ChainedFileAuditSink;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Audit events per second to a file, one thread, each event built from the same fields an
 * allow decision produces: ours through a synchronous {@link AuditLog} to the chained file sink
 * with and without the per-record HMAC (both sign a checkpoint every 1,000 events), against a
 * Logback {@code FileAppender} (its defaults: buffered, flushed after every event) writing the
 * same fields as a JSON line through a parameterised message. Logback is configured in code, in
 * a private context, so no logback.xml reaches any class path.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuditBenchmark {
  private static final String IDENTITY = "finance-bot";
  private static final String CREDENTIAL = "cr_AAECAwQFBgcICQoLDA0ODw";
  private static final String SCOPE = "invoices:read";

  private Path scratch;
  private AuditLog withMac;
  private AuditLog withoutMac;
  private LoggerContext logback;
  private Logger logbackLogger;

  @Setup(Level.Trial)
  public void setUp() {
    QuietLogging.warnOnly();
    scratch = TempDirs.create("nhipam-bench-audit");
    SecureRandom rnd = new SecureRandom();
    byte[] seed = new byte[32];
    rnd.nextBytes(seed);
    byte[] mac = new byte[32];
    rnd.nextBytes(mac);
    withMac = AuditLog.of(ChainedFileAuditSink.builder(scratch.resolve("mac/audit.jsonl"))
        .macKey(mac).signer(AuditSigner.ed25519(seed, "bench")).build());
    withoutMac = AuditLog.of(ChainedFileAuditSink.builder(scratch.resolve("nomac/audit.jsonl"))
        .withoutMac().signer(AuditSigner.ed25519(seed, "bench")).build());

    logback = new LoggerContext();
    logback.setName("nhipam-bench-audit");
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(logback);
    encoder.setPattern("%msg%n");
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(logback);
    appender.setName("audit-file");
    appender.setFile(scratch.resolve("logback/audit.log").toString());
    appender.setEncoder(encoder);
    appender.start();
    logbackLogger = logback.getLogger("audit");
    logbackLogger.setAdditive(false);
    logbackLogger.setLevel(ch.qos.logback.classic.Level.INFO);
    logbackLogger.addAppender(appender);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    withMac.close();
    withoutMac.close();
    logback.stop();
    TempDirs.delete(scratch);
  }

  private static AuditEvent event() {
    return AuditEvent.builder(AuditEventType.ALLOW, Instant.now())
        .identity(IDENTITY).credentialId(CREDENTIAL).scope(SCOPE).reason("ALLOWED").build();
  }

  @Benchmark
  public void chainedFileWithMac() {
    withMac.record(event());
  }

  @Benchmark
  public void chainedFileWithoutMac() {
    withoutMac.record(event());
  }

  @Benchmark
  public void logbackFileAppender() {
    logbackLogger.info("{\"type\":\"ALLOW\",\"time\":\"{}\",\"identity\":\"{}\",\"credentialId\":\"{}\","
        + "\"scope\":\"{}\",\"reason\":\"ALLOWED\"}", Instant.now(), IDENTITY, CREDENTIAL, SCOPE);
  }
}
