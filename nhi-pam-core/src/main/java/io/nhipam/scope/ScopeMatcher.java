package io.nhipam.scope;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A set of scope patterns compiled into a trie, answering "which pattern grants this scope?"
 * in time that depends on the scope's length, not on the number of patterns.
 *
 * <p>Each trie level is one segment (with its separator); a lookup follows the literal child,
 * the {@code *} child and the {@code **} terminal, so the work per segment is at most three hash
 * lookups whatever the size of the policy. Immutable and thread-safe.
 */
public final class ScopeMatcher {
  private static final ScopeMatcher EMPTY = new ScopeMatcher(new Node());

  private static final int MEMO_SLOTS = 16;

  private final Node root;
  private final boolean empty;
  /**
   * The last answers, one per slot chosen by the query's hash. A guard asks the same matcher about
   * the same few {@link Scope} objects again and again (the scope of each guarded tool or table),
   * so a hit answers with one array read and a string comparison that is usually an identity
   * check. The matcher is immutable, so an answer never goes stale; each slot holds one immutable
   * entry, so racing readers and writers see either an old whole entry or a new whole one.
   */
  private final Memo[] memo = new Memo[MEMO_SLOTS];

  private ScopeMatcher(Node root) {
    this.root = root;
    this.empty = root.children.isEmpty();
  }

  private static final class Memo {
    final String query;
    final @Nullable Scope answer;

    Memo(String query, @Nullable Scope answer) {
      this.query = query;
      this.answer = answer;
    }
  }

  /** A matcher that matches nothing. */
  public static ScopeMatcher empty() {
    return EMPTY;
  }

  /** Compiles {@code patterns} into a matcher. */
  public static ScopeMatcher compile(Collection<Scope> patterns) {
    if (patterns.isEmpty()) {
      return EMPTY;
    }
    Node root = new Node();
    for (Scope pattern : patterns) {
      Objects.requireNonNull(pattern, "pattern");
      Node node = root;
      int n = pattern.segmentCount();
      for (int i = 0; i < n; i++) {
        node = node.children.computeIfAbsent(pattern.token(i), k -> new Node());
      }
      if (node.rule == null) {
        node.rule = pattern;
      }
    }
    return new ScopeMatcher(root);
  }

  /** Whether some pattern matches the concrete {@code scope}. */
  public boolean matches(Scope scope) {
    return find(scope) != null;
  }

  /** The pattern that matches {@code scope}, preferring the most literal one. */
  public Optional<Scope> match(Scope scope) {
    return Optional.ofNullable(find(scope));
  }

  /** Like {@link #match} but returns null when nothing matches (no allocation on the hot path). */
  public @Nullable Scope find(Scope scope) {
    if (empty) {
      return null;
    }
    String query = scope.value();
    int slot = query.hashCode() & (MEMO_SLOTS - 1);
    Memo last = memo[slot];
    if (last != null && (last.query == query || last.query.equals(query))) {
      return last.answer;
    }
    Scope answer = find(root, scope, 0);
    memo[slot] = new Memo(query, answer);
    return answer;
  }

  private static @Nullable Scope find(Node node, Scope scope, int i) {
    int n = scope.segmentCount();
    if (i == n) {
      return node.rule;
    }
    String token = scope.token(i);
    Node literal = node.children.get(token);
    if (literal != null) {
      Scope found = find(literal, scope, i + 1);
      if (found != null) {
        return found;
      }
    }
    if (i == 0) {
      return null; // the first segment is never a wildcard
    }
    char sep = token.charAt(0);
    Node one = node.children.get(sep == '.' ? ".*" : ":*");
    if (one != null) {
      Scope found = find(one, scope, i + 1);
      if (found != null) {
        return found;
      }
    }
    Node tail = node.children.get(sep == '.' ? ".**" : ":**");
    return tail == null ? null : tail.rule;
  }

  /** Whether this matcher has no patterns. */
  public boolean isEmpty() {
    return empty;
  }

  private static final class Node {
    final Map<String, Node> children = new HashMap<>(4);
    @Nullable Scope rule;
  }
}
