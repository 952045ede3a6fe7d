package io.nhipam.bench;

import java.util.Arrays;

/**
 * Found ranges of a peer masker, and the rewrite that replaces each (merged where they overlap)
 * with {@code [REDACTED]}. When nothing was found the input string itself is returned, as ours
 * does.
 */
final class Spans {
  private long[] spans = new long[16];
  private int size;

  void add(int start, int end) {
    if (size == spans.length) {
      spans = Arrays.copyOf(spans, size * 2);
    }
    spans[size++] = ((long) start << 32) | end;
  }

  int size() {
    return size;
  }

  String apply(String text) {
    if (size == 0) {
      return text;
    }
    Arrays.sort(spans, 0, size);
    StringBuilder out = new StringBuilder(text.length());
    int pos = 0;
    int i = 0;
    while (i < size) {
      int start = (int) (spans[i] >>> 32);
      int end = (int) spans[i];
      i++;
      while (i < size && (int) (spans[i] >>> 32) < end) {
        end = Math.max(end, (int) spans[i]);
        i++;
      }
      if (start < pos) {
        start = pos;
      }
      out.append(text, pos, start).append("[REDACTED]");
      pos = Math.max(pos, end);
    }
    return out.append(text, pos, text.length()).toString();
  }
}
