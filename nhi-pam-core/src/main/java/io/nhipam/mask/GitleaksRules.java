package io.nhipam.mask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Detectors loaded from a gitleaks rule file (TOML), such as gitleaks' own default {@code
 * gitleaks.toml}. Every pattern is compiled with RE2/J, so no rule can make masking take more
 * than linear time; a rule's {@code keywords} decide, through one Aho-Corasick pass, whether its
 * pattern runs at all. Each loaded rule becomes the detector {@code gitleaks:<rule-id>}.
 *
 * <p>A rule that cannot be used is not silently dropped: {@link #skipped()} names it with the
 * reason (a construct RE2/J lacks, or a rule that only matches file paths). Since masking sees
 * content and no file path, a rule's {@code path} filter is ignored (the rule applies to all
 * content: more masking, not less), as are allowlists that need a path; allowlists on the secret,
 * the match or the line, and stopwords, apply. Inline markers such as {@code gitleaks:allow} in
 * the text have no effect. Immutable and thread-safe.
 */
public final class GitleaksRules {
  /** A rule of the file that is not loaded, and why. */
  public record SkippedRule(String ruleId, String reason) {
    public SkippedRule {
      Objects.requireNonNull(ruleId, "ruleId");
      Objects.requireNonNull(reason, "reason");
    }
  }

  private final List<GitleaksRule> rules;
  private final List<GitleaksRule> alwaysRun;
  private final List<GitleaksRule> keyed;
  private final KeywordMatcher keywords;
  private final List<SkippedRule> skipped;
  private final List<String> detectorIds;

  private GitleaksRules(
      List<GitleaksRule> rules, List<List<String>> ruleKeywords, List<SkippedRule> skipped) {
    this.rules = List.copyOf(rules);
    List<GitleaksRule> always = new ArrayList<>();
    List<GitleaksRule> withKeys = new ArrayList<>();
    List<List<String>> keys = new ArrayList<>();
    for (int k = 0; k < rules.size(); k++) {
      if (ruleKeywords.get(k).isEmpty()) {
        always.add(rules.get(k));
      } else {
        withKeys.add(rules.get(k));
        keys.add(ruleKeywords.get(k));
      }
    }
    this.alwaysRun = List.copyOf(always);
    this.keyed = List.copyOf(withKeys);
    this.keywords = KeywordMatcher.build(keys);
    this.skipped = List.copyOf(skipped);
    List<String> ids = new ArrayList<>();
    for (GitleaksRule r : rules) {
      ids.add(r.detectorId());
    }
    this.detectorIds = List.copyOf(ids);
  }

  /**
   * Loads a gitleaks TOML file.
   *
   * @throws MaskException when the file cannot be read or is not a gitleaks rule file
   */
  public static GitleaksRules load(Path file) {
    Objects.requireNonNull(file, "file");
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return load(reader, file.toString());
    } catch (IOException e) {
      throw new MaskException(
          "cannot read gitleaks rule file " + file + ": " + e.getMessage()
              + "; check the path and permissions",
          e);
    }
  }

  /**
   * Loads gitleaks TOML from a reader (not closed here).
   *
   * @throws MaskException when the text is not a gitleaks rule file
   */
  public static GitleaksRules load(Reader reader) {
    Objects.requireNonNull(reader, "reader");
    return load(reader, "<reader>");
  }

  private static GitleaksRules load(Reader reader, String source) {
    JsonNode root;
    try {
      root = new TomlMapper().readTree(reader);
    } catch (IOException e) {
      throw new MaskException(
          "gitleaks rule file " + source + " is not valid TOML: " + e.getMessage(), e);
    }
    if (root == null || !root.path("rules").isArray()) {
      throw new MaskException(
          "gitleaks rule file " + source + " has no [[rules]] array; expected the gitleaks"
              + " config format (https://github.com/gitleaks/gitleaks#configuration)");
    }
    List<GitleaksRule.Allow> globalAllows = new ArrayList<>();
    List<String> globalStopwords = new ArrayList<>();
    readAllowlist(root.path("allowlist"), globalAllows, globalStopwords);
    for (JsonNode a : root.path("allowlists")) {
      readAllowlist(a, globalAllows, globalStopwords);
    }
    List<GitleaksRule> rules = new ArrayList<>();
    List<List<String>> keywords = new ArrayList<>();
    List<SkippedRule> skipped = new ArrayList<>();
    int index = 0;
    for (JsonNode r : root.path("rules")) {
      index++;
      String id = r.path("id").asText("");
      if (id.isEmpty()) {
        throw new MaskException(
            "gitleaks rule number " + index + " in " + source + " has no id; every rule needs one");
      }
      String regex = r.path("regex").asText("");
      if (regex.isEmpty()) {
        skipped.add(new SkippedRule(id, r.has("path")
            ? "matches file paths only (path = " + r.path("path").asText()
                + "); masking sees content, not file names"
            : "has no regex"));
        continue;
      }
      Pattern pattern;
      try {
        pattern = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        skipped.add(new SkippedRule(id, "RE2/J cannot compile its regex: " + e.getDescription()));
        continue;
      }
      int secretGroup = r.path("secretGroup").asInt(0);
      if (secretGroup < 0 || secretGroup > pattern.groupCount()) {
        skipped.add(new SkippedRule(id, "secretGroup " + secretGroup + " does not exist; the"
            + " regex has " + pattern.groupCount() + " groups"));
        continue;
      }
      List<GitleaksRule.Allow> allows = new ArrayList<>(globalAllows);
      List<String> stopwords = new ArrayList<>(globalStopwords);
      readAllowlist(r.path("allowlist"), allows, stopwords);
      for (JsonNode a : r.path("allowlists")) {
        readAllowlist(a, allows, stopwords);
      }
      List<String> keys = new ArrayList<>();
      boolean usable = true;
      for (JsonNode k : r.path("keywords")) {
        String kw = k.asText().toLowerCase(Locale.ROOT);
        if (!KeywordMatcher.isAscii(kw)) {
          usable = false;
        }
        keys.add(kw);
      }
      rules.add(new GitleaksRule(
          DetectorIds.GITLEAKS_PREFIX + id, pattern, secretGroup, r.path("entropy").asDouble(0),
          allows, stopwords));
      keywords.add(usable ? keys : List.of());
    }
    return new GitleaksRules(rules, keywords, skipped);
  }

  /**
   * Reads one allowlist into {@code allows} and {@code stopwords}. Allowlists that need a file
   * path or a commit (and those whose regexes RE2/J cannot compile) are ignored: without them the
   * rule masks more, never less.
   */
  private static void readAllowlist(
      JsonNode a, List<GitleaksRule.Allow> allows, List<String> stopwords) {
    if (a.isMissingNode() || !a.isObject()) {
      return;
    }
    boolean and = "AND".equalsIgnoreCase(a.path("condition").asText("OR"));
    if (and) {
      return;
    }
    GitleaksRule.Target target;
    switch (a.path("regexTarget").asText("secret")) {
      case "match":
        target = GitleaksRule.Target.MATCH;
        break;
      case "line":
        target = GitleaksRule.Target.LINE;
        break;
      default:
        target = GitleaksRule.Target.SECRET;
        break;
    }
    for (JsonNode re : a.path("regexes")) {
      try {
        allows.add(new GitleaksRule.Allow(Pattern.compile(re.asText()), target));
      } catch (PatternSyntaxException e) {
        // An allowlist entry we cannot compile only allows less: the rule still masks.
      }
    }
    for (JsonNode w : a.path("stopwords")) {
      stopwords.add(w.asText().toLowerCase(Locale.ROOT));
    }
  }

  /** Ids of the loaded detectors, {@code gitleaks:<rule-id>}, in file order. */
  public List<String> detectorIds() {
    return detectorIds;
  }

  /** Rules of the file that were not loaded, with the reason. */
  public List<SkippedRule> skipped() {
    return skipped;
  }

  /** Number of rules in the file: loaded plus skipped. */
  public int totalRules() {
    return rules.size() + skipped.size();
  }

  /** Adds what the rules find in {@code s} at or after {@code from}; may overlap, any order. */
  void scan(CharSequence s, int from, Findings out) {
    for (GitleaksRule r : alwaysRun) {
      r.scan(s, from, out);
    }
    if (keyed.isEmpty()) {
      return;
    }
    BitSet hits = new BitSet(keyed.size());
    // Keywords may begin in the context before 'from' (a stream's held-back left side).
    keywords.matchInto(s, Math.max(0, from - 256), s.length(), hits);
    for (int k = hits.nextSetBit(0); k >= 0; k = hits.nextSetBit(k + 1)) {
      keyed.get(k).scan(s, from, out);
    }
  }

  @Override
  public String toString() {
    return "GitleaksRules{loaded=" + rules.size() + ", skipped=" + skipped.size() + "}";
  }
}
