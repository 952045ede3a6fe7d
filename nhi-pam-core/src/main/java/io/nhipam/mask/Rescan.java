package io.nhipam.mask;

import java.util.Set;

/**
 * The re-scan {@link Masker#mask} makes of its own output, limited to windows around what the
 * previous pass replaced: the rest of the text reads as it did in that pass, which found nothing
 * there, so a whole re-scan would find nothing there either.
 *
 * <p>Why that holds: the scan steps on every {@linkplain Scanner#isSync sync character} outside a
 * match, and where it does, it starts afresh (no run pending, no earlier match reaching past it).
 * A window starts just past a sync character at least {@link Scanner#REACH_AHEAD} before a
 * replacement (every step before it reads only unchanged text: no farther than that, or up to
 * the sync character) and ends at the first sync character the scan steps on at least {@link
 * Scanner#REACH_BEHIND} past it (every step after it reads only unchanged text behind it). Between
 * windows the scan steps, character for character, as the previous pass did between the same
 * matches. Loaded gitleaks rules give no such bound: with them the whole text is re-scanned, as
 * it is when the windows would cover most of it.
 */
final class Rescan {
  private Rescan() {}

  /** How {@link Masker} re-scans its output. */
  enum Mode {
    /** The whole text each pass: the reference the windows are tested against. */
    WHOLE,
    /** Windows, or the whole text when the windows would cover most of it: what masking uses. */
    AUTO,
    /** Windows always, even over most of the text (tests use it on short texts). */
    WINDOWS
  }

  /**
   * Adds to {@code out} exactly what {@code scanner.scan(text, 0, revealed, out)} adds, given that
   * {@code text} is the output of a pass whose findings stand at {@code spans} (start and end
   * pairs, ascending, {@code count} of them; a revealed value stands in clear at its span) and
   * that pass's scan found nothing else.
   *
   * @return whether windows were scanned (false: the whole text was)
   */
  static boolean around(
      Scanner scanner, String text, int[] spans, int count, Set<String> revealed, Findings out,
      Mode mode) {
    int n = text.length();
    if (mode == Mode.WHOLE || scanner.hasGitleaks()
        || (mode == Mode.AUTO && 2 * covered(spans, count) > n)) {
      scanner.scan(text, 0, revealed, out);
      return false;
    }
    int pos = 0; // the scan is settled before pos, and pos is 0 or just past a sync character
    for (int k = 0; k < count && pos < n; k++) {
      int start = spans[2 * k];
      int stopAt = spans[2 * k + 1] + Scanner.REACH_BEHIND;
      if (stopAt <= pos) {
        continue; // the window before already went far enough past this one
      }
      int from = pos;
      for (int c = Math.min(start - Scanner.REACH_AHEAD, n) - 1; c >= pos; c--) {
        if (Scanner.isSync(text.charAt(c))) {
          from = c + 1;
          break;
        }
      }
      pos = scanner.scanWindow(text, from, stopAt, revealed, out);
    }
    return true;
  }

  /** A rough size of the windows, to choose between them and the whole text. */
  private static long covered(int[] spans, int count) {
    long sum = 0;
    for (int k = 0; k < count; k++) {
      sum += spans[2 * k + 1] - spans[2 * k] + Scanner.REACH_AHEAD + Scanner.REACH_BEHIND;
    }
    return sum;
  }
}
