package io.nhipam.internal.paseto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nhipam.internal.paseto.PasetoException.Kind;
import java.io.IOException;
import java.util.Objects;

/**
 * The strict JSON reader for token claims and footers.
 *
 * <p>Input must be one JSON object and nothing after it; duplicate member names are refused (so
 * two readers cannot see different values for the same claim); nesting is capped at {@link
 * #MAX_DEPTH} and strings, names, numbers and the document are capped in length. Comments,
 * single quotes, unquoted names, {@code NaN} and leading zeros stay refused (Jackson's defaults).
 * Error messages give the line and column, never the input text.
 */
public final class StrictJson {
  /** Deepest nesting of objects and arrays, the root object counting as one. */
  public static final int MAX_DEPTH = 8;
  /** Longest claims document in bytes. */
  public static final int MAX_CLAIMS_BYTES = 64 * 1024;
  /** Longest string value in characters. */
  public static final int MAX_STRING_CHARS = 4096;
  /** Longest member name in characters. */
  public static final int MAX_NAME_CHARS = 256;
  /** Longest number literal in characters. */
  public static final int MAX_NUMBER_CHARS = 64;

  private static final ObjectMapper MAPPER = newMapper(MAX_CLAIMS_BYTES);

  private StrictJson() {}

  /**
   * Parses token claims.
   *
   * @throws PasetoException of kind {@link Kind#BAD_CLAIMS_JSON} if the bytes are not one strict
   *     JSON object within the limits
   */
  public static ObjectNode parseClaims(byte[] json) {
    return parseObject(MAPPER, json, MAX_CLAIMS_BYTES, Kind.BAD_CLAIMS_JSON, "claims");
  }

  static ObjectMapper newMapper(int maxDocumentBytes) {
    StreamReadConstraints limits = StreamReadConstraints.builder()
        .maxNestingDepth(MAX_DEPTH)
        .maxDocumentLength(maxDocumentBytes)
        .maxStringLength(MAX_STRING_CHARS)
        .maxNameLength(MAX_NAME_CHARS)
        .maxNumberLength(MAX_NUMBER_CHARS)
        .build();
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(limits)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
    return JsonMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .build();
  }

  static ObjectNode parseObject(
      ObjectMapper mapper, byte[] json, int maxBytes, Kind kind, String what) {
    Objects.requireNonNull(json, what);
    if (json.length > maxBytes) {
      throw new PasetoException(
          kind, "the " + what + " are " + json.length + " bytes, above the limit of " + maxBytes);
    }
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (IOException e) {
      throw new PasetoException(kind, "the " + what + " are not strict JSON: " + reason(e));
    }
    if (root == null || !root.isObject()) {
      throw new PasetoException(
          kind,
          "the " + what + " must be a JSON object, got "
              + (root == null || root.isMissingNode() ? "no value" : root.getNodeType()));
    }
    return (ObjectNode) root;
  }

  /**
   * Says what went wrong without Jackson's message, which can quote the input (a member name, a
   * bad token).
   */
  private static String reason(IOException e) {
    String original = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : "";
    String where = "";
    if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
      JsonLocation at = jpe.getLocation();
      where = " (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
    if (e instanceof StreamConstraintsException) {
      if (original.contains("nesting depth")) {
        return "objects and arrays are nested deeper than " + MAX_DEPTH + " levels" + where;
      }
      return "a string, name, number or the document is longer than allowed (strings "
          + MAX_STRING_CHARS + " chars, names " + MAX_NAME_CHARS + ", numbers " + MAX_NUMBER_CHARS
          + ")" + where;
    }
    if (original != null && original.startsWith("Duplicate field")) {
      return "a member name appears twice in one object" + where
          + "; each claim must appear once";
    }
    if (original != null && original.startsWith("Trailing token")) {
      return "there is content after the JSON object" + where;
    }
    return "the text is not well-formed JSON" + where;
  }
}
