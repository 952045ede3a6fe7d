package io.nhipam.mask;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A masked copy of a JSON tree and the report. The input tree is never modified; when nothing
 * was masked the returned tree is the input itself. A number that held a detected value becomes
 * a string (its masked form cannot be a number).
 */
public final class MaskedJson {
  private final JsonNode tree;
  private final MaskReport report;

  MaskedJson(JsonNode tree, MaskReport report) {
    this.tree = Objects.requireNonNull(tree, "tree");
    this.report = Objects.requireNonNull(report, "report");
  }

  public JsonNode tree() {
    return tree;
  }

  public MaskReport report() {
    return report;
  }

  @Override
  public String toString() {
    return "MaskedJson{" + report + "}";
  }
}
