package io.nhipam.guard;

import io.nhipam.error.ReasonCode;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The answer to one access check: allowed or denied, why, which rule decided, for which
 * credential and identity. A value users can assert on; {@link Guard#require} turns a denial into
 * an {@link AccessDeniedException} carrying it.
 */
public final class Decision {
  private final boolean allowed;
  private final ReasonCode reason;
  private final @Nullable String message;
  private final String scope;
  private final @Nullable String rule;
  private final @Nullable String credentialId;
  private final @Nullable String identity;

  private Decision(boolean allowed, ReasonCode reason, @Nullable String message, String scope, @Nullable String rule,
      @Nullable String credentialId, @Nullable String identity) {
    this.allowed = allowed;
    this.reason = Objects.requireNonNull(reason, "reason");
    this.message = message;
    this.scope = Objects.requireNonNull(scope, "scope");
    this.rule = rule;
    this.credentialId = credentialId;
    this.identity = identity;
  }

  /** An allow, naming the scope pattern of the credential that granted it. */
  public static Decision allowed(String scope, String rule, @Nullable String credentialId, @Nullable String identity) {
    Objects.requireNonNull(rule, "rule");
    return new Decision(true, ReasonCode.ALLOWED, null, scope, rule, credentialId, identity); // message built on demand
  }

  /** A denial with its reason and a message that says what to do. */
  public static Decision denied(ReasonCode reason, String message, String scope, @Nullable String rule,
      @Nullable String credentialId, @Nullable String identity) {
    if (reason == ReasonCode.ALLOWED) {
      throw new IllegalArgumentException("a denial needs a reason other than ALLOWED");
    }
    return new Decision(false, reason, Objects.requireNonNull(message, "message"), scope, rule, credentialId,
        identity);
  }

  public boolean isAllowed() {
    return allowed;
  }

  public boolean isDenied() {
    return !allowed;
  }

  /** {@link ReasonCode#ALLOWED} for an allow, else why it was denied. */
  public ReasonCode reason() {
    return reason;
  }

  /** A person-readable explanation; never contains a token or secret. */
  public String message() {
    return message != null ? message : "allowed by " + rule;
  }

  /** The scope that was asked for (or, for non-scope checks, what was attempted). */
  public String scope() {
    return scope;
  }

  /** The rule that decided: the granting scope pattern, or the deny rule. */
  public Optional<String> rule() {
    return Optional.ofNullable(rule);
  }

  /** The rule, or null: for the Guard's audit event, which runs on every check. */
  @Nullable String ruleOrNull() {
    return rule;
  }

  public Optional<String> credentialId() {
    return Optional.ofNullable(credentialId);
  }

  public Optional<String> identity() {
    return Optional.ofNullable(identity);
  }

  @Override
  public String toString() {
    return (allowed ? "ALLOW " : "DENY ") + scope + " for " + (identity == null ? "<none>" : identity)
        + (allowed ? "" : " (" + reason + ")") + ": " + message();
  }
}
