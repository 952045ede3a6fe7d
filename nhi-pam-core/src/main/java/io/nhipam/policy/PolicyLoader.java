package io.nhipam.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.common.base.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Loads a {@link Policy} from a YAML or JSON file, strictly.
 *
 * <pre>{@code
 * version: 1                                   # required, must be 1
 * identities:                                  # required, at least one
 *   finance-bot:                               # identity id
 *     kind: AI_AGENT                           # SERVICE_ACCOUNT, WORKLOAD, PIPELINE, BOT, AI_AGENT
 *     owner: team-finance@example.com          # required
 *     labels: {env: prod}                      # optional, string values
 *     allow: ["invoices:read", "db:PUBLIC.INVOICES:select"]   # required (may be [])
 *     deny: ["payroll:**"]                     # optional; deny overrides allow
 *     maxTtl: 15m                              # required: 30s, 15m, 2h or ISO-8601 (PT15M); at most 24h
 *     reveal: [card]                           # optional detector ids (card, gitleaks:<rule-id>)
 *     maxRows: 500                             # optional
 *     rowLimitAction: deny                     # optional with maxRows: deny (default) or truncate
 * masking:                                     # optional
 *   detectors: {card: last4, email: "partial(1,4)"}
 *   columns: {"db:PUBLIC.CUSTOMERS.CARD_NUMBER": last4}
 * }</pre>
 *
 * <p>What "strictly" means: an unknown field (a typo such as {@code alow:}) is an error that
 * lists the fields expected there; so are a repeated key, a wrong type (a single string where a
 * list belongs), an empty or repeated scope, a scope that breaks the {@link io.nhipam.scope.Scope}
 * grammar (non-ASCII text, {@code **} anywhere but last), a {@code maxTtl} above
 * {@link IdentityPolicy#ABSOLUTE_MAX_TTL}, and an unknown kind. YAML anchors, aliases and tags are
 * refused outright: a policy has no need for them, and refusing them makes alias bombs harmless.
 * Input over {@link #MAX_BYTES} is refused before any parsing. Every error is a
 * {@link PolicyException} naming the source, line and column, and what was expected there.
 *
 * <p>Loading is a pure function: it returns a new {@link Policy} or throws, and a bad file
 * changes nothing anywhere. Thread-safe.
 */
public final class PolicyLoader {
  /** Largest policy accepted, in bytes of UTF-8 (1 MiB); checked before parsing. */
  public static final int MAX_BYTES = 1 << 20;

  /** Deepest nesting the parsers will follow (the schema needs 5). */
  static final int MAX_DEPTH = 16;

  private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
      .maxNestingDepth(MAX_DEPTH)
      .maxStringLength(MAX_BYTES)
      .maxNameLength(MAX_BYTES)
      .maxNumberLength(32)
      .build();
  private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
  private static final YAMLFactory YAML = YAMLFactory.builder()
      .loaderOptions(yamlOptions())
      .streamReadConstraints(CONSTRAINTS)
      .build();

  /** The two syntaxes a policy may be written in. */
  public enum Format {
    YAML,
    JSON;

    /** The format a file name implies: {@code .yaml}/{@code .yml} or {@code .json}, any case. */
    public static Optional<Format> forFileName(String fileName) {
      String lower = fileName.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
        return Optional.of(YAML);
      }
      return lower.endsWith(".json") ? Optional.of(JSON) : Optional.empty();
    }
  }

  private PolicyLoader() {}

  /**
   * Loads the policy in {@code file}, YAML if its name ends in {@code .yaml} or {@code .yml},
   * JSON if {@code .json}.
   *
   * @throws PolicyException if the file cannot be read, is too large, or is not a valid policy
   */
  public static Policy load(Path file) {
    Objects.requireNonNull(file, "file");
    String name = file.toString();
    Path fileName = file.getFileName();
    Format format = Format.forFileName(fileName == null ? "" : fileName.toString())
        .orElseThrow(() -> new PolicyException(name, -1, -1, "cannot tell the policy format from the file name;"
            + " name it *.yaml, *.yml or *.json", null));
    if (!Files.isRegularFile(file)) {
      throw new PolicyException(name, -1, -1, "no such policy file (or not a regular file); check the path", null);
    }
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw tooLarge(name, Long.toString(size));
      }
      try (InputStream in = Files.newInputStream(file)) {
        return load(in, format, name);
      }
    } catch (IOException e) {
      throw new PolicyException(name, -1, -1, "could not read the policy file: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a policy from {@code in}, which is read up to {@link #MAX_BYTES} plus one byte and not
   * closed. The bytes must be UTF-8.
   *
   * @param sourceName names the input in error messages, e.g. a file or resource name
   * @throws PolicyException if the input is too large, not UTF-8, or not a valid policy
   */
  public static Policy load(InputStream in, Format format, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sourceName, "sourceName");
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new PolicyException(sourceName, -1, -1, "could not read the policy: " + e.getMessage(), e);
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(sourceName, "more than " + MAX_BYTES);
    }
    return parse(decode(bytes, sourceName), format, sourceName);
  }

  /**
   * Parses a YAML policy.
   *
   * @param sourceName names the text in error messages
   * @throws PolicyException if the text is too large or not a valid policy
   */
  public static Policy parseYaml(String text, String sourceName) {
    return parse(text, Format.YAML, sourceName);
  }

  /**
   * Parses a JSON policy.
   *
   * @param sourceName names the text in error messages
   * @throws PolicyException if the text is too large or not a valid policy
   */
  public static Policy parseJson(String text, String sourceName) {
    return parse(text, Format.JSON, sourceName);
  }

  /**
   * Parses a policy written in {@code format}.
   *
   * @throws PolicyException if the text is too large or not a valid policy
   */
  public static Policy parse(String text, Format format, String sourceName) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sourceName, "sourceName");
    checkSize(text, sourceName);
    JsonFactory factory = format == Format.YAML ? YAML : JSON;
    try (JsonParser parser = factory.createParser(text)) {
      return PolicyReader.read(new PolicyCursor(parser, sourceName, format));
    } catch (IOException e) {
      throw new PolicyException(sourceName, -1, -1, "could not read the policy: " + e.getMessage(), e);
    }
  }

  private static void checkSize(String text, String sourceName) {
    if (text.length() > MAX_BYTES) {
      throw tooLarge(sourceName, "more than " + MAX_BYTES);
    }
    int bytes;
    try {
      bytes = Utf8.encodedLength(text);
    } catch (IllegalArgumentException e) {
      throw new PolicyException(sourceName, -1, -1, "the policy text contains an unpaired surrogate character;"
          + " it cannot be valid UTF-8", e);
    }
    if (bytes > MAX_BYTES) {
      throw tooLarge(sourceName, Integer.toString(bytes));
    }
  }

  private static PolicyException tooLarge(String sourceName, String size) {
    return new PolicyException(sourceName, -1, -1, "the policy is " + size + " bytes, over the limit of "
        + MAX_BYTES + " bytes (1 MiB); a policy file is small text, so check that this is the right file", null);
  }

  private static String decode(byte[] bytes, String sourceName) {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf ? 3 : 0; // a UTF-8 byte order mark is harmless: skip it
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
          .toString();
    } catch (CharacterCodingException e) {
      throw new PolicyException(sourceName, -1, -1, "the policy is not valid UTF-8; save it as UTF-8", e);
    }
  }

  private static LoaderOptions yamlOptions() {
    LoaderOptions options = new LoaderOptions();
    // Duplicate keys are refused by PolicyCursor, which names both positions; the parser's own
    // check would fire first with only the second, so it is left to the cursor.
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(10); // aliases are refused anyway; this is the second fence
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_BYTES);
    options.setProcessComments(false);
    return options;
  }
}
