package io.nhipam.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The scope grammar: what parses, what does not and where, and what covers what. */
class ScopeTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "invoices:read", "db:finance.payroll:select", "secrets:deploy-key:read", "invoices:*", "payroll:**",
      "db:*.payroll:select", "db:finance.*:**", "a.b", "x:a!#$%&'()+,;<=>?@[]^_`{|}~-/"})
  void of_validText_keepsTextExactly(String text) {
    Scope scope = Scope.of(text);
    assertThat(scope.value()).isEqualTo(text);
    assertThat(scope.toString()).isEqualTo(text);
    assertThat(Scope.isValid(text)).isTrue();
  }

  @ParameterizedTest(name = "{0} -> position {1}: {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "~~              | 0 | scope is empty",
      "invoices        | 8 | expected resource:action (at least two segments)",
      "invoices:       | 9 | empty segment",
      ":read           | 0 | empty segment",
      "a::b            | 2 | empty segment",
      "inv oices:read  | 3 | character not allowed in a scope",
      "a:b\"           | 3 | character not allowed in a scope",
      "a\\b:c          | 1 | character not allowed in a scope",
      "inv*:read       | 3 | '*' must be a whole segment ('*' or '**'), not part of one",
      "invoices:re**   | 11 | '*' must be a whole segment",
      "*:read          | 0 | the first segment (the resource) cannot be a wildcard",
      "**:read         | 0 | the first segment (the resource) cannot be a wildcard",
      "payroll:**:read | 8 | '**' may only be the last segment",
      "db:**.x:select  | 3 | '**' may only be the last segment",
      "caf\u00e9:read      | 3 | non-ASCII character (scopes are compared byte for byte; write the ASCII name)",
  })
  void of_invalidText_failsWithPositionAndReason(String text, int position, String reason) {
    assertThatThrownBy(() -> Scope.of(text))
        .isInstanceOfSatisfying(ScopeSyntaxException.class, e -> {
          assertThat(e.position()).isEqualTo(position);
          assertThat(e.getMessage()).contains("at position " + position + ": " + reason)
              .contains("A scope is resource:action");
        });
    assertThat(Scope.isValid(text)).isFalse();
  }

  @Test
  void of_cyrillicAInPayroll_rejectedAsNonAscii() {
    String lookalike = "p\u0430yroll:read"; // U+0430 CYRILLIC SMALL LETTER A
    assertThatThrownBy(() -> Scope.of(lookalike))
        .isInstanceOfSatisfying(ScopeSyntaxException.class, e -> {
          assertThat(e.position()).isEqualTo(1);
          assertThat(e.getMessage()).startsWith("invalid scope 'p\\u0430yroll:read' at position 1: non-ASCII");
        });
    assertThat(Scope.isValid("payroll:read")).isTrue();
  }

  @Test
  void of_controlCharacter_printedEscaped() {
    assertThatThrownBy(() -> Scope.of("a:b\nc"))
        .isInstanceOf(ScopeSyntaxException.class)
        .hasMessageStartingWith("invalid scope 'a:b\\u000ac' at position 3");
  }

  @Test
  void of_tooLong_failsAtLimit() {
    String text = "a:" + "b".repeat(Scope.MAX_LENGTH - 1);
    assertThatThrownBy(() -> Scope.of(text))
        .isInstanceOfSatisfying(ScopeSyntaxException.class, e -> {
          assertThat(e.position()).isEqualTo(Scope.MAX_LENGTH);
          assertThat(e.getMessage()).contains("longer than 256 characters").contains("...");
        });
    assertThat(Scope.isValid("a:" + "b".repeat(Scope.MAX_LENGTH - 2))).isTrue();
  }

  @Test
  void equals_differentCase_notEqualAndNotMatching() {
    Scope lower = Scope.of("invoices:read");
    Scope upper = Scope.of("Invoices:read");
    assertThat(upper).isNotEqualTo(lower);
    assertThat(lower.matches(upper)).isFalse();
    assertThat(Scope.of("invoices:*").matches(Scope.of("invoices:READ"))).isTrue();
    assertThat(Scope.of("invoices:read").matches(Scope.of("invoices:READ"))).isFalse();
  }

  @Test
  void equals_separatorsDiffer_distinctScopes() {
    Scope dotted = Scope.of("a.b:read");
    Scope coloned = Scope.of("a:b:read");
    assertThat(dotted).isNotEqualTo(coloned);
    assertThat(dotted.segmentCount()).isEqualTo(coloned.segmentCount());
    assertThat(dotted.matches(coloned)).isFalse();
    assertThat(Scope.of("a:*:read").matches(dotted)).isFalse();
    assertThat(Scope.of("a.*:read").matches(dotted)).isTrue();
    assertThat(Scope.of("a.**").matches(Scope.of("a:b"))).isFalse();
    assertThat(Scope.of("a:**").matches(Scope.of("a:b.c:d"))).isTrue();
  }

  @Test
  void segments_exposedWithoutSeparators() {
    Scope scope = Scope.of("db:finance.payroll:select");
    assertThat(scope.segmentCount()).isEqualTo(4);
    assertThat(scope.segment(0)).isEqualTo("db");
    assertThat(scope.segment(1)).isEqualTo("finance");
    assertThat(scope.segment(2)).isEqualTo("payroll");
    assertThat(scope.segment(3)).isEqualTo("select");
    assertThat(scope.isConcrete()).isTrue();
    assertThat(Scope.of("db:*.payroll:select").isConcrete()).isFalse();
    assertThat(Scope.of("db:**").isConcrete()).isFalse();
  }

  @Test
  void matches_singleStar_matchesExactlyOneSegment() {
    Scope pattern = Scope.of("invoices:*");
    assertThat(pattern.matches(Scope.of("invoices:read"))).isTrue();
    assertThat(pattern.matches(Scope.of("invoices:read:all"))).isFalse();
    assertThat(pattern.matches(Scope.of("payroll:read"))).isFalse();
    assertThat(Scope.of("db:*:select").matches(Scope.of("db:payroll:select"))).isTrue();
    assertThat(Scope.of("db:*:select").matches(Scope.of("db:payroll:insert"))).isFalse();
  }

  @Test
  void matches_doubleStar_needsAtLeastOneSegment() {
    Scope pattern = Scope.of("db:finance.**");
    assertThat(pattern.matches(Scope.of("db:finance.payroll"))).isTrue();
    assertThat(pattern.matches(Scope.of("db:finance.payroll:select"))).isTrue();
    assertThat(pattern.matches(Scope.of("db:finance"))).isFalse();
    assertThat(pattern.matches(Scope.of("db:other.payroll"))).isFalse();
  }

  @Test
  void covers_patternVersusPattern_followsWhatEachMatches() {
    assertThat(Scope.of("invoices:**").covers(Scope.of("invoices:*"))).isTrue();
    assertThat(Scope.of("invoices:**").covers(Scope.of("invoices:a:**"))).isTrue();
    assertThat(Scope.of("invoices:*").covers(Scope.of("invoices:**"))).isFalse();
    assertThat(Scope.of("invoices:*").covers(Scope.of("invoices:*"))).isTrue();
    assertThat(Scope.of("invoices:read").covers(Scope.of("invoices:*"))).isFalse();
    assertThat(Scope.of("a:b:**").covers(Scope.of("a:**"))).isFalse();
    assertThat(Scope.of("a:*:c").covers(Scope.of("a:*:c"))).isTrue();
    assertThat(Scope.of("a:*:c").covers(Scope.of("a:b:c"))).isTrue();
    assertThat(Scope.of("a:*:c").covers(Scope.of("a:**"))).isFalse();
    assertThat(Scope.of("a:*:*").covers(Scope.of("a:*:c"))).isTrue();
    assertThat(Scope.of("a:*:c").covers(Scope.of("a:*:*"))).isFalse();
  }

  @Test
  void compareTo_ordersByText() {
    assertThat(Scope.of("a:b").compareTo(Scope.of("a:c"))).isNegative();
    assertThat(Scope.of("a:b")).isEqualByComparingTo(Scope.of("a:b"));
    assertThat(Scope.of("a:b")).hasSameHashCodeAs(Scope.of("a:b"));
  }
}
