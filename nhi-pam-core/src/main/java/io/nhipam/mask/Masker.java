package io.nhipam.mask;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Finds and masks sensitive values in text, JSON trees and streams. Immutable and thread-safe;
 * build one with {@link #builder()} and share it.
 *
 * <p>Default actions (used unless {@link Builder#action} or {@link Builder#defaultAction} says
 * otherwise): {@code card}, {@code ssn} and {@code phone} keep their last four digits in their
 * original shape ({@code **** **** **** 4242}, {@code ***-**-6789}); {@code iban} keeps the
 * country code and the last four ({@code partial(2,4)}), as bank statements print it; {@code
 * email}, {@code ip}, every key, token and secret, and every gitleaks rule are redacted ({@code
 * [REDACTED:EMAIL]}).
 *
 * <p>How it is fast: one pass over the text with a per-character table, detectors that run only
 * where their first character appears and confirm with a validator (Luhn and IIN, mod-97, SSN
 * ranges, the GitHub and nhi-pam checksums), no backtracking regular expression on the input,
 * and no allocation beyond a few small objects when nothing is found (the input {@code String}
 * itself is returned).
 *
 * <p>Limits, by design: a match is at most {@link #maxMatchLength()} characters (PEM blocks and
 * tokens longer than that are masked up to it; longer encoded runs are not decoded), which is
 * also what a stream holds back. Inline markers such as {@code gitleaks:allow}, {@code
 * trufflehog:ignore} or {@code nomask} in the text have no effect: the text is untrusted.
 */
public final class Masker {
  private static final Map<String, MaskAction> BUILT_IN_DEFAULTS = builtInDefaults();
  /** Characters a stream holds back: the longest match plus room for the context around it. */
  static final int HOLD_BACK = Scanner.MAX_MATCH + 512;

  private final Scanner scanner;
  private final Set<String> detectorIds;
  private final Map<String, MaskAction> actions;
  private final @Nullable MaskAction defaultAction;
  private final @Nullable Pseudonymizer pseudonymizer;
  private final Map<String, MaskAction> fieldRules;
  private final Rewriter.Policy policy;

  private Masker(Builder b, Set<String> detectorIds) {
    this.detectorIds = Collections.unmodifiableSet(detectorIds);
    this.scanner = new Scanner(detectorIds, b.decodeDepth < 0 ? 2 : b.decodeDepth, b.gitleaks);
    this.actions = Map.copyOf(b.actions);
    this.defaultAction = b.defaultAction;
    this.pseudonymizer = b.pseudonymKey == null ? null : new Pseudonymizer(b.pseudonymKey);
    this.fieldRules = Collections.unmodifiableMap(new LinkedHashMap<>(b.fields));
    this.policy = new Rewriter.Policy() {
      @Override
      public MaskAction actionFor(String detectorId) {
        return Masker.this.actionFor(detectorId);
      }

      @Override
      public Pseudonymizer pseudonymizer() {
        if (pseudonymizer == null) {
          throw new IllegalStateException("pseudonym action without a key"); // build() prevents it
        }
        return pseudonymizer;
      }
    };
  }

  private static Map<String, MaskAction> builtInDefaults() {
    Map<String, MaskAction> m = new LinkedHashMap<>();
    for (String id : DetectorIds.BUILT_IN) {
      m.put(id, MaskAction.redact());
    }
    m.put(DetectorIds.CARD, MaskAction.lastFour());
    m.put(DetectorIds.SSN, MaskAction.lastFour());
    m.put(DetectorIds.PHONE, MaskAction.lastFour());
    m.put(DetectorIds.IBAN, MaskAction.partial(2, 4));
    return Collections.unmodifiableMap(m);
  }

  /** A new builder; call {@link Builder#defaultDetectors()} for the usual set. */
  /**
   * How many passes {@link #mask} makes at most. A value glued to another without a separator
   * (an address written right before a PEM block, a phone number right after a redacted address)
   * can become recognisable only once its neighbour is replaced; a further pass masks it, so that
   * masking is idempotent: {@code mask(mask(x)) == mask(x)}. Positions of such findings refer to
   * the text of the pass that found them. Text with nothing to mask costs one pass.
   */
  static final int MAX_PASSES = 4;

  public static Builder builder() {
    return new Builder();
  }

  /** The action applied to values found by {@code detectorId}. */
  public MaskAction actionFor(String detectorId) {
    MaskAction a = actions.get(detectorId);
    if (a != null) {
      return a;
    }
    if (detectorId.startsWith(DetectorIds.FIELD_PREFIX)) {
      MaskAction f = fieldRules.get(detectorId.substring(DetectorIds.FIELD_PREFIX.length()));
      if (f != null) {
        return f;
      }
    }
    if (defaultAction != null) {
      return defaultAction;
    }
    return BUILT_IN_DEFAULTS.getOrDefault(detectorId, MaskAction.redact());
  }

  /** Ids of every active detector: built-in ones and loaded gitleaks rules. */
  public Set<String> detectorIds() {
    return detectorIds;
  }

  /** Longest value a detector can match; a stream holds back a little more than this. */
  public int maxMatchLength() {
    return Scanner.MAX_MATCH;
  }

  /** Masks {@code text} with nothing revealed. */
  public MaskResult mask(CharSequence text) {
    return mask(text, Set.of());
  }

  /**
   * Masks {@code text}; values found by a detector whose id is in {@code revealed} stay in clear
   * and are counted in {@link MaskReport#revealedCounts()}.
   */
  public MaskResult mask(CharSequence text, Set<String> revealed) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(revealed, "revealed");
    Findings found = find(text, revealed);
    if (found.isEmpty()) {
      return new MaskResult(unchanged(text), MaskReport.empty());
    }
    Rewriter.Output settled = maskFound(text, found, revealed, Rescan.Mode.AUTO);
    return new MaskResult(settled.text(), MaskReport.of(settled.findings()));
  }

  /**
   * Rewrites {@code text} for what its first scan {@code found}, then settles it (see {@link
   * #MAX_PASSES}), re-scanning as {@code mode} says.
   */
  Rewriter.Output maskFound(CharSequence text, Findings found, Set<String> revealed, Rescan.Mode mode) {
    int[] spans = new int[2 * found.size()];
    Rewriter.Output out =
        Rewriter.rewrite(text, 0, text.length(), found, policy, revealed, 0, "", spans);
    return settle(out, spans, revealed, mode);
  }

  /**
   * One pass only, as the stream maskers make: what {@link #mask} returns before it re-scans its
   * own output. Streams cannot re-scan what they have already emitted, so a value that becomes
   * recognisable only once its glued neighbour is masked may pass a stream (see {@link #MAX_PASSES}).
   */
  MaskResult maskOnePass(CharSequence text, Set<String> revealed) {
    Findings found = find(text, revealed);
    if (found.isEmpty()) {
      return new MaskResult(unchanged(text), MaskReport.empty());
    }
    Rewriter.Output out = Rewriter.rewrite(text, 0, text.length(), found, policy, revealed, 0, "");
    return new MaskResult(out.text(), MaskReport.of(out.findings()));
  }

  /**
   * Passes beyond the first, to a fixed point; see {@link #MAX_PASSES}. Each re-scans only
   * windows around what the pass before found ({@code spans}, in its output) as {@code mode}
   * says, see {@link Rescan}.
   */
  private Rewriter.Output settle(
      Rewriter.Output first, int[] firstSpans, Set<String> revealed, Rescan.Mode mode) {
    Rewriter.Output current = first;
    int[] spans = firstSpans;
    List<Finding> all = null;
    for (int pass = 1; pass < MAX_PASSES; pass++) {
      String text = current.text();
      Findings again = new Findings();
      Rescan.around(scanner, text, spans, spans.length / 2, revealed, again, mode);
      if (again.isEmpty()) {
        break;
      }
      spans = new int[2 * again.size()];
      Rewriter.Output next =
          Rewriter.rewrite(text, 0, text.length(), again, policy, revealed, 0, "", spans);
      if (next.text().equals(text)) {
        break; // only revealed values remain: already counted in the first pass
      }
      if (all == null) {
        all = new ArrayList<>(first.findings());
      }
      for (Finding f : next.findings()) {
        if (!f.revealed()) {
          all.add(f);
        }
      }
      current = next;
    }
    return all == null ? current : new Rewriter.Output(current.text(), all);
  }

  /**
   * Masks {@code text} and returns only the text: when nothing is found, the very {@code String}
   * passed in, with no allocation beyond the scan's own.
   */
  public String maskToString(CharSequence text, Set<String> revealed) {
    return mask(text, revealed, report -> { });
  }

  /**
   * Masks {@code text} as {@link #mask(CharSequence, Set)} does, for a caller that masks many
   * values and needs the report only when something was found (to audit it): when a detector
   * finds something, {@code onFound} receives the report before the masked text is returned, and
   * if it throws, nothing is returned; when nothing is found, {@code onFound} is not called and
   * the very {@code String} passed in comes back, with no allocation beyond the scan's own.
   */
  public String mask(CharSequence text, Set<String> revealed, Consumer<? super MaskReport> onFound) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(revealed, "revealed");
    Objects.requireNonNull(onFound, "onFound");
    Findings found = find(text, revealed);
    if (found.isEmpty()) {
      return unchanged(text);
    }
    Rewriter.Output settled = maskFound(text, found, revealed, Rescan.Mode.AUTO);
    MaskReport report = MaskReport.of(settled.findings());
    if (!report.isEmpty()) {
      onFound.accept(report);
    }
    return settled.text();
  }

  /** Whether any detector finds anything in {@code text}. */
  public boolean containsSensitive(CharSequence text) {
    Objects.requireNonNull(text, "text");
    return !find(text, Set.of()).isEmpty();
  }

  /** The first pass over the whole of {@code text}: what the detectors find (empty for most text). */
  private Findings find(CharSequence text, Set<String> revealed) {
    Findings found = new Findings();
    scanner.scan(text, 0, revealed, found);
    return found;
  }

  /** {@code text} as a {@code String}, the very instance when it is one: what comes back when nothing is found. */
  private static String unchanged(CharSequence text) {
    return text instanceof String ? (String) text : text.toString();
  }

  /**
   * Masks a JSON tree: per-field rules first (by JSON pointer or field name, see {@link
   * Builder#field}), then detection in every string, every number (a card number stored as a
   * number is still a card number; it becomes a string) and every field name. The input tree is
   * not modified; when nothing is masked it is returned as is.
   */
  public MaskedJson maskJson(JsonNode tree, Set<String> revealed) {
    Objects.requireNonNull(tree, "tree");
    Objects.requireNonNull(revealed, "revealed");
    return new JsonMasker(this, revealed).mask(tree);
  }

  /**
   * A chunk-by-chunk masker writing to {@code out}: it holds back the last {@link
   * #maxMatchLength()} characters or so, so a value split across chunks is still masked.
   */
  public StreamMasker stream(Appendable out, Set<String> revealed) {
    return new StreamMasker(this, out, revealed);
  }

  /** A {@link Writer} that masks what passes through it into {@code out}. */
  public MaskingWriter writer(Writer out, Set<String> revealed) {
    return new MaskingWriter(stream(out, revealed), out);
  }

  /** A {@link Reader} that masks what it reads from {@code in}. */
  public MaskingReader reader(Reader in, Set<String> revealed) {
    return new MaskingReader(this, in, revealed);
  }

  /**
   * Applies {@code action} to the whole of {@code value}, as a rule for a known field or column
   * does (no detection): {@code label} names it in redactions and pseudonyms (e.g.
   * {@code [REDACTED:CARD_NUMBER]}). Returns null for {@link MaskAction#drop()}.
   *
   * @throws IllegalStateException for {@link MaskAction#pseudonym()} when this masker has no
   *     pseudonym key
   */
  public @Nullable String applyAction(MaskAction action, String label, CharSequence value) {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(value, "value");
    if (action.kind() == MaskAction.Kind.DROP) {
      return null;
    }
    if (action.kind() == MaskAction.Kind.PSEUDONYM && pseudonymizer == null) {
      throw new IllegalStateException("a pseudonym rule for " + label + " needs a pseudonym key:"
          + " build the masker with pseudonymKey(..)");
    }
    StringBuilder b = new StringBuilder(value.length() + 16);
    Rewriter.applyAction(b, value, 0, value.length(), label, action, false, pseudonymizer);
    return b.toString();
  }

  Scanner scanner() {
    return scanner;
  }

  Rewriter.Policy policy() {
    return policy;
  }

  Map<String, MaskAction> fieldRules() {
    return fieldRules;
  }

  @Override
  public String toString() {
    return "Masker{detectors=" + detectorIds.size() + ", decodeDepth=" + scanner.decodeDepth()
        + ", fieldRules=" + fieldRules.size() + ", pseudonymKey="
        + (pseudonymizer == null ? "none" : "<redacted>") + "}";
  }

  /**
   * Configures a {@link Masker}. Each option may be set once; setting one twice, an action for a
   * detector that is not active, or a pseudonym action without a key fails with an {@link
   * IllegalStateException} that says what to change.
   */
  public static final class Builder {
    private @Nullable Set<String> detectors;
    private final Map<String, MaskAction> actions = new LinkedHashMap<>();
    private @Nullable MaskAction defaultAction;
    private byte @Nullable [] pseudonymKey;
    private @Nullable GitleaksRules gitleaks;
    private int decodeDepth = -1;
    private final Map<String, MaskAction> fields = new LinkedHashMap<>();

    private Builder() {}

    private static void requireState(boolean ok, String format, Object... args) {
      if (!ok) {
        throw new IllegalStateException(String.format(Locale.ROOT, format, args));
      }
    }

    /** Turns on every built-in detector ({@link DetectorIds#BUILT_IN}). */
    public Builder defaultDetectors() {
      requireState(detectors == null, "detectors were already chosen: %s", detectors);
      detectors = new LinkedHashSet<>(DetectorIds.BUILT_IN);
      return this;
    }

    /** Turns on only the named built-in detectors. */
    public Builder detectors(String... ids) {
      requireState(detectors == null, "detectors were already chosen: %s", detectors);
      Set<String> chosen = new LinkedHashSet<>();
      for (String id : ids) {
        Objects.requireNonNull(id, "detector id");
        if (!DetectorIds.isBuiltIn(id)) {
          throw new IllegalArgumentException("unknown built-in detector '" + id + "'; known: "
              + DetectorIds.BUILT_IN + " (gitleaks rules come from gitleaksRules(...))");
        }
        chosen.add(id);
      }
      detectors = chosen;
      return this;
    }

    /** The action for one detector, overriding its default. */
    public Builder action(String detectorId, MaskAction action) {
      Objects.requireNonNull(detectorId, "detectorId");
      Objects.requireNonNull(action, "action");
      requireState(!actions.containsKey(detectorId),
          "the action for '%s' was already set to %s", detectorId, actions.get(detectorId));
      actions.put(detectorId, action);
      return this;
    }

    /** The action for every detector without its own {@link #action}, instead of the defaults. */
    public Builder defaultAction(MaskAction action) {
      Objects.requireNonNull(action, "action");
      requireState(defaultAction == null, "the default action was already set to %s", defaultAction);
      defaultAction = action;
      return this;
    }

    /** The HMAC key for {@link MaskAction#pseudonym()}: at least 16 bytes, copied. */
    public Builder pseudonymKey(byte[] key) {
      Objects.requireNonNull(key, "key");
      requireState(pseudonymKey == null, "the pseudonym key was already set");
      if (key.length < 16) {
        throw new IllegalArgumentException("a pseudonym key needs at least 16 bytes, got "
            + key.length + "; use a fixed random key of 32 bytes kept with your other secrets");
      }
      pseudonymKey = key.clone();
      return this;
    }

    /** Adds the rules of a gitleaks TOML file as detectors {@code gitleaks:<rule-id>}. */
    public Builder gitleaksRules(Path file) {
      requireState(gitleaks == null, "gitleaks rules were already set (%s)", gitleaks);
      gitleaks = GitleaksRules.load(file);
      return this;
    }

    /** Adds gitleaks rules read from {@code reader} (not closed). */
    public Builder gitleaksRules(Reader reader) {
      requireState(gitleaks == null, "gitleaks rules were already set (%s)", gitleaks);
      gitleaks = GitleaksRules.load(reader);
      return this;
    }

    /** Adds gitleaks rules loaded earlier. */
    public Builder gitleaksRules(GitleaksRules rules) {
      Objects.requireNonNull(rules, "rules");
      requireState(gitleaks == null, "gitleaks rules were already set (%s)", gitleaks);
      gitleaks = rules;
      return this;
    }

    /** Levels of base64 / hex / percent encoding decoded to look for hidden values: 0-4, default 2. */
    public Builder decodeDepth(int depth) {
      requireState(decodeDepth < 0, "the decode depth was already set to %s", decodeDepth);
      if (depth < 0 || depth > 4) {
        throw new IllegalArgumentException("decode depth " + depth + " is out of range 0..4");
      }
      decodeDepth = depth;
      return this;
    }

    /**
     * A JSON rule: the value at a JSON pointer ({@code "/card_number"}, starts with {@code /}) or
     * under every field of that name ({@code "card_number"}) gets {@code action}, whatever the
     * detectors find. Its detector id, for reveal grants and reports, is {@code field:<rule>}.
     */
    public Builder field(String pointerOrName, MaskAction action) {
      Objects.requireNonNull(pointerOrName, "pointerOrName");
      Objects.requireNonNull(action, "action");
      if (pointerOrName.isEmpty()) {
        throw new IllegalArgumentException("a field rule needs a field name or a JSON pointer");
      }
      requireState(!fields.containsKey(pointerOrName),
          "the field rule '%s' was already set to %s", pointerOrName, fields.get(pointerOrName));
      fields.put(pointerOrName, action);
      return this;
    }

    /** Builds the masker, checking the options against each other. */
    public Masker build() {
      Set<String> ids = new LinkedHashSet<>(detectors == null ? Set.of() : detectors);
      if (gitleaks != null) {
        ids.addAll(gitleaks.detectorIds());
      }
      requireState(!ids.isEmpty() || !fields.isEmpty(),
          "no detectors and no field rules: call defaultDetectors(), detectors(...),"
              + " gitleaksRules(...) or field(...)");
      List<String> unknown = new ArrayList<>();
      for (String id : actions.keySet()) {
        if (!ids.contains(id)) {
          unknown.add(id);
        }
      }
      requireState(unknown.isEmpty(),
          "actions were set for detectors that are not active: %s; active: %s", unknown, ids);
      boolean pseudonymUsed = actions.containsValue(MaskAction.pseudonym())
          || fields.containsValue(MaskAction.pseudonym())
          || MaskAction.pseudonym().equals(defaultAction);
      requireState(!pseudonymUsed || pseudonymKey != null,
          "a pseudonym action is configured but no key: call pseudonymKey(...) with a fixed"
              + " secret key of at least 16 bytes");
      return new Masker(this, ids);
    }

    @Override
    public String toString() {
      return "Masker.Builder{detectors=" + detectors + ", actions=" + actions
          + ", pseudonymKey=" + (pseudonymKey == null ? "none" : "<redacted>") + "}";
    }
  }
}
