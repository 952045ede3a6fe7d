package io.nhipam.test;

import io.nhipam.guard.Decision;
import io.nhipam.guard.Guard;

/**
 * Entry point for nhi-pam assertions. Static-import what you need:
 *
 * <pre>{@code
 * import static io.nhipam.test.NhiPamAssertions.assertThat;
 *
 * assertThat(decision).isDenied().hasReason(ReasonCode.MISSING_SCOPE);
 * assertThat(guard).denies(cred, "payroll:read").hasReason(ReasonCode.DENIED_BY_RULE);
 * assertThat(maskedText).containsNoCardNumbers();
 * }</pre>
 *
 * If you also static-import AssertJ's {@code Assertions.assertThat}, call
 * {@link #assertThatText(CharSequence)} for text to avoid the ambiguous overload.
 */
public final class NhiPamAssertions {
  private NhiPamAssertions() {}

  public static DecisionAssert assertThat(Decision decision) {
    return new DecisionAssert(decision);
  }

  public static GuardAssert assertThat(Guard guard) {
    return new GuardAssert(guard);
  }

  public static MaskedTextAssert assertThat(CharSequence text) {
    return new MaskedTextAssert(text);
  }

  /** Same as {@link #assertThat(CharSequence)}, under a name that never clashes with AssertJ's. */
  public static MaskedTextAssert assertThatText(CharSequence text) {
    return new MaskedTextAssert(text);
  }
}
