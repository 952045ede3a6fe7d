package io.nhipam.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nhipam.audit.AuditEvent;
import io.nhipam.audit.AuditEventType;
import io.nhipam.audit.AuditLog;
import io.nhipam.audit.InMemoryAuditSink;
import io.nhipam.audit.AuditSinks;
import io.nhipam.error.ReasonCode;
import io.nhipam.scope.Scopes;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CredentialAuthorityTest {
  private final Fixtures.MutableClock clock = new Fixtures.MutableClock(Fixtures.T0);
  private final KeyRing ring = KeyRing.generate();
  private InMemoryAuditSink sink;
  private CredentialAuthority authority;

  @BeforeEach
  void setUp() {
    sink = AuditSinks.inMemory();
    authority = Fixtures.authority(clock, ring, AuditLog.of(sink));
  }

  @Test
  void verify_decodedNames_areTheAuthoritysOwnInstances() {
    // so the maps each check consults (policy, registry) find the subject by identity
    Credential c = authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    CredentialAuthority other = Fixtures.authority(clock, ring, AuditLog.of(AuditSinks.inMemory()));

    Credential v = other.verify(c.token()); // decoded from scratch: nothing cached in `other`

    assertThat(v.subject()).isEqualTo("finance-bot").isSameAs(other.policy().find("finance-bot").identity().id());
    assertThat(v.issuer()).isSameAs(other.issuer());
    assertThat(v.audience()).isSameAs(other.audience());
    assertThat(c.subject()).isSameAs(authority.policy().find("finance-bot").identity().id());
  }

  @Test
  void mint_withinPolicy_carriesClaimsAndVerifies() {
    Credential c = authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));

    assertThat(c.subject()).isEqualTo("finance-bot");
    assertThat(c.scopes().values()).containsExactly("invoices:read");
    assertThat(c.expiresAt()).isEqualTo(Fixtures.T0.plus(Duration.ofMinutes(5)));
    assertThat(c.id()).startsWith("cr_").hasSize(25);
    assertThat(c.token()).startsWith("v4.public.");
    assertThat(c.keyId()).isEqualTo(ring.activeKeyId());

    Credential v = authority.verify(c.token());
    assertThat(v.id()).isEqualTo(c.id());
    assertThat(v.scopes()).isEqualTo(c.scopes());
    assertThat(v.identityKind()).isEqualTo(c.identityKind());
    assertThat(sink.events()).extracting(AuditEvent::type).contains(AuditEventType.MINT);
  }

  @Test
  void build_auditsTheInitialPolicyLoad() {
    assertThat(sink.events()).first().satisfies(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.POLICY_LOAD);
      assertThat(e.attributes()).containsEntry("source", "fixtures").containsEntry("identities", "4");
    });
  }

  @Test
  void mint_scopeBeyondPolicy_refusedWithReason() {
    assertThatThrownBy(() -> authority.mint("finance-bot", Scopes.of("invoices:write"), Duration.ofMinutes(5)))
        .isInstanceOfSatisfying(CeilingExceededException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.SCOPE_EXCEEDS_CEILING))
        .hasMessageContaining("invoices:write").hasMessageContaining("finance-bot");
  }

  @Test
  void mint_deniedScope_refusedNamingTheRule() {
    assertThatThrownBy(() -> authority.mint("finance-bot", Scopes.of("reports:salaries:read"), Duration.ofMinutes(5)))
        .isInstanceOfSatisfying(CeilingExceededException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.SCOPE_EXCEEDS_CEILING))
        .hasMessageContaining("denied by rule reports:salaries:read");
  }

  @Test
  void mint_wildcardBroaderThanPolicy_refused() {
    assertThatThrownBy(() -> authority.mint("finance-bot", Scopes.of("invoices:*"), Duration.ofMinutes(5)))
        .isInstanceOf(CeilingExceededException.class).hasMessageContaining("invoices:*");
    Credential narrower = authority.mint("finance-bot", Scopes.of("reports:q1:read"), Duration.ofMinutes(5));
    assertThat(narrower.scopes().values()).containsExactly("reports:q1:read");
  }

  @Test
  void mint_ttlBeyondPolicy_refusedWithReason() {
    assertThatThrownBy(() -> authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(16)))
        .isInstanceOfSatisfying(CeilingExceededException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.TTL_EXCEEDS_CEILING))
        .hasMessageContaining("PT15M");
  }

  @Test
  void mint_unknownIdentity_refused() {
    assertThatThrownBy(() -> authority.mint("ghost", Scopes.of("invoices:read"), Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(CeilingExceededException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.UNKNOWN_IDENTITY))
        .hasMessageContaining("ghost");
  }

  @Test
  void mint_noScopes_refused() {
    assertThatThrownBy(() -> authority.mint("finance-bot", Scopes.none(), Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(CeilingExceededException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.SCOPE_EXCEEDS_CEILING));
  }

  @Test
  void verify_afterExpiryPlusLeeway_expired() {
    Credential c = authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    clock.advance(Duration.ofMinutes(5).plus(CredentialAuthority.DEFAULT_LEEWAY));
    assertThat(authority.verify(c.token()).id()).isEqualTo(c.id()); // at the edge of leeway: still valid
    clock.advance(Duration.ofSeconds(1));

    assertThatThrownBy(() -> authority.verify(c.token()))
        .isInstanceOfSatisfying(CredentialExpiredException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.EXPIRED))
        .hasMessageContaining(c.id());
  }

  @Test
  void verify_beforeNotBefore_notYetValid() {
    Credential c = authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    clock.set(Fixtures.T0.minus(Duration.ofMinutes(2)));

    assertThatThrownBy(() -> authority.verify(c.token()))
        .isInstanceOfSatisfying(CredentialNotYetValidException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.NOT_YET_VALID));
  }

  @Test
  void verify_otherAudience_wrongAudience() {
    CredentialAuthority other = CredentialAuthority.builder().policy(Fixtures.policy()).keyRing(ring)
        .audit(Fixtures.memoryAudit()).clock(clock).audience("payments-api").build();
    Credential c = authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));

    assertThatThrownBy(() -> other.verify(c.token()))
        .isInstanceOfSatisfying(WrongAudienceException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.WRONG_AUDIENCE))
        .hasMessageContaining("payments-api");
  }

  @Test
  void verify_otherIssuer_wrongIssuer() {
    CredentialAuthority other = CredentialAuthority.builder().policy(Fixtures.policy()).keyRing(ring)
        .audit(Fixtures.memoryAudit()).clock(clock).issuer("someone-else").build();
    Credential c = other.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));

    assertThatThrownBy(() -> authority.verify(c.token()))
        .isInstanceOfSatisfying(WrongIssuerException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.WRONG_ISSUER));
  }

  @Test
  void verify_keyNotInRing_unknownKey() {
    CredentialAuthority other = Fixtures.authority(clock, KeyRing.generate(), Fixtures.memoryAudit());
    Credential c = other.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));

    assertThatThrownBy(() -> authority.verify(c.token()))
        .isInstanceOfSatisfying(UnknownKeyException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.UNKNOWN_KEY))
        .hasMessageContaining(c.keyId());
  }

  @Test
  void verify_failure_isAuditedWithoutToken() {
    Credential c = authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    String tampered = c.token().substring(0, 20) + (c.token().charAt(20) == 'A' ? 'B' : 'A') + c.token().substring(21);

    assertThatThrownBy(() -> authority.verify(tampered)).isInstanceOf(CredentialException.class);
    assertThat(sink.events()).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.VERIFY_FAILURE);
      assertThat(e.toString()).doesNotContain(tampered).doesNotContain(c.token());
    });
  }

  @Test
  void verify_cachedToken_stillSeesRevocation() {
    Credential c = authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    authority.verify(c.token());
    authority.verify(c.token());
    authority.revoke(c);

    assertThatThrownBy(() -> authority.verify(c.token()))
        .isInstanceOfSatisfying(CredentialRevokedException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.REVOKED));
  }

  @Test
  void revokeIdentity_revokesEveryExistingCredential_butNotNewOnes() {
    Credential a = authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    Credential b = authority.mint("finance-bot", Scopes.of("invoices:list"), Duration.ofMinutes(5));
    Credential other = authority.mint("support-agent", Scopes.of("tickets:read"), Duration.ofMinutes(5));

    authority.revokeIdentity("finance-bot");

    assertThat(authority.problem(a)).isEqualTo(ReasonCode.REVOKED);
    assertThat(authority.problem(b)).isEqualTo(ReasonCode.REVOKED);
    assertThat(authority.problem(other)).isNull();
    Credential fresh = authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    assertThat(authority.problem(fresh)).isNull();
  }

  @Test
  void attenuate_subsetAndShorter_childCarriesChain() {
    Credential parent = authority.mint("finance-bot", Scopes.of("invoices:read", "invoices:list"), Duration.ofMinutes(10));
    Credential child = authority.attenuate(parent, Scopes.of("invoices:read"), Duration.ofMinutes(5));

    assertThat(child.scopes().values()).containsExactly("invoices:read");
    assertThat(child.parentId()).contains(parent.id());
    assertThat(child.delegationChain()).extracting(Credential.Actor::subject).containsExactly("finance-bot");
    Credential verified = authority.verify(child.token());
    assertThat(verified.delegationChain()).isEqualTo(child.delegationChain());
  }

  @Test
  void attenuate_moreScopesThanParent_refused() {
    Credential parent = authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(10));

    assertThatThrownBy(() -> authority.attenuate(parent, Scopes.of("invoices:list"), Duration.ofMinutes(5)))
        .isInstanceOfSatisfying(CeilingExceededException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.SCOPE_EXCEEDS_CEILING))
        .hasMessageContaining("not carried by parent");
  }

  @Test
  void attenuate_outlivingParent_refused() {
    Credential parent = authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));

    assertThatThrownBy(() -> authority.attenuate(parent, Scopes.of("invoices:read"), Duration.ofMinutes(6)))
        .isInstanceOfSatisfying(CeilingExceededException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.TTL_EXCEEDS_CEILING))
        .hasMessageContaining("outlive");
  }

  @Test
  void revoke_parent_revokesChildrenAndGrandchildren() {
    Credential parent = authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(10));
    Credential child = authority.delegate(parent, "sub-agent", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    Credential grandchild = authority.attenuate(child, Scopes.of("invoices:read"), Duration.ofMinutes(2));

    authority.revoke(parent);

    assertThat(authority.problem(child)).isEqualTo(ReasonCode.REVOKED);
    assertThat(authority.problem(grandchild)).isEqualTo(ReasonCode.REVOKED);
    assertThatThrownBy(() -> authority.verify(grandchild.token())).isInstanceOf(CredentialRevokedException.class);
  }

  @Test
  void revokeIdentity_ofDelegator_revokesDelegatedChild() {
    Credential parent = authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(10));
    Credential child = authority.delegate(parent, "sub-agent", Scopes.of("invoices:read"), Duration.ofMinutes(5));

    authority.revokeIdentity("finance-bot");

    assertThat(authority.problem(child)).isEqualTo(ReasonCode.REVOKED);
  }

  @Test
  void delegate_beyondSubAgentPolicy_refused() {
    Credential parent = authority.mint("finance-bot", Scopes.of("invoices:read", "invoices:list"), Duration.ofMinutes(10));

    assertThatThrownBy(() -> authority.delegate(parent, "sub-agent", Scopes.of("invoices:list"), Duration.ofMinutes(5)))
        .isInstanceOfSatisfying(CeilingExceededException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.SCOPE_EXCEEDS_CEILING))
        .hasMessageContaining("sub-agent");
  }

  @Test
  void attenuate_revokedParent_refused() {
    Credential parent = authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(10));
    authority.revoke(parent);

    assertThatThrownBy(() -> authority.attenuate(parent, Scopes.of("invoices:read"), Duration.ofMinutes(1)))
        .isInstanceOf(CredentialRevokedException.class);
  }

  @Test
  void registry_countsLiveCredentials_andForgetsRevokedOnes() {
    Credential a = authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(10));
    assertThat(authority.registry().info("finance-bot").orElseThrow().liveCredentials()).isEqualTo(2);

    authority.revoke(a);
    assertThat(authority.registry().info("finance-bot").orElseThrow().liveCredentials()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(11));
    assertThat(authority.registry().info("finance-bot").orElseThrow().liveCredentials()).isZero();
    assertThat(authority.registry().info("finance-bot").orElseThrow().owner()).isEqualTo("team-finance@example.com");
    assertThat(authority.registry().list()).extracting(i -> i.identity().id())
        .containsExactly("ci-pipeline", "finance-bot", "sub-agent", "support-agent");
  }

  @Test
  void credential_toString_neverShowsToken() {
    Credential c = authority.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));

    assertThat(c.toString()).doesNotContain(c.token()).contains("<redacted>").contains(c.id());
  }

  @Test
  void builder_optionSetTwice_refused() {
    assertThatThrownBy(() -> CredentialAuthority.builder().audience("a").audience("b"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("audience was already set");
    assertThatThrownBy(() -> CredentialAuthority.builder().policy(Fixtures.policy()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("keyRing is required");
  }
}
