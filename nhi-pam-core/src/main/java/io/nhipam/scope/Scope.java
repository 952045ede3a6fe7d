package io.nhipam.scope;

import java.util.Arrays;
import java.util.Objects;

/**
 * A permission string such as {@code invoices:read} or {@code db:finance.payroll:select}.
 *
 * <p>Grammar (strict, checked on creation): segments separated by {@code .} or {@code :}; at
 * least two segments; each segment is one or more RFC 6749 scope-token characters other than the
 * two separators and {@code *} (that is printable ASCII except space, {@code "}, {@code \}); a
 * segment that is exactly {@code *} matches any one segment, and a last segment that is exactly
 * {@code **} matches one or more trailing segments. Wildcards are not allowed in the first
 * segment, inside a segment ({@code inv*}), or {@code **} anywhere but last.
 *
 * <p>Comparison is byte-exact: no case folding and no Unicode normalisation, and non-ASCII text
 * is rejected outright, so a Cyrillic {@code а} in {@code pаyroll} can never be confused with
 * {@code payroll}. The separator is part of the scope: {@code a.b:read} and {@code a:b:read}
 * differ.
 */
public final class Scope implements Comparable<Scope> {
  /** Longest scope accepted, in characters. */
  public static final int MAX_LENGTH = 256;

  static final String ONE = "*";
  static final String TAIL = "**";

  private final String value;
  /** Segment tokens, each prefixed by its separator (the first has none): {@code db, :finance}. */
  private final String[] tokens;
  private final boolean concrete;

  private Scope(String value, String[] tokens, boolean concrete) {
    this.value = value;
    this.tokens = tokens;
    this.concrete = concrete;
  }

  /**
   * Parses a scope or scope pattern.
   *
   * @throws ScopeSyntaxException if {@code text} breaks the grammar
   */
  public static Scope of(String text) {
    Objects.requireNonNull(text, "scope text");
    if (text.isEmpty()) {
      throw new ScopeSyntaxException(text, 0, "scope is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new ScopeSyntaxException(text, MAX_LENGTH, "scope is longer than " + MAX_LENGTH + " characters");
    }
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' || c == ':') {
        count++;
      } else if (!isTokenChar(c)) {
        String what = c > 0x7e
            ? "non-ASCII character (scopes are compared byte for byte; write the ASCII name)"
            : "character not allowed in a scope";
        throw new ScopeSyntaxException(text, i, what);
      }
    }
    if (count < 2) {
      throw new ScopeSyntaxException(text, text.length(), "expected resource:action (at least two segments)");
    }
    String[] tokens = new String[count];
    boolean concrete = true;
    int start = 0;
    for (int t = 0; t < count; t++) {
      int end = start;
      while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != ':') {
        end++;
      }
      String segment = text.substring(start, end);
      if (segment.isEmpty()) {
        throw new ScopeSyntaxException(text, start, "empty segment");
      }
      if (segment.indexOf('*') >= 0) {
        concrete = false;
        if (!segment.equals(ONE) && !segment.equals(TAIL)) {
          throw new ScopeSyntaxException(text, start + segment.indexOf('*'),
              "'*' must be a whole segment ('*' or '**'), not part of one");
        }
        if (t == 0) {
          throw new ScopeSyntaxException(text, start, "the first segment (the resource) cannot be a wildcard");
        }
        if (segment.equals(TAIL) && t != count - 1) {
          throw new ScopeSyntaxException(text, start, "'**' may only be the last segment");
        }
      }
      tokens[t] = t == 0 ? segment : text.charAt(start - 1) + segment;
      start = end + 1;
    }
    return new Scope(text, tokens, concrete);
  }

  /** Whether {@code text} parses as a scope. */
  public static boolean isValid(String text) {
    try {
      of(text);
      return true;
    } catch (ScopeSyntaxException e) {
      return false;
    }
  }

  private static boolean isTokenChar(char c) {
    // RFC 6749 scope-token: %x21 / %x23-5B / %x5D-7E, with '.' and ':' taken as separators.
    return c == 0x21 || (c >= 0x23 && c <= 0x5b) || (c >= 0x5d && c <= 0x7e);
  }

  /** The scope exactly as written. */
  public String value() {
    return value;
  }

  /** Whether this scope has no wildcard, i.e. names one permission rather than a pattern. */
  public boolean isConcrete() {
    return concrete;
  }

  /** Number of segments. */
  public int segmentCount() {
    return tokens.length;
  }

  /** Segment {@code i} without its separator. */
  public String segment(int i) {
    return i == 0 ? tokens[0] : tokens[i].substring(1);
  }

  String token(int i) {
    return tokens[i];
  }

  /** Whether this pattern matches the concrete scope {@code other} (itself included). */
  public boolean matches(Scope other) {
    return covers(other);
  }

  /**
   * Whether every concrete scope matched by {@code other} is also matched by this pattern. Used
   * to enforce the policy ceiling when a credential asks for a pattern rather than a scope.
   */
  public boolean covers(Scope other) {
    int n = tokens.length;
    for (int i = 0; i < n; i++) {
      String mine = tokens[i];
      String seg = i == 0 ? mine : mine.substring(1);
      if (seg.equals(TAIL)) {
        // a tail covers one or more remaining segments of any kind, provided the separator fits
        return other.tokens.length > i && (i == 0 || other.tokens[i].charAt(0) == mine.charAt(0));
      }
      if (i >= other.tokens.length) {
        return false;
      }
      String theirs = other.tokens[i];
      if (seg.equals(ONE)) {
        String theirSeg = i == 0 ? theirs : theirs.substring(1);
        if (theirSeg.equals(TAIL) || theirs.charAt(0) != mine.charAt(0)) {
          return false;
        }
      } else if (!mine.equals(theirs)) {
        return false;
      }
    }
    return other.tokens.length == n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scope && ((Scope) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public int compareTo(Scope o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }

  String[] tokens() {
    return Arrays.copyOf(tokens, tokens.length);
  }
}
