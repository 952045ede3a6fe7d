package io.nhipam.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compact Aho-Corasick automaton over ASCII, case-insensitive (keywords are lower case; the
 * text is folded as it is read), as gitleaks uses to pick the rules worth running. Built as a
 * full DFA over the character classes that occur in keywords, so the scan is one table lookup
 * per character.
 */
final class AhoCorasick {
  private final int[] charClass = new int[128];
  private final int classes;
  private final int[] delta;
  private final int[][] outputs;

  /** {@code keywords.get(i)} are the keywords of rule {@code i}. */
  AhoCorasick(List<List<String>> keywords) {
    int next = 1;
    for (List<String> ks : keywords) {
      for (String k : ks) {
        for (int i = 0; i < k.length(); i++) {
          char c = k.charAt(i);
          if (c >= 128) {
            throw new IllegalArgumentException("non-ASCII keyword " + k);
          }
          if (charClass[c] == 0) {
            charClass[c] = next++;
          }
        }
      }
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      charClass[c] = charClass[Character.toLowerCase(c)];
    }
    classes = next;
    List<int[]> trie = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    trie.add(new int[classes]);
    out.add(new ArrayList<>());
    for (int rule = 0; rule < keywords.size(); rule++) {
      for (String k : keywords.get(rule)) {
        int s = 0;
        for (int i = 0; i < k.length(); i++) {
          int cls = charClass[k.charAt(i)];
          if (trie.get(s)[cls] == 0) {
            trie.get(s)[cls] = trie.size();
            trie.add(new int[classes]);
            out.add(new ArrayList<>());
          }
          s = trie.get(s)[cls];
        }
        out.get(s).add(rule);
      }
    }
    int n = trie.size();
    int[] fail = new int[n];
    delta = new int[n * classes];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 1; c < classes; c++) {
      int t = trie.get(0)[c];
      delta[c] = t;
      if (t != 0) {
        queue.add(t);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      out.get(s).addAll(out.get(fail[s]));
      for (int c = 1; c < classes; c++) {
        int t = trie.get(s)[c];
        if (t != 0) {
          fail[t] = delta[fail[s] * classes + c];
          delta[s * classes + c] = t;
          queue.add(t);
        } else {
          delta[s * classes + c] = delta[fail[s] * classes + c];
        }
      }
    }
    outputs = new int[n][];
    for (int s = 0; s < n; s++) {
      outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).distinct().toArray();
    }
  }

  /** Sets {@code hits[rule]} for every rule with a keyword in {@code text}. */
  void scan(CharSequence text, boolean[] hits) {
    int s = 0;
    int[] d = delta;
    int k = classes;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      s = c < 128 ? d[s * k + charClass[c]] : 0;
      int[] o = outputs[s];
      if (o.length != 0) {
        for (int rule : o) {
          hits[rule] = true;
        }
      }
    }
  }

  @Override
  public String toString() {
    return "AhoCorasick{states=" + outputs.length + ", classes=" + classes + ", table="
        + Arrays.stream(outputs).count() * classes * 4 / 1024 + " KB}";
  }
}
