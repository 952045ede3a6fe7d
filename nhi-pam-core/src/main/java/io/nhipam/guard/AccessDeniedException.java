package io.nhipam.guard;

import io.nhipam.error.NhiPamException;
import io.nhipam.error.ReasonCode;
import java.util.Objects;

/** Thrown by {@link Guard#require} and the decorators when a check is denied; carries the {@link Decision}. */
public class AccessDeniedException extends NhiPamException {
  private static final long serialVersionUID = 1L;

  private final transient Decision decision;

  public AccessDeniedException(Decision decision) {
    super(Objects.requireNonNull(decision, "decision").message());
    if (decision.isAllowed()) {
      throw new IllegalArgumentException("an allow decision is not a denial");
    }
    this.decision = decision;
  }

  /** The denial, with its reason, rule, credential and identity. */
  public Decision decision() {
    return decision;
  }

  /** Shortcut for {@code decision().reason()}. */
  public ReasonCode reason() {
    return decision.reason();
  }
}
