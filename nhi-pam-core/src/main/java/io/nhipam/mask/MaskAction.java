package io.nhipam.mask;

import java.util.Locale;
import java.util.Objects;

/**
 * What the masker does with a detected value. Immutable; compare with {@link #equals}.
 *
 * <ul>
 *   <li>{@link #lastFour()}: every letter and digit but the last four becomes {@code *}, the
 *       separators keep their place ({@code **** **** **** 4242}); zero-width characters go.
 *   <li>{@link #redact()}: the whole value becomes a label naming the detector, {@code
 *       [REDACTED:CARD]}.
 *   <li>{@link #partial(int, int)}: keep the first and last letters or digits, star the rest.
 *   <li>{@link #pseudonym()}: a keyed HMAC-SHA256 of the value, {@code [CARD:k7Hf3xQ2aB9z]}; the
 *       same value under the same key always gives the same token, so joins still work.
 *   <li>{@link #drop()}: the value is removed.
 * </ul>
 *
 * <p>When a value has no more letters or digits than {@code lastFour} or {@code partial} would
 * keep, every one of them is starred instead: an action never leaves a value whole.
 */
public final class MaskAction {
  /** The kinds of action. */
  public enum Kind {
    LAST_FOUR,
    REDACT,
    PARTIAL,
    PSEUDONYM,
    DROP
  }

  private static final MaskAction LAST_FOUR = new MaskAction(Kind.LAST_FOUR, 0, 4);
  private static final MaskAction REDACT = new MaskAction(Kind.REDACT, 0, 0);
  private static final MaskAction PSEUDONYM = new MaskAction(Kind.PSEUDONYM, 0, 0);
  private static final MaskAction DROP = new MaskAction(Kind.DROP, 0, 0);
  /** Upper bound on what {@link #partial} may keep on either side. */
  static final int MAX_KEEP = 16;

  private final Kind kind;
  private final int keepFirst;
  private final int keepLast;

  private MaskAction(Kind kind, int keepFirst, int keepLast) {
    this.kind = kind;
    this.keepFirst = keepFirst;
    this.keepLast = keepLast;
  }

  /** Star all but the last four letters or digits, keeping separators. */
  public static MaskAction lastFour() {
    return LAST_FOUR;
  }

  /** Replace the value with {@code [REDACTED:<DETECTOR>]}. */
  public static MaskAction redact() {
    return REDACT;
  }

  /**
   * Keep the first {@code keepFirst} and the last {@code keepLast} letters or digits and star the
   * rest; each must be between 0 and 16.
   */
  public static MaskAction partial(int keepFirst, int keepLast) {
    if (keepFirst < 0 || keepLast < 0 || keepFirst > MAX_KEEP || keepLast > MAX_KEEP) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "partial(%d, %d) is out of range: each side keeps between 0 and %d characters",
              keepFirst,
              keepLast,
              MAX_KEEP));
    }
    return new MaskAction(Kind.PARTIAL, keepFirst, keepLast);
  }

  /** Replace the value with a keyed, deterministic pseudonym; the masker needs a pseudonym key. */
  public static MaskAction pseudonym() {
    return PSEUDONYM;
  }

  /** Remove the value. */
  public static MaskAction drop() {
    return DROP;
  }

  /**
   * Parses the policy-file form of an action: {@code last4}, {@code redact}, {@code
   * partial(2,4)}, {@code pseudonym} or {@code drop} (case-sensitive, spaces allowed inside the
   * parentheses).
   *
   * @throws MaskException naming the accepted forms when {@code text} is none of them
   */
  public static MaskAction parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.strip();
    switch (t) {
      case "last4":
        return LAST_FOUR;
      case "redact":
        return REDACT;
      case "pseudonym":
        return PSEUDONYM;
      case "drop":
        return DROP;
      default:
        break;
    }
    if (t.startsWith("partial(") && t.endsWith(")")) {
      String inner = t.substring("partial(".length(), t.length() - 1);
      int comma = inner.indexOf(',');
      if (comma > 0 && inner.indexOf(',', comma + 1) < 0) {
        int first = parseSmallInt(inner.substring(0, comma).strip());
        int last = parseSmallInt(inner.substring(comma + 1).strip());
        if (first >= 0 && last >= 0 && first <= MAX_KEEP && last <= MAX_KEEP) {
          return partial(first, last);
        }
      }
    }
    throw new MaskException(
        "unknown mask action '"
            + abbreviate(t)
            + "'; use one of last4, redact, partial(<keepFirst>,<keepLast>) with each side 0.."
            + MAX_KEEP
            + ", pseudonym, drop");
  }

  private static int parseSmallInt(String s) {
    if (s.isEmpty() || s.length() > 2) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  public Kind kind() {
    return kind;
  }

  /** Letters or digits kept at the start (only for {@link Kind#PARTIAL}; 0 otherwise). */
  public int keepFirst() {
    return keepFirst;
  }

  /** Letters or digits kept at the end (4 for {@link Kind#LAST_FOUR}, N for partial, else 0). */
  public int keepLast() {
    return keepLast;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MaskAction
        && ((MaskAction) o).kind == kind
        && ((MaskAction) o).keepFirst == keepFirst
        && ((MaskAction) o).keepLast == keepLast;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, keepFirst, keepLast);
  }

  /** The policy-file form, which {@link #parse} reads back. */
  @Override
  public String toString() {
    switch (kind) {
      case LAST_FOUR:
        return "last4";
      case REDACT:
        return "redact";
      case PARTIAL:
        return "partial(" + keepFirst + "," + keepLast + ")";
      case PSEUDONYM:
        return "pseudonym";
      default:
        return "drop";
    }
  }
}
