package io.nhipam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nhipam.identity.Identity;
import io.nhipam.identity.IdentityKind;
import io.nhipam.scope.Scope;
import io.nhipam.scope.Scopes;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One identity's ceiling: allow, deny overriding it, reveal grants and the TTL bounds. */
class IdentityPolicyTest {
  private static final Identity BOT = Identity.of("finance-bot", IdentityKind.AI_AGENT, "team@example.com");

  @Test
  void permits_denyMatchesToo_denyOverridesAllow() {
    IdentityPolicy p = IdentityPolicy.builder(BOT)
        .allow("payroll:**", "invoices:read")
        .deny("payroll:salary:*")
        .build();

    Scope salary = Scope.of("payroll:salary:read");
    assertThat(p.allowedBy(salary)).isEqualTo(Scope.of("payroll:**"));
    assertThat(p.deniedBy(salary)).isEqualTo(Scope.of("payroll:salary:*"));
    assertThat(p.permits(salary)).isFalse();

    assertThat(p.permits(Scope.of("payroll:bonus:read"))).isTrue();
    assertThat(p.permits(Scope.of("invoices:read"))).isTrue();
    assertThat(p.permits(Scope.of("invoices:write"))).isFalse();
    assertThat(p.allowedBy(Scope.of("invoices:write"))).isNull();
  }

  @Test
  void reveal_addsRevealScopeToEffectiveAllowOnly() {
    IdentityPolicy p = IdentityPolicy.builder(BOT)
        .allow("tickets:read")
        .reveal(Set.of("card", "gitleaks:aws-access-token"))
        .build();

    assertThat(IdentityPolicy.revealScope("card")).isEqualTo(Scope.of("pii:card:reveal"));
    assertThat(p.allow()).isEqualTo(Scopes.of("tickets:read"));
    assertThat(p.effectiveAllow()).isEqualTo(
        Scopes.of("tickets:read", "pii:card:reveal", "pii:gitleaks:aws-access-token:reveal"));
    assertThat(p.permits(Scope.of("pii:card:reveal"))).isTrue();
    assertThat(p.permits(Scope.of("pii:email:reveal"))).isFalse();
  }

  @Test
  void reveal_deniedExplicitly_denyStillWins() {
    IdentityPolicy p = IdentityPolicy.builder(BOT).reveal(Set.of("card")).deny("pii:**").build();
    assertThat(p.permits(Scope.of("pii:card:reveal"))).isFalse();
  }

  @Test
  void maxTtl_withinBounds_kept() {
    assertThat(IdentityPolicy.builder(BOT).maxTtl(Duration.ofSeconds(1)).build().maxTtl())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(IdentityPolicy.builder(BOT).maxTtl(IdentityPolicy.ABSOLUTE_MAX_TTL).build().maxTtl())
        .isEqualTo(Duration.ofHours(24));
    assertThat(IdentityPolicy.builder(BOT).build().maxTtl()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void maxTtl_outOfBounds_failsNamingIdentityAndBounds() {
    for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(-5),
        IdentityPolicy.ABSOLUTE_MAX_TTL.plusSeconds(1)}) {
      assertThatThrownBy(() -> IdentityPolicy.builder(BOT).maxTtl(bad).build())
          .as("%s", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("maxTtl of 'finance-bot' must be between 1 second and PT24H, was " + bad);
    }
  }

  @Test
  void maxRows_belowOne_fails() {
    assertThatThrownBy(() -> IdentityPolicy.builder(BOT).maxRows(0, IdentityPolicy.RowLimitAction.DENY).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxRows of 'finance-bot' must be at least 1, was 0");
  }

  @Test
  void maxRows_setAndUnset() {
    assertThat(IdentityPolicy.builder(BOT).build().maxRows()).isEqualTo(OptionalInt.empty());
    IdentityPolicy p = IdentityPolicy.builder(BOT).maxRows(100, IdentityPolicy.RowLimitAction.TRUNCATE).build();
    assertThat(p.maxRows()).isEqualTo(OptionalInt.of(100));
    assertThat(p.rowLimitAction()).isEqualTo(IdentityPolicy.RowLimitAction.TRUNCATE);
  }

  @Test
  void policy_sameIdentityTwice_refused() {
    IdentityPolicy p = IdentityPolicy.builder(BOT).build();
    assertThatThrownBy(() -> Policy.builder().identity(p).identity(p))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("identity 'finance-bot' was already added to this policy");
  }
}
