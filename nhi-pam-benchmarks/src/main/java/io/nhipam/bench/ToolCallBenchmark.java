package io.nhipam.bench;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import dev.langchain4j.service.tool.ToolExecutor;
import io.nhipam.audit.AuditLog;
import io.nhipam.credential.Credential;
import io.nhipam.credential.CredentialAuthority;
import io.nhipam.credential.KeyRing;
import io.nhipam.guard.Decision;
import io.nhipam.guard.Guard;
import io.nhipam.identity.Identity;
import io.nhipam.identity.IdentityKind;
import io.nhipam.langchain4j.CredentialSource;
import io.nhipam.langchain4j.GuardedToolExecutor;
import io.nhipam.mask.Masker;
import io.nhipam.policy.IdentityPolicy;
import io.nhipam.policy.Policy;
import io.nhipam.scope.Scope;
import io.nhipam.scope.Scopes;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One LangChain4j tool call, bare against guarded: {@link DefaultToolExecutor} over a tool whose
 * method returns a ~2 KB text of ordinary prose holding one card number, called directly and
 * through {@link GuardedToolExecutor} (credential from a bound supplier, one required scope: the
 * guard's check with its audit event, the delegate, the masking of the result with its audit
 * event; audit to a sink that discards). Both return the text the model would see.
 *
 * <p>The two parts of the guard's work are also timed alone, to explain the difference: {@code
 * guardCheckOnly} (the scope decision) and {@code guardMaskOnly} (masking the 2 KB text).
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ToolCallBenchmark {
  static final String CARD = "4111 1111 1111 1111";
  static final String SCOPE = "customers:read";

  /** The tool LangChain4j calls by reflection. */
  public static class CustomerTools {
    final String report;

    CustomerTools(String report) {
      this.report = report;
    }

    @Tool("Returns the account report of the current customer")
    public String customerReport() {
      return report;
    }
  }

  private ToolExecutor bare;
  private ToolExecutor guarded;
  private ToolExecutionRequest request;
  private InvocationContext context;
  private Guard guard;
  private Credential credential;
  private Scope scope;
  private String report;

  @Setup(Level.Trial)
  public void setUp() throws NoSuchMethodException {
    QuietLogging.warnOnly();
    report = report(new SplittableRandom(7), 2_048);
    CustomerTools tools = new CustomerTools(report);
    bare = new DefaultToolExecutor(tools, CustomerTools.class.getMethod("customerReport"));

    Policy policy = Policy.builder().source("benchmark")
        .identity(IdentityPolicy.builder(Identity.of("support-agent", IdentityKind.AI_AGENT, "bench-team"))
            .allow(SCOPE).maxTtl(Duration.ofHours(24)).build())
        .build();
    CredentialAuthority authority = CredentialAuthority.builder()
        .keyRing(KeyRing.generate()).policy(policy).audit(AuditLog.of(new DiscardingAuditSink())).build();
    guard = new Guard(authority, AuditLog.of(new DiscardingAuditSink()), Masker.builder().defaultDetectors().build());
    credential = authority.mint("support-agent", Scopes.parse(List.of(SCOPE)), Duration.ofHours(24));
    scope = Scope.of(SCOPE);
    Credential bound = credential;
    guarded = GuardedToolExecutor.builder(guard, bare).requiredScope(SCOPE)
        .credentialSource(CredentialSource.fromSupplier(() -> bound)).build();
    request = ToolExecutionRequest.builder().id("call_0001").name("customerReport").arguments("{}").build();
    context = InvocationContext.builder().chatMemoryId("bench-conversation").build();

    String plain = bare();
    String masked = guarded();
    if (!plain.equals(report) || masked.contains(CARD) || !masked.contains("1111")
        || masked.length() < report.length() - 32) {
      throw new IllegalStateException("the bare call must return the report and the guarded call the report with"
          + " the card masked (last four kept); got " + masked.length() + " chars");
    }
  }

  /** ~{@code length} characters of ordinary sentences with one card number in the middle. */
  static String report(SplittableRandom rnd, int length) {
    String[] words = {"the", "customer", "asked", "about", "an", "invoice", "from", "last", "month", "and",
        "we", "agreed", "to", "send", "a", "corrected", "copy", "by", "email", "before", "friday", "shipment",
        "was", "delayed", "at", "warehouse", "two"};
    StringBuilder s = new StringBuilder(length + 64);
    boolean cardPlaced = false;
    while (s.length() < length) {
      int n = 6 + rnd.nextInt(10);
      for (int i = 0; i < n; i++) {
        String w = words[rnd.nextInt(words.length)];
        s.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
        s.append(i == n - 1 ? ". " : " ");
      }
      if (!cardPlaced && s.length() > length / 2) {
        s.append("Card on file: ").append(CARD).append(". ");
        cardPlaced = true;
      }
    }
    return s.toString();
  }

  @Benchmark
  public String bare() {
    return bare.executeWithContext(request, context).resultText();
  }

  @Benchmark
  public String guarded() {
    return guarded.executeWithContext(request, context).resultText();
  }

  /** Part of the guarded call: the scope decision and its audit event. */
  @Benchmark
  public Decision guardCheckOnly() {
    return guard.check(credential, scope, "call_0001");
  }

  /** Part of the guarded call: masking the 2 KB result (one card) and its audit event. */
  @Benchmark
  public String guardMaskOnly() {
    return guard.mask(credential, report, "call_0001");
  }
}
