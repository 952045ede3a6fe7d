package io.nhipam.mask;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Aho-Corasick automaton over lowercase ASCII keywords, compiled to a full transition table: one
 * table lookup per input character, case folded on the fly, whatever the number of keywords.
 * Reports which keyword groups (rules) occur in a text.
 */
final class KeywordMatcher {
  private static final int ALPHABET = 128;

  private final int[] next; // state * ALPHABET + char -> state
  private final int[][] outputs; // state -> rule indices ending here (after failure links)

  private KeywordMatcher(int[] next, int[][] outputs) {
    this.next = next;
    this.outputs = outputs;
  }

  /** Builds the automaton; {@code keywords.get(r)} are the keywords of rule {@code r}. */
  static KeywordMatcher build(List<List<String>> keywords) {
    List<int[]> gotoTable = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    gotoTable.add(newRow());
    out.add(new ArrayList<>());
    for (int rule = 0; rule < keywords.size(); rule++) {
      for (String raw : keywords.get(rule)) {
        String k = raw.toLowerCase(Locale.ROOT);
        int state = 0;
        for (int i = 0; i < k.length(); i++) {
          char c = k.charAt(i);
          int nextState = gotoTable.get(state)[c];
          if (nextState <= 0) {
            nextState = gotoTable.size();
            gotoTable.add(newRow());
            out.add(new ArrayList<>());
            gotoTable.get(state)[c] = nextState;
          }
          state = nextState;
        }
        out.get(state).add(rule);
      }
    }
    int states = gotoTable.size();
    int[] fail = new int[states];
    int[] next = new int[states * ALPHABET];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < ALPHABET; c++) {
      int s = gotoTable.get(0)[c];
      if (s > 0) {
        fail[s] = 0;
        queue.add(s);
        next[c] = s;
      } else {
        next[c] = 0;
      }
    }
    while (!queue.isEmpty()) {
      int r = queue.poll();
      out.get(r).addAll(out.get(fail[r]));
      for (int c = 0; c < ALPHABET; c++) {
        int s = gotoTable.get(r)[c];
        if (s > 0) {
          fail[s] = next[fail[r] * ALPHABET + c];
          queue.add(s);
          next[r * ALPHABET + c] = s;
        } else {
          next[r * ALPHABET + c] = next[fail[r] * ALPHABET + c];
        }
      }
    }
    int[][] outputs = new int[states][];
    for (int s = 0; s < states; s++) {
      outputs[s] = out.get(s).stream().distinct().mapToInt(Integer::intValue).toArray();
    }
    return new KeywordMatcher(next, outputs);
  }

  private static int[] newRow() {
    return new int[ALPHABET];
  }

  /** Whether every keyword is plain ASCII (the automaton cannot hold anything else). */
  static boolean isAscii(String keyword) {
    for (int i = 0; i < keyword.length(); i++) {
      if (keyword.charAt(i) >= ALPHABET) {
        return false;
      }
    }
    return !keyword.isEmpty();
  }

  /** Sets in {@code hits} the rules whose keywords occur in {@code s[from, end)}. */
  void matchInto(CharSequence s, int from, int end, BitSet hits) {
    int state = 0;
    for (int i = from; i < end; i++) {
      char c = s.charAt(i);
      if (c >= ALPHABET) {
        state = 0;
        continue;
      }
      state = next[state * ALPHABET + Chars.lower(c)];
      int[] o = outputs[state];
      for (int rule : o) {
        hits.set(rule);
      }
    }
  }
}
