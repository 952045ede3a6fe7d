package io.nhipam.bench;

import io.nhipam.mask.MaskReport;
import io.nhipam.mask.Masker;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Masking one short column value at a time, as a guarded result set does for every string it hands
 * out: 1,024 distinct values of the kinds a table holds (two-word names, SKUs, status words, ISO
 * dates, decimal amounts, order numbers), none of which any detector replaces. The score is the
 * average time per value.
 *
 * <ul>
 *   <li>{@code ours}: {@link Masker#mask(CharSequence, Set, java.util.function.Consumer)} with the
 *       default detectors, the call a guarded result set makes for each string;
 *   <li>{@code regexPerDetector}: the same peer as {@link MaskBenchmark}, one pattern per detector;
 *   <li>{@code charTableFloor}: the physical floor, one table lookup per character of each value
 *       and nothing else (as {@link MaskBenchmark#charTablePass}).
 * </ul>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ShortValueBenchmark {
  static final int VALUES = 1_024;
  private static final String[] WORDS = {"order", "shipped", "customer", "warehouse", "pallet", "invoice", "north",
      "delivery", "courier", "window", "morning", "returned", "label", "carton", "fragile", "please", "handle",
      "dock", "signed", "received", "Berlin", "Lisbon", "Acme", "Globex", "Initech"};
  private static final String[] STATUS = {"OPEN", "CLOSED", "PENDING", "shipped", "on hold", "cancelled"};

  /** {@code table}: all six kinds in turn; {@code words}: names and SKUs only, as {@link JdbcBenchmark} reads. */
  @Param({"table", "words"})
  public String kinds;

  /** Every value is clean (checked in setup), so no report ever arrives. */
  private static final Consumer<MaskReport> NOTHING_EXPECTED = r -> {
    throw new IllegalStateException("a clean benchmark value was masked: " + r);
  };

  private final String[] values = new String[VALUES];
  private final boolean[] table = new boolean[128];
  private Masker masker;
  private RegexPerDetectorMasker peer;

  @Setup(Level.Trial)
  public void setUp() {
    QuietLogging.warnOnly();
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < VALUES; i++) {
      values[i] = switch ("words".equals(kinds) ? i % 2 : i % 6) {
        case 0 -> WORDS[rnd.nextInt(WORDS.length)] + " " + WORDS[rnd.nextInt(WORDS.length)];
        case 1 -> "SKU-" + (10_000 + rnd.nextInt(90_000));
        case 2 -> STATUS[rnd.nextInt(STATUS.length)];
        case 3 -> String.format("2026-%02d-%02d", 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
        case 4 -> (rnd.nextInt(100_000)) + "." + String.format("%02d", rnd.nextInt(100));
        default -> "ORD-" + (2_000_000 + rnd.nextInt(1_000_000));
      };
    }
    for (char c : "0123456789@:=-_.+/AaSsGgXxEeVvKkNnRr".toCharArray()) {
      table[c] = true;
    }
    masker = Masker.builder().defaultDetectors().build();
    peer = new RegexPerDetectorMasker();
    for (String v : values) {
      if (!masker.mask(v, Set.of()).text().equals(v) || !peer.mask(v).equals(v)) {
        throw new IllegalStateException("a benchmark value was masked; the values must be clean: " + v);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(VALUES)
  public void ours(Blackhole bh) {
    for (String v : values) {
      bh.consume(masker.mask(v, Set.of(), NOTHING_EXPECTED));
    }
  }

  @Benchmark
  @OperationsPerInvocation(VALUES)
  public void charTableFloor(Blackhole bh) {
    boolean[] t = table;
    for (String v : values) {
      int hits = 0;
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c < 128 && t[c]) {
          hits++;
        }
      }
      bh.consume(hits);
    }
  }

  @Benchmark
  @OperationsPerInvocation(VALUES)
  public void regexPerDetector(Blackhole bh) {
    for (String v : values) {
      bh.consume(peer.mask(v));
    }
  }
}
