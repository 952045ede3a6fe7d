package io.nhipam.bench;

import io.nhipam.mask.MaskResult;
import io.nhipam.mask.Masker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Masking throughput on three ~64 KB inputs (see {@link MaskInputs}). One op masks the whole
 * input, so MB/s = ops/s × {@link #inputBytes} / 1,048,576 (printed at setup).
 *
 * <ul>
 *   <li>{@code ours}: {@link Masker} with the default detectors;
 *   <li>{@code oursWithGitleaks}: the same plus every gitleaks rule, for like-for-like with peer 2;
 *   <li>{@code regexPerDetector}: peer 1, ten java.util.regex patterns in turn, Luhn and mod-97;
 *   <li>{@code gitleaksRe2j}: peer 2, all gitleaks rules via RE2/J behind an Aho-Corasick
 *       keyword pre-filter;
 *   <li>{@code charTablePass}: the physical floor, one table lookup per character.
 * </ul>
 *
 * <p>The gitleaks file: {@code -p gitleaksRules=/path/to/gitleaks.toml}, else the system
 * property {@code nhipam.shared.dir}, else {@code ../shared} or {@code ../../shared} from the
 * working directory. Setup fails unless ours and peer 1 both mask every planted secret and card.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MaskBenchmark {
  private static final String RULES = "testdata/gitleaks/gitleaks.toml";

  @Param({"prose", "json", "logs"})
  public String input;

  @Param({""})
  public String gitleaksRules;

  /** Size of the input in bytes (ASCII: one byte a character). */
  public int inputBytes;

  private String text;
  private Masker masker;
  private Masker maskerWithGitleaks;
  private RegexPerDetectorMasker peer1;
  private GitleaksRe2jScanner peer2;
  private final boolean[] table = new boolean[65536];

  @Setup(Level.Trial)
  public void setUp() {
    QuietLogging.warnOnly();
    MaskInputs.Input in = MaskInputs.of(input);
    text = in.text();
    inputBytes = text.length();
    Path rules = rulesFile(gitleaksRules);
    masker = Masker.builder().defaultDetectors().build();
    maskerWithGitleaks = Masker.builder().defaultDetectors().gitleaksRules(rules).build();
    peer1 = new RegexPerDetectorMasker();
    peer2 = new GitleaksRe2jScanner(rules);
    // The floor's table: the characters a one-pass scanner would stop on.
    for (char c = '0'; c <= '9'; c++) {
      table[c] = true;
    }
    for (char c : "@:=-_.+/AaSsGgXxEeVvKkNnRr".toCharArray()) {
      table[c] = true;
    }

    MaskResult ours = masker.mask(text, Set.of());
    String oursGl = maskerWithGitleaks.mask(text, Set.of()).text();
    String p1 = peer1.mask(text);
    String p2 = peer2.mask(text);
    List<String> missed = new ArrayList<>();
    int p2Found = 0;
    int oursGlFound = 0;
    for (String secret : in.planted()) {
      if (ours.text().contains(secret)) {
        missed.add("ours missed " + describe(secret));
      }
      if (p1.contains(secret)) {
        missed.add("regexPerDetector missed " + describe(secret));
      }
      p2Found += p2.contains(secret) ? 0 : 1;
      oursGlFound += oursGl.contains(secret) ? 0 : 1;
    }
    System.out.printf("%n[mask setup] input=%s bytes=%d planted=%d | ours findings=%d | regexPerDetector "
            + "changed=%b | gitleaksRe2j planted found=%d/%d changed=%b (%s) | oursWithGitleaks planted "
            + "found=%d/%d changed=%b%n",
        input, inputBytes, in.planted().size(), ours.report().maskedCount(), !p1.equals(text), p2Found,
        in.planted().size(), !p2.equals(text), peer2, oursGlFound, in.planted().size(), !oursGl.equals(text));
    if (!missed.isEmpty()) {
      throw new IllegalStateException("recall check failed on " + input + ": " + missed);
    }
  }

  private static String describe(String secret) {
    return secret.length() <= 8 ? "<redacted>" : secret.substring(0, 6) + "...(" + secret.length() + " chars)";
  }

  static Path rulesFile(String given) {
    List<Path> candidates = new ArrayList<>();
    if (!given.isEmpty()) {
      candidates.add(Path.of(given));
    } else {
      String shared = System.getProperty("nhipam.shared.dir");
      if (shared != null) {
        candidates.add(Path.of(shared).resolve(RULES));
      }
      candidates.add(Path.of("../shared").resolve(RULES));
      candidates.add(Path.of("../../shared").resolve(RULES));
    }
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IllegalStateException("gitleaks rules not found (tried " + candidates + "); pass -p gitleaksRules="
        + "/path/to/shared/" + RULES);
  }

  @Benchmark
  public String ours() {
    return masker.mask(text, Set.of()).text();
  }

  @Benchmark
  public String oursWithGitleaks() {
    return maskerWithGitleaks.mask(text, Set.of()).text();
  }

  @Benchmark
  public String regexPerDetector() {
    return peer1.mask(text);
  }

  @Benchmark
  public String gitleaksRe2j() {
    return peer2.mask(text);
  }

  /** The floor: read every character once and look it up in a table. */
  @Benchmark
  public int charTablePass() {
    String s = text;
    boolean[] t = table;
    int hits = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      if (t[s.charAt(i)]) {
        hits++;
      }
    }
    return hits;
  }
}
