package io.nhipam.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nhipam.audit.AuditEvent;
import io.nhipam.audit.AuditEventType;
import io.nhipam.audit.AuditLog;
import io.nhipam.audit.AuditSinks;
import io.nhipam.audit.InMemoryAuditSink;
import io.nhipam.error.ReasonCode;
import io.nhipam.scope.Scope;
import io.nhipam.scope.Scopes;
import io.nhipam.secret.SecretFormat;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeaseAndSecretTest {
  private final Fixtures.MutableClock clock = new Fixtures.MutableClock(Fixtures.T0);
  private InMemoryAuditSink sink;
  private CredentialAuthority authority;

  @BeforeEach
  void setUp() {
    sink = AuditSinks.inMemory();
    authority = Fixtures.authority(clock, KeyRing.generate(), AuditLog.of(sink));
  }

  @Test
  void lease_close_revokesItsCredential_andDoubleCloseIsHarmless() {
    CredentialLease lease = authority.lease("ci-pipeline", Scopes.of("deploy:prod"), Duration.ofMinutes(5));
    Credential c = lease.credential();
    assertThat(c.leaseId()).contains(lease.id());
    assertThat(authority.problem(c)).isNull();

    lease.close();
    lease.close();

    assertThat(lease.isClosed()).isTrue();
    assertThat(authority.problem(c)).isEqualTo(ReasonCode.REVOKED);
    assertThat(sink.events()).filteredOn(e -> e.type() == AuditEventType.REVOKE).hasSize(1);
  }

  @Test
  void lease_tryWithResources_revokesAtEndOfBlock() {
    Credential inside;
    try (CredentialLease lease = authority.lease("ci-pipeline", Scopes.of("deploy:prod"), Duration.ofMinutes(5))) {
      inside = lease.credential();
      assertThat(authority.verify(inside.token()).id()).isEqualTo(inside.id());
    }
    assertThatThrownBy(() -> authority.verify(inside.token())).isInstanceOf(CredentialRevokedException.class);
  }

  @Test
  void lease_renew_extendsUpToPolicyMaximumFromFirstIssue_andRevokesPrevious() {
    CredentialLease lease = authority.lease("ci-pipeline", Scopes.of("deploy:prod"), Duration.ofMinutes(10));
    Credential first = lease.credential();
    clock.advance(Duration.ofMinutes(8));

    Credential second = lease.renew(Duration.ofMinutes(10));
    assertThat(second.expiresAt()).isEqualTo(Fixtures.T0.plus(Duration.ofMinutes(18)));
    assertThat(authority.problem(first)).isEqualTo(ReasonCode.REVOKED);
    assertThat(authority.problem(second)).isNull();

    clock.advance(Duration.ofMinutes(10));
    Credential third = lease.renew(Duration.ofMinutes(20));
    assertThat(third.expiresAt()).isEqualTo(lease.hardExpiry()).isEqualTo(Fixtures.T0.plus(Duration.ofMinutes(30)));
    assertThat(sink.events()).extracting(AuditEvent::type).contains(AuditEventType.RENEW);
  }

  @Test
  void lease_renewAfterHardExpiry_refused() {
    CredentialLease lease = authority.lease("ci-pipeline", Scopes.of("deploy:prod"), Duration.ofMinutes(30));
    clock.advance(Duration.ofMinutes(30));

    assertThatThrownBy(() -> lease.renew(Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(CeilingExceededException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.TTL_EXCEEDS_CEILING));
  }

  @Test
  void lease_renewAfterClose_refusedWithReason() {
    CredentialLease lease = authority.lease("ci-pipeline", Scopes.of("deploy:prod"), Duration.ofMinutes(5));
    lease.close();

    assertThatThrownBy(() -> lease.renew(Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(CredentialRevokedException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.REVOKED))
        .hasMessageContaining(lease.id()).hasMessageContaining("closed or revoked");
  }

  @Test
  void lease_renewAfterIdentityRevoked_refused() {
    CredentialLease lease = authority.lease("ci-pipeline", Scopes.of("deploy:prod"), Duration.ofMinutes(5));
    authority.revokeIdentity("ci-pipeline");

    assertThatThrownBy(() -> lease.renew(Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.REVOKED));
  }

  @Test
  void secret_hasRecognisableFormat_andVerifiesUntilClose() {
    SecretLease lease = authority.leaseSecret("ci-pipeline", "deploy-key", Scopes.of("secrets:deploy-key:read"),
        Duration.ofMinutes(10));
    String secret = lease.secret().reveal();

    assertThat(secret).startsWith(SecretFormat.PREFIX).hasSize(SecretFormat.LENGTH);
    assertThat(SecretFormat.isWellFormed(secret)).isTrue();
    SecretGrant grant = authority.verifySecret(secret);
    assertThat(grant.identity()).isEqualTo("ci-pipeline");
    assertThat(grant.grants(Scope.of("secrets:deploy-key:read"))).isTrue();
    assertThat(grant.grants(Scope.of("deploy:prod"))).isFalse();

    lease.close();

    assertThatThrownBy(() -> authority.verifySecret(secret))
        .isInstanceOfSatisfying(CredentialException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.INVALID_SECRET))
        .hasMessageNotContaining(secret);
    assertThat(lease.secret().isDestroyed()).isTrue();
  }

  @Test
  void secret_leaseRevokedThroughTheStore_refused() {
    SecretLease lease = authority.leaseSecret("ci-pipeline", "deploy-key", Scopes.of("secrets:deploy-key:read"),
        Duration.ofMinutes(10));
    String secret = lease.secret().reveal();

    authority.revokeLease(lease.id(), "ci-pipeline", lease.expiresAt());

    assertThatThrownBy(() -> authority.verifySecret(secret))
        .isInstanceOfSatisfying(CredentialException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.INVALID_SECRET))
        .hasMessageContaining("closed or revoked");
  }

  @Test
  void secret_afterTtl_expired() {
    SecretLease lease = authority.leaseSecret("ci-pipeline", "deploy-key", Scopes.of("secrets:deploy-key:read"),
        Duration.ofMinutes(10));
    String secret = lease.secret().reveal();
    clock.advance(Duration.ofMinutes(10));

    assertThatThrownBy(() -> authority.verifySecret(secret))
        .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.EXPIRED))
        .hasMessageNotContaining(secret);
  }

  @Test
  void secret_lookalikes_refusedAsInvalid() {
    SecretLease lease = authority.leaseSecret("ci-pipeline", "deploy-key", Scopes.of("secrets:deploy-key:read"),
        Duration.ofMinutes(10));
    String secret = lease.secret().reveal();
    char last = secret.charAt(secret.length() - 1);
    String badChecksum = secret.substring(0, secret.length() - 1) + (last == 'a' ? 'b' : 'a');
    String unknown = SecretFormat.generate(new java.security.SecureRandom());

    for (String candidate : new String[] {badChecksum, unknown, "nhipam_short", "", secret + " "}) {
      assertThatThrownBy(() -> authority.verifySecret(candidate))
          .isInstanceOfSatisfying(CredentialException.class,
              e -> assertThat(e.reason()).isEqualTo(ReasonCode.INVALID_SECRET));
    }
  }

  @Test
  void secret_beyondPolicy_refused() {
    assertThatThrownBy(() -> authority.leaseSecret("ci-pipeline", "db-root", Scopes.of("secrets:db-root:read"),
        Duration.ofMinutes(10)))
        .isInstanceOfSatisfying(CeilingExceededException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.SCOPE_EXCEEDS_CEILING));
  }

  @Test
  void secret_neverAppearsInToStringOrAudit() {
    SecretLease lease = authority.leaseSecret("ci-pipeline", "deploy-key", Scopes.of("secrets:deploy-key:read"),
        Duration.ofMinutes(10));
    String secret = lease.secret().reveal();
    lease.close();

    assertThat(lease.toString()).doesNotContain(secret).contains("<redacted>");
    assertThat(lease.secret().toString()).isEqualTo("<redacted>");
    assertThat(sink.events()).isNotEmpty().allSatisfy(e -> assertThat(e.toString()).doesNotContain(secret));
    assertThat(sink.events()).extracting(AuditEvent::type)
        .contains(AuditEventType.SECRET_LEASE_OPEN, AuditEventType.SECRET_LEASE_CLOSE);
  }
}
