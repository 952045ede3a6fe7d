package io.nhipam.mask;

import java.util.Arrays;

/**
 * A growable list of spans found in one text, in ascending, non-overlapping order. Allocates
 * nothing until the first span is added.
 */
final class Findings {
  private static final int[] NO_INTS = new int[0];
  private static final String[] NO_IDS = new String[0];

  private int[] starts = NO_INTS;
  private int[] ends = NO_INTS;
  private String[] ids = NO_IDS;
  private static final boolean[] NO_FLAGS = new boolean[0];
  private boolean[] encoded = NO_FLAGS;
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int start(int k) {
    return starts[k];
  }

  int end(int k) {
    return ends[k];
  }

  String id(int k) {
    return ids[k];
  }

  /** Whether the span is an encoded (base64, hex, percent) copy of a detected value. */
  boolean encoded(int k) {
    return encoded[k];
  }

  int lastEnd() {
    return size == 0 ? 0 : ends[size - 1];
  }

  void add(int start, int end, String id, boolean isEncoded) {
    if (size == starts.length) {
      int cap = Math.max(8, size * 2);
      starts = Arrays.copyOf(starts, cap);
      ends = Arrays.copyOf(ends, cap);
      ids = Arrays.copyOf(ids, cap);
      encoded = Arrays.copyOf(encoded, cap);
    }
    starts[size] = start;
    ends[size] = end;
    ids[size] = id;
    encoded[size] = isEncoded;
    size++;
  }

  /**
   * Merges {@code extra} (any order, may overlap) into this list: a span overlapping one already
   * here is dropped, so built-in detectors win over loaded rules; among overlapping extra spans
   * the earlier, then longer, wins.
   */
  void mergeFrom(Findings extra) {
    if (extra.size == 0) {
      return;
    }
    Integer[] order = new Integer[extra.size];
    for (int k = 0; k < extra.size; k++) {
      order[k] = k;
    }
    Arrays.sort(
        order,
        (a, b) -> extra.starts[a] != extra.starts[b]
            ? Integer.compare(extra.starts[a], extra.starts[b])
            : Integer.compare(extra.ends[b], extra.ends[a]));
    Findings merged = new Findings();
    int mine = 0;
    int lastEnd = -1;
    for (Integer k : order) {
      int s = extra.starts[k];
      int e = extra.ends[k];
      while (mine < size && starts[mine] < e) {
        if (ends[mine] > s && starts[mine] < e) {
          break;
        }
        merged.add(starts[mine], ends[mine], ids[mine], encoded[mine]);
        lastEnd = Math.max(lastEnd, ends[mine]);
        mine++;
      }
      boolean overlapsMine = mine < size && starts[mine] < e && ends[mine] > s;
      if (!overlapsMine && s >= lastEnd) {
        merged.add(s, e, extra.ids[k], extra.encoded[k]);
        lastEnd = e;
      }
    }
    while (mine < size) {
      if (starts[mine] >= lastEnd) {
        merged.add(starts[mine], ends[mine], ids[mine], encoded[mine]);
        lastEnd = ends[mine];
      }
      mine++;
    }
    this.starts = merged.starts;
    this.ends = merged.ends;
    this.ids = merged.ids;
    this.encoded = merged.encoded;
    this.size = merged.size;
  }
}
