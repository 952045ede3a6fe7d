package io.nhipam.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall per detector on the labelled corpus in test resources (built by
 * corpus-gen.py next to it). Fails when recall for cards, IBANs or nhi-pam secrets is below 100%,
 * or when 1% or more of the negative samples produce a finding they should not.
 */
class CorpusAccuracyTest {
  private static final Set<String> FULL_RECALL =
      Set.of(DetectorIds.CARD, DetectorIds.IBAN, DetectorIds.NHIPAM_SECRET);
  private static final Masker MASKER = Masker.builder().defaultDetectors().build();

  record Sample(String label, String text, String third) {}

  private static List<Sample> positives;
  private static List<Sample> negatives;

  @BeforeAll
  static void load() throws IOException {
    positives = read("corpus-positive.tsv");
    negatives = read("corpus-negative.tsv");
  }

  static List<Sample> read(String name) throws IOException {
    List<Sample> out = new ArrayList<>();
    try (InputStream in = Objects.requireNonNull(
            CorpusAccuracyTest.class.getResourceAsStream(name), name);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        out.add(new Sample(cols[0], unescape(cols[1]), unescape(cols[2])));
      }
    }
    return out;
  }

  static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  @Test
  void corpus_hasEnoughSamples() {
    assertThat(positives).hasSizeGreaterThanOrEqualTo(300);
    assertThat(negatives).hasSizeGreaterThanOrEqualTo(300);
  }

  @Test
  void corpus_precisionAndRecall_meetTargets() {
    Map<String, int[]> stats = new TreeMap<>(); // detector -> {tp, fn, fp}
    List<String> misses = new ArrayList<>();
    for (Sample s : positives) {
      int at = s.text().indexOf(s.third());
      MaskReport report = MASKER.mask(s.text()).report();
      boolean hit = report.findings().stream().anyMatch(f -> f.detector().equals(s.label())
          && f.start() <= at && f.end() >= at + s.third().length());
      stats.computeIfAbsent(s.label(), k -> new int[3])[hit ? 0 : 1]++;
      if (!hit) {
        misses.add(s.label() + " missed in: " + s.text().replace("\n", "\\n")
            + " found " + report.findings());
      }
      MaskResult masked = MASKER.mask(s.text());
      if (hit) {
        assertThat(masked.text()).as("masked %s", s.label()).doesNotContain(s.third());
      }
    }
    int badNegatives = 0;
    List<String> falsePositives = new ArrayList<>();
    for (Sample s : negatives) {
      Set<String> allowed = s.third().equals("-") ? Set.of() : Set.of(s.third().split(","));
      boolean bad = false;
      for (Finding f : MASKER.mask(s.text()).report().findings()) {
        if (!allowed.contains(f.detector())) {
          stats.computeIfAbsent(f.detector(), k -> new int[3])[2]++;
          bad = true;
          falsePositives.add(s.label() + " -> " + f.detector() + " in: " + s.text());
        }
      }
      badNegatives += bad ? 1 : 0;
    }
    System.out.println("detector             recall  precision   (tp/fn/fp)");
    stats.forEach((id, v) -> System.out.printf("%-20s %6.1f%%  %8.1f%%   (%d/%d/%d)%n", id,
        100.0 * v[0] / Math.max(1, v[0] + v[1]), 100.0 * v[0] / Math.max(1, v[0] + v[2]),
        v[0], v[1], v[2]));
    double fpRate = 100.0 * badNegatives / negatives.size();
    System.out.printf("false positives: %d of %d negatives (%.2f%%)%n", badNegatives,
        negatives.size(), fpRate);
    misses.forEach(m -> System.out.println("MISS " + m));
    falsePositives.forEach(m -> System.out.println("FP   " + m));
    for (String id : FULL_RECALL) {
      int[] v = stats.getOrDefault(id, new int[3]);
      assertThat(v[1]).as("misses for %s: %s", id, misses).isZero();
      assertThat(v[0]).as("samples for %s", id).isPositive();
    }
    assertThat(fpRate).as("false positive rate; %s", falsePositives).isLessThan(1.0);
  }
}
