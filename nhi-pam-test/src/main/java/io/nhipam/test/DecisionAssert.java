package io.nhipam.test;

import io.nhipam.error.ReasonCode;
import io.nhipam.guard.Decision;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link Decision}: {@code assertThat(decision).isDenied().hasReason(MISSING_SCOPE)}. */
public final class DecisionAssert extends AbstractAssert<DecisionAssert, Decision> {

  DecisionAssert(Decision actual) {
    super(actual, DecisionAssert.class);
  }

  public DecisionAssert isAllowed() {
    isNotNull();
    if (!actual.isAllowed()) {
      failWithMessage("expected an allow for %s but it was denied (%s): %s", actual.scope(), actual.reason(),
          actual.message());
    }
    return this;
  }

  public DecisionAssert isDenied() {
    isNotNull();
    if (actual.isAllowed()) {
      failWithMessage("expected a denial of %s but it was allowed by %s", actual.scope(), actual.rule().orElse("?"));
    }
    return this;
  }

  public DecisionAssert hasReason(ReasonCode reason) {
    isNotNull();
    if (actual.reason() != reason) {
      failWithMessage("expected reason %s for %s but was %s: %s", reason, actual.scope(), actual.reason(),
          actual.message());
    }
    return this;
  }

  /** The deciding rule: the granting pattern for an allow, the deny rule for {@code DENIED_BY_RULE}. */
  public DecisionAssert hasRule(String rule) {
    isNotNull();
    if (!actual.rule().map(rule::equals).orElse(false)) {
      failWithMessage("expected rule %s for %s but was %s", rule, actual.scope(), actual.rule().orElse("<none>"));
    }
    return this;
  }

  public DecisionAssert hasMessageContaining(String text) {
    isNotNull();
    if (!actual.message().contains(text)) {
      failWithMessage("expected the message of %s to contain '%s' but it was: %s", actual.scope(), text,
          actual.message());
    }
    return this;
  }

  public DecisionAssert isForIdentity(String identity) {
    isNotNull();
    if (!actual.identity().map(identity::equals).orElse(false)) {
      failWithMessage("expected a decision for identity %s but it was for %s", identity,
          actual.identity().orElse("<none>"));
    }
    return this;
  }
}
