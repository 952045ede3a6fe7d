package io.nhipam.mask;

import java.util.Objects;

/**
 * Masked text and the report of what was masked. When nothing was masked, {@link #text()} is
 * the very {@code String} instance that was passed in (if a {@code String} was passed).
 */
public final class MaskResult {
  private final String text;
  private final MaskReport report;

  MaskResult(String text, MaskReport report) {
    this.text = Objects.requireNonNull(text, "text");
    this.report = Objects.requireNonNull(report, "report");
  }

  /** The masked text. */
  public String text() {
    return text;
  }

  public MaskReport report() {
    return report;
  }

  /** Whether any value was replaced. */
  public boolean changed() {
    return report.maskedCount() > 0;
  }

  /** The report only: the text may still hold revealed values, so it is not printed. */
  @Override
  public String toString() {
    return "MaskResult{length=" + text.length() + ", " + report + "}";
  }
}
