package io.nhipam.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The compiled matcher: which pattern wins, and that it agrees with a plain scan at any size. */
class ScopeMatcherTest {

  private static ScopeMatcher compile(String... patterns) {
    List<Scope> list = new ArrayList<>();
    for (String p : patterns) {
      list.add(Scope.of(p));
    }
    return ScopeMatcher.compile(list);
  }

  @Test
  void match_literalAndWildcardBothMatch_literalWins() {
    ScopeMatcher m = compile("invoices:*", "invoices:read", "invoices:**");
    assertThat(m.match(Scope.of("invoices:read"))).contains(Scope.of("invoices:read"));
    assertThat(m.match(Scope.of("invoices:list"))).contains(Scope.of("invoices:*"));
    assertThat(m.match(Scope.of("invoices:list:all"))).contains(Scope.of("invoices:**"));
  }

  @Test
  void match_literalPathDeadEnds_fallsBackToWildcard() {
    ScopeMatcher m = compile("a:b:c", "a:*:d");
    assertThat(m.match(Scope.of("a:b:d"))).contains(Scope.of("a:*:d"));
    assertThat(m.match(Scope.of("a:b:c"))).contains(Scope.of("a:b:c"));
    assertThat(m.match(Scope.of("a:b:e"))).isEmpty();
  }

  @Test
  void matches_tail_needsAtLeastOneSegment() {
    ScopeMatcher m = compile("db:finance.**");
    assertThat(m.matches(Scope.of("db:finance.payroll"))).isTrue();
    assertThat(m.matches(Scope.of("db:finance.payroll:select"))).isTrue();
    assertThat(m.matches(Scope.of("db:finance"))).isFalse();
  }

  @Test
  void matches_wildcardWithOtherSeparator_noMatch() {
    ScopeMatcher m = compile("a.*", "b:**");
    assertThat(m.matches(Scope.of("a.x"))).isTrue();
    assertThat(m.matches(Scope.of("a:x"))).isFalse();
    assertThat(m.matches(Scope.of("b:x.y"))).isTrue();
    assertThat(m.matches(Scope.of("b.x"))).isFalse();
  }

  @Test
  void matches_caseAndLookalikes_byteExact() {
    ScopeMatcher m = compile("payroll:read");
    assertThat(m.matches(Scope.of("payroll:read"))).isTrue();
    assertThat(m.matches(Scope.of("Payroll:read"))).isFalse();
    assertThat(m.matches(Scope.of("payroll:READ"))).isFalse();
  }

  @Test
  void empty_matchesNothing() {
    assertThat(ScopeMatcher.empty().isEmpty()).isTrue();
    assertThat(ScopeMatcher.empty().matches(Scope.of("a:b"))).isFalse();
    assertThat(ScopeMatcher.empty().find(Scope.of("a:b"))).isNull();
    assertThat(ScopeMatcher.compile(List.of()).isEmpty()).isTrue();
    assertThat(ScopeMatcher.compile(List.of()).match(Scope.of("a:b"))).isEmpty();
    assertThat(compile("a:b").isEmpty()).isFalse();
  }

  @Test
  void match_tenThousandPatterns_agreesWithLinearScan() {
    Random random = new Random(42); // fixed seed: the same patterns every run
    List<Scope> patterns = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      patterns.add(Scope.of(randomScope(random, true)));
    }
    ScopeMatcher m = ScopeMatcher.compile(patterns);

    int matched = 0;
    int missed = 0;
    for (int i = 0; i < 20_000; i++) {
      Scope probe = Scope.of(randomScope(random, false));
      Scope found = m.find(probe);
      Scope expected = linearFind(patterns, probe);
      assertThat(found == null).as("match of %s (scan found %s)", probe, expected).isEqualTo(expected == null);
      if (found != null) {
        assertThat(found.matches(probe)).as("%s must match %s", found, probe).isTrue();
        assertThat(patterns).contains(found);
        matched++;
      } else {
        missed++;
      }
    }
    // every pattern matches itself when it is concrete
    for (Scope p : patterns) {
      if (p.isConcrete()) {
        assertThat(m.match(p)).as("%s", p).contains(p);
      }
    }
    assertThat(matched).as("probes that matched").isGreaterThan(1_000);
    assertThat(missed).as("probes that did not").isGreaterThan(1_000);
  }

  @Test
  void find_repeatedProbesSharingMemoSlots_answerAsAFreshMatcher() {
    // more probes than the memo has slots, asked three times each, as the same instance and as an
    // equal new one, interleaved: every answer must be what a fresh matcher (empty memo) gives
    Random random = new Random(7);
    List<Scope> patterns = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      patterns.add(Scope.of(randomScope(random, true)));
    }
    ScopeMatcher m = ScopeMatcher.compile(patterns);
    List<Scope> probes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      probes.add(Scope.of(randomScope(random, false)));
    }
    for (int round = 0; round < 3; round++) {
      for (Scope probe : probes) {
        Scope expected = ScopeMatcher.compile(patterns).find(probe);
        assertThat(m.find(probe)).as("%s, round %s", probe, round).isEqualTo(expected);
        assertThat(m.find(Scope.of(probe.value()))).as("equal copy of %s", probe).isEqualTo(expected);
      }
    }
  }

  private static @Nullable Scope linearFind(List<Scope> patterns, Scope probe) {
    for (Scope p : patterns) {
      if (p.matches(probe)) {
        return p;
      }
    }
    return null;
  }

  private static String randomScope(Random r, boolean pattern) {
    String[] names = {"a", "b", "c", "d"};
    int segments = 2 + r.nextInt(3);
    StringBuilder sb = new StringBuilder("svc").append(r.nextInt(20));
    for (int i = 1; i < segments; i++) {
      sb.append(r.nextBoolean() ? ':' : '.');
      int roll = i < 2 ? 9 : r.nextInt(10); // wildcards from the third segment on, so not all probes match
      if (pattern && roll == 0) {
        sb.append('*');
      } else if (pattern && roll == 1 && i == segments - 1) {
        sb.append("**");
      } else {
        sb.append(names[r.nextInt(names.length)]).append(r.nextInt(4));
      }
    }
    return sb.toString();
  }
}
