package io.nhipam.jdbc;

import io.nhipam.error.ReasonCode;
import io.nhipam.guard.Decision;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A guarded JDBC call was refused. SQLState {@code 42501} (insufficient privilege); carries the
 * {@link Decision} with its reason, so callers can tell a missing scope from an unparseable or
 * forbidden statement without parsing the message.
 */
public final class GuardedSQLException extends SQLException {
  private static final long serialVersionUID = 1L;

  /** SQLState of every guard denial: insufficient privilege. */
  public static final String SQL_STATE = "42501";

  private final transient Decision decision;

  GuardedSQLException(Decision decision) {
    super(Objects.requireNonNull(decision, "decision").message(), SQL_STATE);
    if (decision.isAllowed()) {
      throw new IllegalArgumentException("an allow decision is not a denial");
    }
    this.decision = decision;
  }

  /** The denial. */
  public Decision decision() {
    return decision;
  }

  /** Shortcut for {@code decision().reason()}. */
  public ReasonCode reason() {
    return decision.reason();
  }
}
