package io.nhipam.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nhipam.audit.AuditEvent;
import io.nhipam.audit.AuditEventType;
import io.nhipam.audit.AuditException;
import io.nhipam.audit.AuditLog;
import io.nhipam.audit.AuditSink;
import io.nhipam.audit.AuditSinks;
import io.nhipam.audit.InMemoryAuditSink;
import io.nhipam.credential.Credential;
import io.nhipam.credential.CredentialAuthority;
import io.nhipam.credential.Fixtures;
import io.nhipam.credential.KeyRing;
import io.nhipam.error.ReasonCode;
import io.nhipam.scope.Scope;
import io.nhipam.identity.Identity;
import io.nhipam.identity.IdentityKind;
import io.nhipam.mask.Masker;
import io.nhipam.policy.IdentityPolicy;
import io.nhipam.policy.Policy;
import io.nhipam.scope.Scopes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuardTest {
  private static final String CARD = "4111 1111 1111 1111";

  private final Fixtures.MutableClock clock = new Fixtures.MutableClock(Fixtures.T0);
  private InMemoryAuditSink sink;
  private CredentialAuthority authority;
  private Guard guard;

  @BeforeEach
  void setUp() {
    sink = AuditSinks.inMemory();
    AuditLog audit = AuditLog.of(sink);
    authority = Fixtures.authority(clock, KeyRing.generate(), audit);
    guard = new Guard(authority, audit, Masker.builder().defaultDetectors().build());
  }

  private Credential finance(String... scopes) {
    return authority.mint("finance-bot", Scopes.of(scopes), Duration.ofMinutes(5));
  }

  @Test
  void check_grantedScope_allowedNamingTheRule() {
    Credential c = finance("invoices:read");

    Decision d = guard.check(c, "invoices:read", "call-1");

    assertThat(d.isAllowed()).isTrue();
    assertThat(d.reason()).isEqualTo(ReasonCode.ALLOWED);
    assertThat(d.rule()).contains("invoices:read");
    assertThat(d.credentialId()).contains(c.id());
    assertThat(sink.events()).last().satisfies(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.ALLOW);
      assertThat(e.correlationId()).contains("call-1");
      assertThat(e.credentialId()).contains(c.id());
    });
  }

  @Test
  void check_auditRecord_isStampedWithTheClockToTheMillisecond() {
    Credential c = finance("invoices:read");
    clock.advance(Duration.ofNanos(1_234_567_891));

    guard.check(c, "invoices:read");
    guard.check(c, "invoices:list");

    assertThat(sink.events()).last().satisfies(e -> assertThat(e.time()).isEqualTo(Fixtures.T0.plusMillis(1_234)));
    assertThat(sink.events().get(sink.events().size() - 2).time()).isEqualTo(Fixtures.T0.plusMillis(1_234));
  }

  @Test
  void check_allowed_recordsLastUseToTheSecond_deniedDoesNot() {
    Credential c = finance("invoices:read");
    assertThat(authority.registry().info("finance-bot").orElseThrow().lastUsed()).isEmpty();

    guard.check(c, "invoices:read");
    assertThat(authority.registry().info("finance-bot").orElseThrow().lastUsed()).contains(Fixtures.T0);

    clock.advance(Duration.ofMillis(500));
    guard.check(c, "invoices:read");
    assertThat(authority.registry().info("finance-bot").orElseThrow().lastUsed()).as("same second")
        .contains(Fixtures.T0);

    clock.advance(Duration.ofMillis(700));
    guard.check(c, "payroll:read"); // denied: not a use
    assertThat(authority.registry().info("finance-bot").orElseThrow().lastUsed()).contains(Fixtures.T0);
    guard.check(c, "invoices:read");
    assertThat(authority.registry().info("finance-bot").orElseThrow().lastUsed())
        .contains(Fixtures.T0.plusMillis(1_200));
  }

  @Test
  void checkAhead_allowRecordsNothingAndIsNotAUse_denialIsRecordedWithItsReason() {
    Credential c = finance("invoices:read");
    int before = sink.events().size();

    Decision allowed = guard.checkAhead(c, Scope.of("invoices:read"), "prepare-1");

    assertThat(allowed.isAllowed()).isTrue();
    assertThat(allowed.rule()).contains("invoices:read");
    assertThat(sink.events()).as("an allow ahead of the access is not audited").hasSize(before);
    assertThat(authority.registry().info("finance-bot").orElseThrow().lastUsed()).isEmpty();

    Decision denied = guard.checkAhead(c, Scope.of("invoices:list"), "prepare-2");

    assertThat(denied.reason()).isEqualTo(ReasonCode.MISSING_SCOPE);
    assertThat(denied.message()).contains("lacks scope invoices:list");
    assertThat(sink.events()).hasSize(before + 1).last().satisfies(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.DENY);
      assertThat(e.reason()).contains("MISSING_SCOPE");
      assertThat(e.correlationId()).contains("prepare-2");
    });
    assertThat(guard.checkAhead(null, Scope.of("invoices:read"), null).reason()).isEqualTo(ReasonCode.NO_CREDENTIAL);
    assertThat(sink.events()).hasSize(before + 2);
  }

  @Test
  void check_wildcardGrant_allowsMatchingScope() {
    Credential c = finance("reports:*:read");

    assertThat(guard.check(c, "reports:q3:read").rule()).contains("reports:*:read");
  }

  @Test
  void check_missingScope_deniedNamingWhatIsMissingAndWhatIsHeld() {
    Credential c = finance("invoices:read");

    Decision d = guard.check(c, "invoices:list");

    assertThat(d.isDenied()).isTrue();
    assertThat(d.reason()).isEqualTo(ReasonCode.MISSING_SCOPE);
    assertThat(d.message()).contains("lacks scope invoices:list").contains("[invoices:read]").contains("finance-bot");
    assertThat(sink.events()).last().satisfies(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.DENY);
      assertThat(e.reason()).contains("MISSING_SCOPE");
    });
  }

  @Test
  void check_denyRule_overridesCredentialScope() {
    Credential c = finance("reports:*:read");

    Decision d = guard.check(c, "reports:salaries:read");

    assertThat(d.reason()).isEqualTo(ReasonCode.DENIED_BY_RULE);
    assertThat(d.rule()).contains("reports:salaries:read");
  }

  @Test
  void check_payroll_deniedByRuleEvenWithoutScope() {
    Decision d = guard.check(finance("invoices:read"), "payroll:read");

    assertThat(d.reason()).isEqualTo(ReasonCode.DENIED_BY_RULE);
    assertThat(d.rule()).contains("payroll:**");
  }

  @Test
  void check_noCredential_denied() {
    Decision d = guard.check(null, "invoices:read");

    assertThat(d.reason()).isEqualTo(ReasonCode.NO_CREDENTIAL);
    assertThat(d.message()).contains("no credential");
  }

  @Test
  void check_expiredCredential_deniedAsExpired() {
    Credential c = finance("invoices:read");
    clock.advance(Duration.ofMinutes(10));

    Decision d = guard.check(c, "invoices:read");

    assertThat(d.reason()).isEqualTo(ReasonCode.EXPIRED);
    assertThat(d.message()).contains("expired");
  }

  @Test
  void check_revokedCredential_deniedAsRevoked() {
    Credential c = finance("invoices:read");
    authority.revoke(c);

    assertThat(guard.check(c, "invoices:read").reason()).isEqualTo(ReasonCode.REVOKED);
  }

  @Test
  void check_signingKeyRemovedFromRing_deniedUnknownKey() {
    Credential c = finance("invoices:read");
    String old = authority.keyRing().activeKeyId();
    authority.keyRing().rotate();
    authority.keyRing().remove(old);

    Decision d = guard.check(c, "invoices:read");

    assertThat(d.reason()).isEqualTo(ReasonCode.UNKNOWN_KEY);
    assertThat(d.message()).contains("removed from the key ring");
  }

  @Test
  void check_invalidOrPatternScope_deniedAsInvalid() {
    Credential c = finance("invoices:read");

    assertThat(guard.check(c, "invoices").reason()).isEqualTo(ReasonCode.INVALID_SCOPE);
    assertThat(guard.check(c, "invoices:*").reason()).isEqualTo(ReasonCode.INVALID_SCOPE);
    assertThat(guard.check(c, "pаyroll:read").reason()).isEqualTo(ReasonCode.INVALID_SCOPE);
  }

  @Test
  void check_policyNarrowedAfterMint_deniedNotInPolicy() {
    Credential c = finance("invoices:read", "invoices:list");
    authority.updatePolicy(Policy.builder()
        .identity(IdentityPolicy.builder(Identity.of("finance-bot", IdentityKind.AI_AGENT, "team-finance@example.com"))
            .allow("invoices:read").build())
        .build());

    assertThat(guard.check(c, "invoices:read").isAllowed()).isTrue();
    assertThat(guard.check(c, "invoices:list").reason()).isEqualTo(ReasonCode.NOT_IN_POLICY);
  }

  @Test
  void check_credentialFromAnotherAudience_denied() {
    // same keys, other audience: the audience, not the key, is what must decide
    CredentialAuthority other = CredentialAuthority.builder().policy(Fixtures.policy()).keyRing(authority.keyRing())
        .audit(Fixtures.memoryAudit()).clock(clock).audience("elsewhere").build();
    Credential foreign = other.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));

    assertThat(guard.check(foreign, "invoices:read").reason()).isEqualTo(ReasonCode.WRONG_AUDIENCE);

    CredentialAuthority stranger = CredentialAuthority.builder().policy(Fixtures.policy()).keyRing(KeyRing.generate())
        .audit(Fixtures.memoryAudit()).clock(clock).build();
    Credential unknownKey = stranger.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    assertThat(guard.check(unknownKey, "invoices:read").reason()).isEqualTo(ReasonCode.UNKNOWN_KEY);
  }

  @Test
  void require_denied_throwsCarryingDecision() {
    Credential c = finance("invoices:read");

    assertThatThrownBy(() -> guard.require(c, "invoices:list"))
        .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
          assertThat(e.reason()).isEqualTo(ReasonCode.MISSING_SCOPE);
          assertThat(e.decision().scope()).isEqualTo("invoices:list");
        });
    assertThat(guard.require(c, "invoices:read").isAllowed()).isTrue();
  }

  @Test
  void check_auditSinkFails_deniedAuditFailed() {
    AuditSink broken = new AuditSink() {
      @Override
      public void write(AuditEvent event) {
        if (event.type() == AuditEventType.ALLOW || event.type() == AuditEventType.DENY) {
          throw new AuditException(AuditException.Reason.WRITE_FAILED, "disk full");
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    AuditLog audit = AuditLog.of(broken);
    CredentialAuthority a = Fixtures.authority(clock, KeyRing.generate(), audit);
    Guard g = new Guard(a, audit, Masker.builder().defaultDetectors().build());
    Credential c = a.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));

    Decision d = g.check(c, "invoices:read");

    assertThat(d.reason()).isEqualTo(ReasonCode.AUDIT_FAILED);
    assertThat(d.message()).contains("disk full");
  }

  @Test
  void check_scopeShapedLikeACardNumber_deniedAuditFailedInsteadOfThrowing() {
    Credential c = finance("invoices:read");

    Decision d = guard.check(c, "invoices:4111111111111111:read");

    assertThat(d.reason()).isEqualTo(ReasonCode.AUDIT_FAILED);
    assertThat(d.message()).contains("audit record could not be written").doesNotContain("4111111111111111");
  }

  @Test
  void decorateSupplier_checksFirst_thenMasksResult() {
    Credential c = finance("invoices:read");
    AtomicLong calls = new AtomicLong();
    Supplier<String> raw = () -> {
      calls.incrementAndGet();
      return "invoice paid with card " + CARD;
    };

    String out = Guard.decorateSupplier(guard, () -> c, "invoices:read", raw).get();
    assertThat(out).doesNotContain(CARD).contains("1111");
    assertThat(calls.get()).isEqualTo(1);

    Supplier<String> denied = guard.decorator(() -> c, "payroll:read").supplier(raw);
    assertThatThrownBy(denied::get).isInstanceOfSatisfying(AccessDeniedException.class,
        e -> assertThat(e.reason()).isEqualTo(ReasonCode.DENIED_BY_RULE));
    assertThat(calls.get()).as("the call never ran when denied").isEqualTo(1);
  }

  @Test
  void decorateFunctionCallableRunnable_allCheckBeforeRunning() throws Exception {
    Credential c = finance("invoices:read");
    AtomicLong ran = new AtomicLong();

    assertThat(Guard.decorateFunction(guard, () -> c, "invoices:read", (String s) -> s + CARD).apply("x: "))
        .doesNotContain(CARD);
    assertThat(Guard.decorateCallable(guard, () -> c, "invoices:read", () -> CARD).call()).doesNotContain(CARD);
    Guard.decorateRunnable(guard, () -> c, "invoices:read", ran::incrementAndGet).run();
    assertThat(ran.get()).isEqualTo(1);
    assertThatThrownBy(() -> Guard.decorateRunnable(guard, () -> null, "invoices:read", ran::incrementAndGet).run())
        .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.NO_CREDENTIAL));
    assertThat(ran.get()).isEqualTo(1);
  }

  @Test
  void mask_revealScope_showsCardsOnlyToThatCredential_andAuditsCounts() throws Exception {
    Credential plain = authority.mint("support-agent", Scopes.of("tickets:read"), Duration.ofMinutes(5));
    Credential revealing = authority.mint("support-agent", Scopes.of("tickets:read", "pii:card:reveal"),
        Duration.ofMinutes(5));
    String ticket = "customer paid with " + CARD;

    assertThat(guard.mask(plain, ticket)).doesNotContain(CARD).endsWith("1111");
    assertThat(guard.mask(revealing, ticket)).contains(CARD);
    JsonNode json = new ObjectMapper().readTree("{\"card\":\"4111-1111-1111-1111\",\"n\":4111111111111111}");
    assertThat(guard.maskJson(plain, json, null).toString()).doesNotContain("4111-1111-1111-1111")
        .doesNotContain("4111111111111111");
    assertThat(sink.events()).filteredOn(e -> e.type() == AuditEventType.MASK)
        .isNotEmpty().allSatisfy(e -> assertThat(e.toString()).doesNotContain(CARD));
    assertThat(sink.events()).filteredOn(e -> e.type() == AuditEventType.MASK)
        .anySatisfy(e -> assertThat(e.attributes()).containsKey("reveal.card"));
  }

  @Test
  void maskingSession_revealsUntilRevoked_thenMasksTheNextValue() {
    Credential revealing = authority.mint("support-agent", Scopes.of("tickets:read", "pii:card:reveal"),
        Duration.ofMinutes(5));
    Credential plain = authority.mint("support-agent", Scopes.of("tickets:read"), Duration.ofMinutes(5));
    MaskingSession reveal = guard.maskingSession(revealing, "sql-1");
    MaskingSession masked = guard.maskingSession(plain, "sql-2");

    assertThat(reveal.revealed()).containsExactly("card");
    assertThat(reveal.mask("row 1: " + CARD)).contains(CARD);
    assertThat(masked.mask("row 1: " + CARD)).doesNotContain(CARD);
    authority.revoke(revealing);
    assertThat(reveal.mask("row 2: " + CARD)).doesNotContain(CARD).endsWith("1111");
    assertThat(sink.events()).filteredOn(e -> e.type() == AuditEventType.MASK)
        .anySatisfy(e -> assertThat(e.correlationId()).contains("sql-2"));
  }

  @Test
  void mask_revokedRevealCredential_revealsNothing() {
    Credential revealing = authority.mint("support-agent", Scopes.of("tickets:read", "pii:card:reveal"),
        Duration.ofMinutes(5));
    authority.revoke(revealing);

    assertThat(guard.revealed(revealing)).isEmpty();
    assertThat(guard.mask(revealing, "card " + CARD)).doesNotContain(CARD);
  }

  /**
   * 8 threads check continuously while another revokes. Each reads the "revoke returned" flag
   * before its check; an allow for a check that started after revoke returned is a violation.
   */
  @org.junit.jupiter.api.RepeatedTest(3)
  void check_eightThreadsWhileRevoking_noAllowAfterRevokeReturns() throws Exception {
    Credential c = finance("invoices:read");
    AtomicBoolean revoked = new AtomicBoolean();
    AtomicLong violations = new AtomicLong();
    AtomicLong deniedAfter = new AtomicLong();
    CountDownLatch started = new CountDownLatch(8);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      futures.add(pool.submit(() -> {
        started.countDown();
        for (int i = 0; i < 5_000; i++) {
          boolean after = revoked.get();
          Decision d = guard.check(c, "invoices:read");
          if (after && d.isAllowed()) {
            violations.incrementAndGet();
          }
          if (after && d.reason() == ReasonCode.REVOKED) {
            deniedAfter.incrementAndGet();
          }
        }
      }));
    }
    started.await();
    authority.revoke(c);
    revoked.set(true);
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();

    assertThat(violations.get()).isZero();
    assertThat(guard.check(c, "invoices:read").reason()).isEqualTo(ReasonCode.REVOKED);
  }

  @Test
  void checkSecret_grantsOnlyItsScopes_andNeverLeaksTheSecret() {
    var lease = authority.leaseSecret("ci-pipeline", "deploy-key", Scopes.of("secrets:deploy-key:read"),
        Duration.ofMinutes(10));
    String secret = lease.secret().reveal();

    assertThat(guard.checkSecret(secret, "secrets:deploy-key:read").isAllowed()).isTrue();
    Decision wrongScope = guard.checkSecret(secret, "deploy:prod");
    assertThat(wrongScope.reason()).isEqualTo(ReasonCode.MISSING_SCOPE);
    assertThat(wrongScope.message()).doesNotContain(secret);
    lease.close();
    assertThat(guard.checkSecret(secret, "secrets:deploy-key:read").reason()).isEqualTo(ReasonCode.INVALID_SECRET);
    assertThat(sink.events()).allSatisfy(e -> assertThat(e.toString()).doesNotContain(secret));
  }
}
