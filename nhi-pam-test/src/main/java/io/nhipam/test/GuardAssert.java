package io.nhipam.test;

import io.nhipam.credential.Credential;
import io.nhipam.guard.Decision;
import io.nhipam.guard.Guard;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on what a {@link Guard} decides:
 * {@code assertThat(guard).denies(cred, "payroll:read").hasReason(DENIED_BY_RULE)}.
 * Each call runs a real check (and so is audited like any other).
 */
public final class GuardAssert extends AbstractAssert<GuardAssert, Guard> {

  GuardAssert(Guard actual) {
    super(actual, GuardAssert.class);
  }

  /** Asserts the check is allowed, and returns the decision for further assertions. */
  public DecisionAssert allows(@Nullable Credential credential, String scope) {
    isNotNull();
    Decision d = actual.check(credential, scope);
    if (d.isDenied()) {
      failWithMessage("expected the guard to allow %s for %s but it denied it (%s): %s", scope,
          credential == null ? "<no credential>" : credential.subject(), d.reason(), d.message());
    }
    return new DecisionAssert(d);
  }

  /** Asserts the check is denied, and returns the decision to assert its reason. */
  public DecisionAssert denies(@Nullable Credential credential, String scope) {
    isNotNull();
    Decision d = actual.check(credential, scope);
    if (d.isAllowed()) {
      failWithMessage("expected the guard to deny %s for %s but it was allowed by %s", scope,
          credential == null ? "<no credential>" : credential.subject(), d.rule().orElse("?"));
    }
    return new DecisionAssert(d);
  }
}
