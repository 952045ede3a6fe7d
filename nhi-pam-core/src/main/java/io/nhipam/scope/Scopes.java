package io.nhipam.scope;

import com.google.common.collect.ImmutableSortedSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable, sorted set of scopes (or scope patterns), with its compiled matcher.
 *
 * <p>{@code Scopes.of("invoices:read", "invoices:list")} is what a credential carries and what a
 * mint request asks for.
 */
public final class Scopes implements Iterable<Scope> {
  private static final Scopes NONE = new Scopes(ImmutableSortedSet.of());

  private final ImmutableSortedSet<Scope> scopes;
  private volatile ScopeMatcher matcher;

  private Scopes(ImmutableSortedSet<Scope> scopes) {
    this.scopes = scopes;
  }

  /** Parses each string as a scope. */
  public static Scopes of(String... scopes) {
    ImmutableSortedSet.Builder<Scope> b = ImmutableSortedSet.naturalOrder();
    for (String s : scopes) {
      b.add(Scope.of(s));
    }
    return new Scopes(b.build());
  }

  /** Parses each string as a scope. */
  public static Scopes parse(Collection<String> scopes) {
    return of(scopes.toArray(new String[0]));
  }

  /** Wraps already parsed scopes. */
  public static Scopes copyOf(Collection<Scope> scopes) {
    scopes.forEach(s -> Objects.requireNonNull(s, "scope"));
    return scopes.isEmpty() ? NONE : new Scopes(ImmutableSortedSet.copyOf(scopes));
  }

  /** The empty set. */
  public static Scopes none() {
    return NONE;
  }

  /** The scopes, sorted. */
  public Set<Scope> asSet() {
    return scopes;
  }

  /** The scopes as strings, sorted. */
  public java.util.List<String> values() {
    return scopes.stream().map(Scope::value).collect(com.google.common.collect.ImmutableList.toImmutableList());
  }

  public boolean isEmpty() {
    return scopes.isEmpty();
  }

  public int size() {
    return scopes.size();
  }

  public boolean contains(Scope scope) {
    return scopes.contains(scope);
  }

  /** The compiled matcher over these scopes (built once, on first use). */
  public ScopeMatcher matcher() {
    ScopeMatcher m = matcher;
    if (m == null) {
      m = ScopeMatcher.compile(scopes);
      matcher = m;
    }
    return m;
  }

  /** Whether some scope in this set matches the concrete {@code scope}. */
  public boolean grants(Scope scope) {
    return matcher().matches(scope);
  }

  /** Whether every scope in {@code other} is covered by some scope here. */
  public boolean coversAll(Scopes other) {
    for (Scope s : other) {
      if (!covers(s)) {
        return false;
      }
    }
    return true;
  }

  /** Whether some scope here covers {@code pattern} (a concrete scope or a pattern). */
  public boolean covers(Scope pattern) {
    if (pattern.isConcrete()) {
      return grants(pattern);
    }
    for (Scope s : scopes) {
      if (s.covers(pattern)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Iterator<Scope> iterator() {
    return scopes.iterator();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scopes && ((Scopes) o).scopes.equals(scopes);
  }

  @Override
  public int hashCode() {
    return scopes.hashCode();
  }

  @Override
  public String toString() {
    return scopes.toString();
  }
}
