package io.nhipam.mask;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a masking run found: counts per detector and the positions, never the plaintext, so a
 * report may be logged or audited as it is. Values left in clear because the caller may reveal
 * them are counted apart ({@link #revealedCounts()}) so reveals can be audited. Counts are
 * always exact; the list of positions keeps the first {@link #MAX_FINDINGS} (a long stream can
 * find more than is worth holding) and says so in {@link #findingsTruncated()}.
 */
public final class MaskReport {
  /** Most positions a report keeps. */
  public static final int MAX_FINDINGS = 10_000;

  private static final MaskReport EMPTY = new MaskReport(List.of(), Map.of(), Map.of(), false);

  private final List<Finding> findings;
  private final Map<String, Integer> maskedCounts;
  private final Map<String, Integer> revealedCounts;
  private final boolean truncated;

  private MaskReport(
      List<Finding> findings, Map<String, Integer> masked, Map<String, Integer> revealed,
      boolean truncated) {
    this.findings = findings;
    this.maskedCounts = masked;
    this.revealedCounts = revealed;
    this.truncated = truncated;
  }

  /** The report of a run that found nothing. */
  public static MaskReport empty() {
    return EMPTY;
  }

  static MaskReport of(List<Finding> findings) {
    if (findings.isEmpty()) {
      return EMPTY;
    }
    boolean truncated = findings.size() > MAX_FINDINGS;
    List<Finding> kept = truncated ? findings.subList(0, MAX_FINDINGS) : findings;
    if (oneMaskedDetector(findings)) { // the usual case: no map to sort
      return new MaskReport(List.copyOf(kept), Map.of(findings.get(0).detector(), findings.size()), Map.of(),
          truncated);
    }
    Map<String, Integer> masked = new TreeMap<>();
    Map<String, Integer> revealed = new TreeMap<>();
    for (Finding f : findings) {
      (f.revealed() ? revealed : masked).merge(f.detector(), 1, Integer::sum);
    }
    return new MaskReport(List.copyOf(kept), Collections.unmodifiableMap(masked),
        Collections.unmodifiableMap(revealed), truncated);
  }

  /** Whether every finding is masked and comes from the same detector. */
  private static boolean oneMaskedDetector(List<Finding> findings) {
    String id = findings.get(0).detector();
    for (Finding f : findings) {
      if (f.revealed() || !f.detector().equals(id)) {
        return false;
      }
    }
    return true;
  }

  static MaskReport concat(MaskReport a, MaskReport b) {
    if (b.isEmpty()) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    List<Finding> all = new ArrayList<>(Math.min(MAX_FINDINGS, a.findings.size() + b.findings.size()));
    all.addAll(a.findings);
    for (Finding f : b.findings) {
      if (all.size() >= MAX_FINDINGS) {
        break;
      }
      all.add(f);
    }
    boolean truncated = a.truncated || b.truncated
        || a.findings.size() + b.findings.size() > MAX_FINDINGS;
    return new MaskReport(List.copyOf(all), sum(a.maskedCounts, b.maskedCounts),
        sum(a.revealedCounts, b.revealedCounts), truncated);
  }

  private static Map<String, Integer> sum(Map<String, Integer> a, Map<String, Integer> b) {
    if (b.isEmpty()) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    Map<String, Integer> m = new TreeMap<>(a);
    b.forEach((k, v) -> m.merge(k, v, Integer::sum));
    return Collections.unmodifiableMap(m);
  }

  /** The findings in input order, masked and revealed alike (the first {@link #MAX_FINDINGS}). */
  public List<Finding> findings() {
    return findings;
  }

  /** Whether more was found than {@link #findings()} lists. */
  public boolean findingsTruncated() {
    return truncated;
  }

  /** Number of values masked, per detector id (sorted by id). */
  public Map<String, Integer> counts() {
    return maskedCounts;
  }

  /** Number of values left in clear because revealed, per detector id (sorted by id). */
  public Map<String, Integer> revealedCounts() {
    return revealedCounts;
  }

  /** Total number of values masked (revealed ones not included). */
  public int maskedCount() {
    int n = 0;
    for (int v : maskedCounts.values()) {
      n += v;
    }
    return n;
  }

  /** Total number of values left in clear because revealed. */
  public int revealedCount() {
    int n = 0;
    for (int v : revealedCounts.values()) {
      n += v;
    }
    return n;
  }

  /** Whether nothing was found at all. */
  public boolean isEmpty() {
    return maskedCounts.isEmpty() && revealedCounts.isEmpty();
  }

  /** Counts only; safe to log. */
  @Override
  public String toString() {
    return "MaskReport{masked=" + maskedCounts + ", revealed=" + revealedCounts + "}";
  }
}
