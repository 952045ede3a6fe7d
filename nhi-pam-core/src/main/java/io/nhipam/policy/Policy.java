package io.nhipam.policy;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import io.nhipam.identity.Identity;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The whole policy: one {@link IdentityPolicy} per identity, and the masking rules.
 *
 * <p>Immutable. Load one from YAML or JSON with {@link PolicyLoader}, or build one in code.
 * Masking rules map a detector id ({@code card}) or a column scope
 * ({@code db:public.customers.card_number}) to an action string ({@code last4}, {@code redact},
 * {@code partial(2,4)}, {@code pseudonym}, {@code drop}), interpreted by the masking engine.
 */
public final class Policy {
  private final ImmutableMap<String, IdentityPolicy> identities;
  // the same entries for find(), which runs on every check: HashMap compares keys by identity
  // before equals, and a verified credential's subject is the policy's own id instance
  private final HashMap<String, IdentityPolicy> lookup;
  private final ImmutableSortedMap<String, String> detectorActions;
  private final ImmutableSortedMap<String, String> columnActions;
  private final String source;

  private Policy(Builder b) {
    this.identities = ImmutableMap.copyOf(b.identities);
    this.lookup = new HashMap<>(identities);
    this.detectorActions = ImmutableSortedMap.copyOf(b.detectorActions);
    this.columnActions = ImmutableSortedMap.copyOf(b.columnActions);
    this.source = b.source;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Policy for {@code identityId}, if the identity is known. */
  public Optional<IdentityPolicy> forIdentity(String identityId) {
    return Optional.ofNullable(find(identityId));
  }

  /** Policy for {@code identityId}, or null. */
  public @Nullable IdentityPolicy find(String identityId) {
    return lookup.get(identityId);
  }

  public Collection<IdentityPolicy> identities() {
    return identities.values();
  }

  /** Masking action per detector id, as written. */
  public Map<String, String> detectorActions() {
    return detectorActions;
  }

  /** Masking action per column ({@code db:<schema>.<table>.<column>}), as written. */
  public Map<String, String> columnActions() {
    return columnActions;
  }

  /** Where the policy came from (a file name, or {@code <code>}). */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "Policy{source=" + source + ", identities=" + identities.keySet() + "}";
  }

  /** Builds a {@link Policy} in code. */
  public static final class Builder {
    private final Map<String, IdentityPolicy> identities = new java.util.LinkedHashMap<>();
    private final Map<String, String> detectorActions = new java.util.TreeMap<>();
    private final Map<String, String> columnActions = new java.util.TreeMap<>();
    private String source = "<code>";

    private Builder() {}

    public Builder identity(IdentityPolicy policy) {
      Objects.requireNonNull(policy, "policy");
      String id = policy.identity().id();
      if (identities.putIfAbsent(id, policy) != null) {
        throw new IllegalStateException("identity '" + id + "' was already added to this policy");
      }
      return this;
    }

    public Builder maskDetector(String detector, String action) {
      if (detectorActions.putIfAbsent(detector, action) != null) {
        throw new IllegalStateException("masking action for detector '" + detector + "' was already set");
      }
      return this;
    }

    public Builder maskColumn(String column, String action) {
      if (columnActions.putIfAbsent(column, action) != null) {
        throw new IllegalStateException("masking action for column '" + column + "' was already set");
      }
      return this;
    }

    public Builder source(String source) {
      this.source = Objects.requireNonNull(source);
      return this;
    }

    public Policy build() {
      return new Policy(this);
    }
  }

  /** Convenience: the identities as records. */
  public Collection<Identity> identityList() {
    return identities.values().stream().map(IdentityPolicy::identity).toList();
  }
}
