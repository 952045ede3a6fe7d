package io.nhipam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Peer 2, the gitleaks way: every rule of a gitleaks TOML file with a content regex, compiled
 * with RE2/J (linear time, as Go's regexp), an Aho-Corasick pass over the text to find which
 * rules' keywords occur, then only those rules' regexes (and the keyword-less ones) run over the
 * text; the secret group must meet the rule's Shannon entropy minimum. Allowlists are not
 * applied: they only remove matches, which clean text does not have, so they would not change
 * the cost measured here.
 */
final class GitleaksRe2jScanner {
  private final List<Pattern> patterns = new ArrayList<>();
  private final List<Integer> secretGroups = new ArrayList<>();
  private final List<Double> entropies = new ArrayList<>();
  private final boolean[] alwaysRun;
  private final AhoCorasick keywords;
  private final int skipped;

  GitleaksRe2jScanner(Path toml) {
    JsonNode root;
    try {
      root = new TomlMapper().readTree(toml.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gitleaks rules from " + toml, e);
    }
    List<List<String>> keys = new ArrayList<>();
    int skip = 0;
    for (JsonNode r : root.path("rules")) {
      String regex = r.path("regex").asText("");
      if (regex.isEmpty()) {
        skip++;
        continue;
      }
      Pattern p;
      try {
        p = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        skip++;
        continue;
      }
      patterns.add(p);
      secretGroups.add(Math.min(r.path("secretGroup").asInt(0), p.groupCount()));
      entropies.add(r.path("entropy").asDouble(0));
      List<String> ks = new ArrayList<>();
      for (JsonNode k : r.path("keywords")) {
        ks.add(k.asText().toLowerCase(Locale.ROOT));
      }
      keys.add(ks);
    }
    skipped = skip;
    alwaysRun = new boolean[patterns.size()];
    for (int i = 0; i < keys.size(); i++) {
      alwaysRun[i] = keys.get(i).isEmpty();
    }
    keywords = new AhoCorasick(keys);
  }

  int rules() {
    return patterns.size();
  }

  int skipped() {
    return skipped;
  }

  String mask(String text) {
    boolean[] run = alwaysRun.clone();
    keywords.scan(text, run);
    Spans found = new Spans();
    for (int i = 0; i < run.length; i++) {
      if (!run[i]) {
        continue;
      }
      Matcher m = patterns.get(i).matcher(text);
      int group = secretGroups.get(i);
      double minEntropy = entropies.get(i);
      while (m.find()) {
        int start = m.start(group);
        int end = m.end(group);
        if (start < 0 || (minEntropy > 0 && entropy(text, start, end) < minEntropy)) {
          continue;
        }
        found.add(start, end);
      }
    }
    return found.apply(text);
  }

  static double entropy(String s, int start, int end) {
    int[] counts = new int[128];
    int other = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double n = end - start;
    double h = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = c / n;
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    if (other > 0) {
      double p = other / n;
      h -= p * Math.log(p) / Math.log(2);
    }
    return h;
  }

  @Override
  public String toString() {
    return "GitleaksRe2jScanner{rules=" + patterns.size() + ", skipped=" + skipped + ", " + keywords + "}";
  }
}
