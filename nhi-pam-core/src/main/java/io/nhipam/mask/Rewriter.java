package io.nhipam.mask;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Applies the actions to the spans a scan found and builds the output and the report. */
final class Rewriter {
  /** Longest replacement text any action produces for a value (labels are cut to fit). */
  static final int MAX_REPLACEMENT = 64;
  private static final int MAX_LABEL = 44;

  private Rewriter() {}

  /** Upper-case label of a detector id, cut to a bounded length. */
  static String label(String detectorId) {
    String l = detectorId.toUpperCase(Locale.ROOT);
    return l.length() <= MAX_LABEL ? l : l.substring(0, MAX_LABEL);
  }

  /** The outcome of a rewrite: the text and the findings (offsets shifted by a base). */
  record Output(String text, List<Finding> findings) {}

  /**
   * Rewrites {@code s[from, to)}; findings are in {@code s} coordinates and reported at {@code
   * offsetBase + start - from}. Returns the unchanged text (same instance for a String spanning
   * the whole input) when nothing is masked.
   */
  static Output rewrite(
      CharSequence s, int from, int to, Findings found, Policy policy, Set<String> revealed,
      long offsetBase, String pointer) {
    return rewrite(s, from, to, found, policy, revealed, offsetBase, pointer, null);
  }

  /**
   * As {@link #rewrite(CharSequence, int, int, Findings, Policy, Set, long, String)}; when {@code
   * spans} is given (two slots a finding), it receives where each finding's replacement, or the
   * value itself when revealed, stands in the output text: start and end, in finding order.
   */
  static Output rewrite(
      CharSequence s, int from, int to, Findings found, Policy policy, Set<String> revealed,
      long offsetBase, String pointer, int @Nullable [] spans) {
    if (found.isEmpty()) {
      return new Output(slice(s, from, to), List.of());
    }
    List<Finding> findings = new ArrayList<>(found.size());
    boolean anyMasked = false;
    for (int k = 0; k < found.size(); k++) {
      boolean isRevealed = revealed.contains(found.id(k));
      anyMasked |= !isRevealed;
      findings.add(new Finding(found.id(k), offsetBase + found.start(k) - from,
          offsetBase + found.end(k) - from, isRevealed, pointer));
    }
    if (!anyMasked) {
      if (spans != null) {
        for (int k = 0; k < found.size(); k++) {
          spans[2 * k] = found.start(k) - from;
          spans[2 * k + 1] = found.end(k) - from;
        }
      }
      return new Output(slice(s, from, to), findings);
    }
    StringBuilder b = new StringBuilder(to - from + 16);
    int pos = from;
    for (int k = 0; k < found.size(); k++) {
      if (findings.get(k).revealed()) {
        if (spans != null) { // copied in clear with the text around it
          spans[2 * k] = b.length() + found.start(k) - pos;
          spans[2 * k + 1] = b.length() + found.end(k) - pos;
        }
        continue;
      }
      b.append(s, pos, found.start(k));
      if (spans != null) {
        spans[2 * k] = b.length();
      }
      apply(b, s, found.start(k), found.end(k), found.id(k), found.encoded(k), policy);
      if (spans != null) {
        spans[2 * k + 1] = b.length();
      }
      pos = found.end(k);
    }
    b.append(s, pos, to);
    return new Output(b.toString(), findings);
  }

  private static String slice(CharSequence s, int from, int to) {
    if (from == 0 && to == s.length() && s instanceof String) {
      return (String) s;
    }
    return s.subSequence(from, to).toString();
  }

  static void apply(
      StringBuilder b, CharSequence s, int start, int end, String id, boolean encoded,
      Policy policy) {
    MaskAction action = policy.actionFor(id);
    applyAction(b, s, start, end, id, action, encoded,
        action.kind() == MaskAction.Kind.PSEUDONYM ? policy.pseudonymizer() : null);
  }

  /** Writes {@code s[start, end)} masked by {@code action}, labelled {@code id}. */
  static void applyAction(
      StringBuilder b, CharSequence s, int start, int end, String id, MaskAction action, boolean encoded,
      @Nullable Pseudonymizer pseudonymizer) {
    MaskAction.Kind kind = action.kind();
    if (encoded && (kind == MaskAction.Kind.LAST_FOUR || kind == MaskAction.Kind.PARTIAL)) {
      kind = MaskAction.Kind.REDACT; // an encoded run has no digits to keep in place
    }
    switch (kind) {
      case LAST_FOUR:
      case PARTIAL:
        keep(b, s, start, end, action.keepFirst(), action.keepLast());
        break;
      case REDACT:
        b.append("[REDACTED:").append(label(id)).append(']');
        break;
      case PSEUDONYM:
        b.append(java.util.Objects.requireNonNull(pseudonymizer, "pseudonym key").pseudonym(id, s, start, end));
        break;
      case DROP:
      default:
        break;
    }
  }

  /** Stars every letter or digit but the first {@code first} and last {@code last}. */
  private static void keep(StringBuilder b, CharSequence s, int start, int end, int first, int last) {
    int significant = 0;
    for (int i = start; i < end; i++) {
      if (Chars.isWordChar(s.charAt(i))) {
        significant++;
      }
    }
    boolean starAll = significant <= first + last;
    int seen = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (Chars.isZeroWidth(c)) {
        continue;
      }
      if (!Chars.isWordChar(c)) {
        b.append(c);
        continue;
      }
      boolean kept = !starAll && (seen < first || seen >= significant - last);
      b.append(kept ? c : '*');
      seen++;
    }
  }

  /** Per-detector actions and the pseudonym key: what the builder configured. */
  interface Policy {
    MaskAction actionFor(String detectorId);

    Pseudonymizer pseudonymizer();
  }
}
