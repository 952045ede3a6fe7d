package io.nhipam.bench;

import io.nhipam.audit.AuditLog;
import io.nhipam.audit.AuditSigner;
import io.nhipam.audit.ChainedFileAuditSink;
import io.nhipam.credential.Credential;
import io.nhipam.credential.CredentialAuthority;
import io.nhipam.credential.KeyRing;
import io.nhipam.guard.Decision;
import io.nhipam.guard.Guard;
import io.nhipam.identity.Identity;
import io.nhipam.identity.IdentityKind;
import io.nhipam.mask.Masker;
import io.nhipam.policy.IdentityPolicy;
import io.nhipam.policy.Policy;
import io.nhipam.scope.Scopes;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
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
 * The scope decision on the allow path, 1,000 identities × 10 patterns with wildcards:
 * {@link Guard#check(Credential, io.nhipam.scope.Scope)} (expiry, revocation, policy, deny rules,
 * credential scopes, and the audit event) against jCasbin {@code enforce} on the same policy
 * with a keyMatch model, and against a plain {@code HashMap<String, Set<String>>} with wildcard
 * expansion (the floor: no expiry, no revocation, no audit).
 *
 * <p>Every method walks the same 64 requests round-robin, so all pay the same indexing cost.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScopeCheckBenchmark {
  static final String CASBIN_MODEL = String.join("\n",
      "[request_definition]",
      "r = sub, obj",
      "[policy_definition]",
      "p = sub, obj",
      "[policy_effect]",
      "e = some(where (p.eft == allow))",
      "[matchers]",
      "m = r.sub == p.sub && keyMatch(r.obj, p.obj)");

  private final Credential[] credentials = new Credential[ScopePolicyFixture.REQUESTS];
  private final io.nhipam.scope.Scope[] scopes = new io.nhipam.scope.Scope[ScopePolicyFixture.REQUESTS];
  private final String[] subjects = new String[ScopePolicyFixture.REQUESTS];
  private final String[] scopeTexts = new String[ScopePolicyFixture.REQUESTS];
  private int next;

  private Guard discardGuard;
  private Guard asyncFileGuard;
  private Guard syncFileGuard;
  private AuditLog asyncFileLog;
  private AuditLog syncFileLog;
  private Path scratch;
  private Enforcer enforcer;
  private final Map<String, Set<String>> floor = new HashMap<>();

  @Setup(Level.Trial)
  public void setUp() {
    QuietLogging.warnOnly();
    Policy.Builder pb = Policy.builder().source("benchmark");
    for (int i = 0; i < ScopePolicyFixture.IDENTITIES; i++) {
      String id = ScopePolicyFixture.identity(i);
      List<String> patterns = ScopePolicyFixture.patterns(i);
      pb.identity(IdentityPolicy.builder(Identity.of(id, IdentityKind.SERVICE_ACCOUNT, "bench-team"))
          .allow(patterns.toArray(new String[0]))
          .maxTtl(Duration.ofHours(24))
          .build());
      floor.put(id, new HashSet<>(patterns));
    }
    Policy policy = pb.build();
    KeyRing keys = KeyRing.generate();
    CredentialAuthority authority = CredentialAuthority.builder()
        .keyRing(keys).policy(policy).audit(AuditLog.of(new DiscardingAuditSink())).build();
    Masker masker = Masker.builder().defaultDetectors().build();
    discardGuard = new Guard(authority, AuditLog.of(new DiscardingAuditSink()), masker);

    scratch = TempDirs.create("nhipam-bench-scope");
    byte[] seed = new byte[32];
    new SecureRandom().nextBytes(seed);
    byte[] mac = new byte[32];
    new SecureRandom().nextBytes(mac);
    asyncFileLog = AuditLog.builder(ChainedFileAuditSink.builder(scratch.resolve("async/audit.jsonl"))
        .macKey(mac).signer(AuditSigner.ed25519(seed, "bench")).build()).async(8192).build();
    asyncFileGuard = new Guard(authority, asyncFileLog, masker);
    syncFileLog = AuditLog.of(ChainedFileAuditSink.builder(scratch.resolve("sync/audit.jsonl"))
        .macKey(mac).signer(AuditSigner.ed25519(seed, "bench")).build());
    syncFileGuard = new Guard(authority, syncFileLog, masker);

    // Some unrelated revocations, so the revocation lookup searches a populated store.
    Instant later = Instant.now().plus(Duration.ofHours(1));
    SecureRandom rnd = new SecureRandom();
    for (int k = 0; k < 1_000; k++) {
      byte[] b = new byte[16];
      rnd.nextBytes(b);
      authority.revocations().revokeCredential(
          "cr_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b), later);
    }

    Map<Integer, Credential> minted = new HashMap<>();
    for (int r = 0; r < ScopePolicyFixture.REQUESTS; r++) {
      int i = ScopePolicyFixture.requestIdentity(r);
      credentials[r] = minted.computeIfAbsent(i, n -> authority.mint(ScopePolicyFixture.identity(n),
          Scopes.parse(ScopePolicyFixture.patterns(n)), Duration.ofHours(24)));
      subjects[r] = ScopePolicyFixture.identity(i);
      scopeTexts[r] = ScopePolicyFixture.requestScope(r);
      scopes[r] = io.nhipam.scope.Scope.of(scopeTexts[r]);
    }

    Model model = Model.newModelFromString(CASBIN_MODEL);
    enforcer = new Enforcer(model);
    enforcer.enableLog(false);
    List<List<String>> rules = new ArrayList<>();
    for (int i = 0; i < ScopePolicyFixture.IDENTITIES; i++) {
      for (String p : ScopePolicyFixture.patterns(i)) {
        // keyMatch treats '*' as "anything from here on", which is what both * and ** mean
        // when, as here, the wildcard is the last segment.
        rules.add(List.of(ScopePolicyFixture.identity(i), p.endsWith("**") ? p.substring(0, p.length() - 1) : p));
      }
    }
    enforcer.addPolicies(rules);

    for (int r = 0; r < ScopePolicyFixture.REQUESTS; r++) {
      requireAllowed("guard", discardGuard.check(credentials[r], scopes[r]).isAllowed(), r);
      requireAllowed("casbin", enforcer.enforce(subjects[r], scopeTexts[r]), r);
      requireAllowed("hashmap", floorCheck(subjects[r], scopeTexts[r]), r);
    }
  }

  private void requireAllowed(String who, boolean allowed, int r) {
    if (!allowed) {
      throw new IllegalStateException(who + " denied request " + r + " (" + subjects[r] + ", " + scopeTexts[r]
          + "); the three must agree before they are timed");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    asyncFileLog.close();
    syncFileLog.close();
    TempDirs.delete(scratch);
  }

  private int nextIndex() {
    int r = next;
    next = (r + 1) & (ScopePolicyFixture.REQUESTS - 1);
    return r;
  }

  /** Guard decision with its audit event handed to a sink that discards it. */
  @Benchmark
  public Decision guardCheck() {
    int r = nextIndex();
    return discardGuard.check(credentials[r], scopes[r]);
  }

  /** Guard decision audited through the async queue to the chained, HMAC'd file sink. */
  @Benchmark
  public Decision guardCheckAsyncFileAudit() {
    int r = nextIndex();
    return asyncFileGuard.check(credentials[r], scopes[r]);
  }

  /** Guard decision audited synchronously (fail closed) to the chained, HMAC'd file sink. */
  @Benchmark
  public Decision guardCheckSyncFileAudit() {
    int r = nextIndex();
    return syncFileGuard.check(credentials[r], scopes[r]);
  }

  /** jCasbin enforce with the keyMatch model over the same 10,000 rules. */
  @Benchmark
  public boolean casbinEnforce() {
    int r = nextIndex();
    return enforcer.enforce(subjects[r], scopeTexts[r]);
  }

  /** The floor: identity → set of patterns, trying the scope, its '*' form, then each '**' prefix. */
  @Benchmark
  public boolean hashMapFloor() {
    int r = nextIndex();
    return floorCheck(subjects[r], scopeTexts[r]);
  }

  private boolean floorCheck(String subject, String scope) {
    Set<String> granted = floor.get(subject);
    if (granted == null) {
      return false;
    }
    if (granted.contains(scope)) {
      return true;
    }
    int last = scope.lastIndexOf(':');
    if (last > 0 && granted.contains(scope.substring(0, last + 1) + "*")) {
      return true;
    }
    for (int i = last; i > 0; i = scope.lastIndexOf(':', i - 1)) {
      if (granted.contains(scope.substring(0, i + 1) + "**")) {
        return true;
      }
    }
    return false;
  }
}
