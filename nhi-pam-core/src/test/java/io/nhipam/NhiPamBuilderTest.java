package io.nhipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nhipam.audit.AuditLog;
import io.nhipam.audit.AuditSinks;
import io.nhipam.credential.KeyRing;
import io.nhipam.identity.Identity;
import io.nhipam.identity.IdentityKind;
import io.nhipam.policy.IdentityPolicy;
import io.nhipam.policy.Policy;
import org.junit.jupiter.api.Test;

class NhiPamBuilderTest {
  private static Policy policy(String columnAction) {
    return Policy.builder()
        .identity(IdentityPolicy.builder(Identity.of("bot", IdentityKind.BOT, "team@example.com")).allow("a:read").build())
        .maskColumn("db:PUBLIC.CUSTOMERS.EMAIL", columnAction)
        .maskDetector("email", "redact")
        .build();
  }

  @Test
  void build_pseudonymColumnWithoutKey_refusedNamingTheColumn() {
    assertThatThrownBy(() -> NhiPam.builder().policy(policy("pseudonym")).keyRing(KeyRing.generate())
        .audit(AuditLog.of(AuditSinks.inMemory())).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("db:PUBLIC.CUSTOMERS.EMAIL").hasMessageContaining("pseudonymKey");
  }

  @Test
  void build_pseudonymColumnWithKey_masksWithIt_andPolicyDetectorActionsApply() {
    NhiPam pam = NhiPam.builder().policy(policy("pseudonym")).keyRing(KeyRing.generate())
        .audit(AuditLog.of(AuditSinks.inMemory())).pseudonymKey(new byte[32]).build();

    assertThat(pam.masker().mask("mail bob@example.com").text()).isEqualTo("mail [REDACTED:EMAIL]");
  }

  @Test
  void build_missingParts_refusedSayingWhatToSet() {
    assertThatThrownBy(() -> NhiPam.builder().policy(policy("last4")).audit(AuditLog.of(AuditSinks.inMemory())).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("keyRing is required");
    assertThatThrownBy(() -> NhiPam.builder().policy(policy("last4")).keyRing(KeyRing.generate()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("audit is required");
    assertThatThrownBy(() -> NhiPam.builder().masker(io.nhipam.mask.Masker.builder().defaultDetectors().build())
        .masker(io.nhipam.mask.Masker.builder().defaultDetectors().build()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("masker was already set");
  }
}
