package io.nhipam.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Scope sets: sorted, deduplicated, and the ceiling checks built on them. */
class ScopesTest {

  @Test
  void of_duplicatesAndOrder_sortedSet() {
    Scopes s = Scopes.of("invoices:read", "audit:read", "invoices:read");
    assertThat(s.values()).containsExactly("audit:read", "invoices:read");
    assertThat(s.size()).isEqualTo(2);
    assertThat(s).isEqualTo(Scopes.of("audit:read", "invoices:read"));
  }

  @Test
  void of_oneInvalid_failsWholeSet() {
    assertThatThrownBy(() -> Scopes.of("invoices:read", "payroll:**:x"))
        .isInstanceOf(ScopeSyntaxException.class)
        .hasMessageContaining("'**' may only be the last segment");
  }

  @Test
  void grants_usesPatterns() {
    Scopes s = Scopes.of("invoices:*", "db:finance.**");
    assertThat(s.grants(Scope.of("invoices:read"))).isTrue();
    assertThat(s.grants(Scope.of("db:finance.payroll:select"))).isTrue();
    assertThat(s.grants(Scope.of("payroll:read"))).isFalse();
    assertThat(Scopes.none().grants(Scope.of("invoices:read"))).isFalse();
  }

  @Test
  void coversAll_requestWithinCeiling_trueOtherwiseFalse() {
    Scopes ceiling = Scopes.of("invoices:*", "reports:**");
    assertThat(ceiling.coversAll(Scopes.of("invoices:read", "reports:q1:pdf"))).isTrue();
    assertThat(ceiling.coversAll(Scopes.of("invoices:*"))).isTrue();
    assertThat(ceiling.coversAll(Scopes.of("reports:*"))).isTrue();
    assertThat(ceiling.coversAll(Scopes.of("invoices:**"))).isFalse();
    assertThat(ceiling.coversAll(Scopes.of("invoices:read", "payroll:read"))).isFalse();
    assertThat(ceiling.coversAll(Scopes.none())).isTrue();
  }
}
