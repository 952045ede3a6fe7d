package io.nhipam.mask;

import java.util.Set;

/**
 * The re-scan {@link Masker#mask} makes of its own output, limited to windows around what the
 * previous pass replaced: the rest of the text reads as it did in that pass, which found nothing
 * there, so a whole re-scan would find nothing there either.
 *
 * <p>Why that holds: the scan steps on every {@linkplain Scanner#isSync sync character} outside a
 * match, and where it does, it starts afresh (no run pending, no earlier match reaching past it).
 * A window starts just past a sync character before every position within {@link
 * Scanner#REACH_AHEAD} of a replacement where a detector that {@linkplain
 * Scanner#readsAheadPastSync reads past sync characters} could start (every step before it reads
 * only unchanged text: no farther than the next sync character, or than that reach), and ends at
 * the first sync character the scan steps on past the replacement and past every position within
 * {@link Scanner#REACH_BEHIND} after it from which a detector {@linkplain
 * Scanner#readsBehindPastSync reads back past sync characters} (every step after it reads only
 * unchanged text behind it). In prose a window is then little more than the replacement. Between
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
      int end = spans[2 * k + 1];
      int stopAt = stopAt(text, end);
      if (stopAt < pos) {
        continue; // the window before already stepped on a sync character at or past stopAt
      }
      int from = pos;
      for (int c = firstFarReader(text, Math.max(pos, start - Scanner.REACH_AHEAD), start) - 1; c >= pos; c--) {
        if (Scanner.isSync(text.charAt(c))) {
          from = c + 1;
          break;
        }
      }
      pos = scanner.scanWindow(text, from, stopAt, revealed, out);
    }
    return true;
  }

  /**
   * The first position in {@code [lo, start)} where a detector that reads past sync characters
   * could start (and so read into the replacement at {@code start}), or {@code start}. Detectors
   * starting before it stop at a sync character before it, or start more than {@link
   * Scanner#REACH_AHEAD} before the replacement.
   */
  private static int firstFarReader(String text, int lo, int start) {
    for (int c = lo; c < start; c++) {
      if (Scanner.readsAheadPastSync(text, c)) {
        return c;
      }
    }
    return start;
  }

  /**
   * Where the window after a replacement ending at {@code end} may stop: past the last character
   * within {@link Scanner#REACH_BEHIND} after it from which a detector reads behind past sync
   * characters, or at {@code end}. Every other detector after the window reads behind no further
   * than the sync character the window stops on.
   */
  private static int stopAt(String text, int end) {
    for (int c = Math.min(text.length(), end + Scanner.REACH_BEHIND) - 1; c >= end; c--) {
      if (Scanner.readsBehindPastSync(text.charAt(c))) {
        return c + 1;
      }
    }
    return end;
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
