package io.nhipam.policy;

import com.google.common.collect.ImmutableSortedSet;
import io.nhipam.identity.Identity;
import io.nhipam.scope.Scope;
import io.nhipam.scope.Scopes;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one identity may hold: the ceiling for every credential minted for it.
 *
 * <p>A scope is granted when some {@code allow} pattern matches it and no {@code deny} pattern
 * does (deny overrides allow). {@code reveal} lists masking detectors (e.g. {@code card}) whose
 * values this identity may be allowed to see in clear: each adds the allowed scope
 * {@code pii:<detector>:reveal}, which a credential must still carry explicitly.
 */
public final class IdentityPolicy {
  /** Ceiling on any TTL, whatever a policy file says. */
  public static final Duration ABSOLUTE_MAX_TTL = Duration.ofHours(24);

  private final Identity identity;
  private final Scopes allow;
  private final Scopes deny;
  private final Duration maxTtl;
  private final ImmutableSortedSet<String> reveal;
  private final @Nullable Integer maxRows;
  private final RowLimitAction rowLimitAction;
  private final Scopes effectiveAllow;
  private final boolean hasDenies; // read on every check: one field, not a walk to the set's size

  private IdentityPolicy(Builder b) {
    this.identity = Objects.requireNonNull(b.identity, "identity");
    this.allow = b.allow;
    this.deny = b.deny;
    this.hasDenies = !b.deny.isEmpty();
    this.maxTtl = b.maxTtl;
    this.reveal = ImmutableSortedSet.copyOf(b.reveal);
    this.maxRows = b.maxRows;
    this.rowLimitAction = b.rowLimitAction;
    if (maxTtl.isNegative() || maxTtl.isZero() || maxTtl.compareTo(ABSOLUTE_MAX_TTL) > 0) {
      throw new IllegalArgumentException("maxTtl of '" + identity.id() + "' must be between 1 second and "
          + ABSOLUTE_MAX_TTL + ", was " + maxTtl);
    }
    if (maxRows != null && maxRows < 1) {
      throw new IllegalArgumentException("maxRows of '" + identity.id() + "' must be at least 1, was " + maxRows);
    }
    ImmutableSortedSet.Builder<Scope> eff = ImmutableSortedSet.naturalOrder();
    eff.addAll(allow.asSet());
    for (String detector : reveal) {
      eff.add(revealScope(detector));
    }
    this.effectiveAllow = Scopes.copyOf(eff.build());
  }

  /** The scope that lets a credential see values of {@code detector} unmasked. */
  public static Scope revealScope(String detector) {
    return Scope.of("pii:" + detector + ":reveal");
  }

  public static Builder builder(Identity identity) {
    return new Builder(identity);
  }

  public Identity identity() {
    return identity;
  }

  /** The allow patterns as written in the policy. */
  public Scopes allow() {
    return allow;
  }

  /** Allow patterns plus the reveal scopes derived from {@link #reveal()}. */
  public Scopes effectiveAllow() {
    return effectiveAllow;
  }

  public Scopes deny() {
    return deny;
  }

  public Duration maxTtl() {
    return maxTtl;
  }

  /** Detector ids this identity may be granted in clear. */
  public Set<String> reveal() {
    return reveal;
  }

  /** Maximum rows one statement may return to this identity, if limited. */
  public OptionalInt maxRows() {
    return maxRows == null ? OptionalInt.empty() : OptionalInt.of(maxRows);
  }

  /** What happens when a statement would return more than {@link #maxRows()}. */
  public RowLimitAction rowLimitAction() {
    return rowLimitAction;
  }

  /**
   * Whether this policy grants the concrete {@code scope}: some allow pattern (or reveal grant)
   * matches it and no deny pattern does. Deny overrides allow.
   */
  public boolean permits(Scope scope) {
    return deniedBy(scope) == null && allowedBy(scope) != null;
  }

  /** The deny pattern that matches {@code scope}, or null. */
  public @Nullable Scope deniedBy(Scope scope) {
    return hasDenies ? deny.matcher().find(scope) : null;
  }

  /** The allow pattern that matches {@code scope}, or null. */
  public @Nullable Scope allowedBy(Scope scope) {
    return effectiveAllow.matcher().find(scope);
  }

  @Override
  public String toString() {
    return "IdentityPolicy{" + identity.id() + ", allow=" + allow + ", deny=" + deny + ", maxTtl=" + maxTtl
        + ", reveal=" + reveal + "}";
  }

  /** What a statement over the row limit does. */
  public enum RowLimitAction {
    /** The statement fails with a denial. */
    DENY,
    /** The result stops after the limit; the truncation is audited. */
    TRUNCATE
  }

  /** Builds an {@link IdentityPolicy}. */
  public static final class Builder {
    private final Identity identity;
    private Scopes allow = Scopes.none();
    private Scopes deny = Scopes.none();
    private Duration maxTtl = Duration.ofMinutes(15);
    private Set<String> reveal = Set.of();
    private @Nullable Integer maxRows;
    private RowLimitAction rowLimitAction = RowLimitAction.DENY;

    private Builder(Identity identity) {
      this.identity = Objects.requireNonNull(identity, "identity");
    }

    public Builder allow(Scopes allow) {
      this.allow = Objects.requireNonNull(allow);
      return this;
    }

    public Builder allow(String... scopes) {
      return allow(Scopes.of(scopes));
    }

    public Builder deny(Scopes deny) {
      this.deny = Objects.requireNonNull(deny);
      return this;
    }

    public Builder deny(String... scopes) {
      return deny(Scopes.of(scopes));
    }

    public Builder maxTtl(Duration maxTtl) {
      this.maxTtl = Objects.requireNonNull(maxTtl);
      return this;
    }

    public Builder reveal(Set<String> detectors) {
      this.reveal = Set.copyOf(detectors);
      return this;
    }

    public Builder maxRows(int maxRows, RowLimitAction action) {
      this.maxRows = maxRows;
      this.rowLimitAction = Objects.requireNonNull(action);
      return this;
    }

    public IdentityPolicy build() {
      return new IdentityPolicy(this);
    }
  }
}
