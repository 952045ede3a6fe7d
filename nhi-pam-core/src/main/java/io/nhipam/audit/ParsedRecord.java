package io.nhipam.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One line of a chained log, parsed strictly: known fields only, no duplicates, correct types,
 * the mac (and for checkpoints the sig) as the trailing fields so the signed bytes can be cut out
 * exactly. Use {@link #parse(byte[])}; a line that fails gets a {@link Malformed} with the reason.
 */
final class ParsedRecord {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final Set<String> EVENT_FIELDS =
      Set.of(
          "seq", "prev", "type", "time", "identity", "credentialId", "scope", "reason", "message",
          "chain", "correlationId", "attributes", "mac");
  private static final Set<String> CHECKPOINT_FIELDS =
      Set.of("seq", "prev", "type", "time", "head", "count", "closing", "kid", "sig", "mac");
  private static final int SIG_CHARS = 86;
  private static final int MAX_LINE = 64 * 1024;

  final long seq;
  final String prev;
  final boolean checkpoint;
  final String hash;
  final @Nullable String mac;
  final byte[] withoutMac;
  // checkpoint only
  final long count;
  final boolean closing;
  final String kid;
  final byte @Nullable [] sig;
  final byte[] withoutSig;

  private ParsedRecord(
      long seq, String prev, boolean checkpoint, String hash, @Nullable String mac,
      byte[] withoutMac, long count, boolean closing, String kid, byte @Nullable [] sig,
      byte[] withoutSig) {
    this.seq = seq;
    this.prev = prev;
    this.checkpoint = checkpoint;
    this.hash = hash;
    this.mac = mac;
    this.withoutMac = withoutMac;
    this.count = count;
    this.closing = closing;
    this.kid = kid;
    this.sig = sig;
    this.withoutSig = withoutSig;
  }

  /** Why a line is not a record. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String why) {
      super(why, null, false, false);
    }
  }

  static ParsedRecord parse(byte[] line) throws Malformed {
    if (line.length > MAX_LINE) {
      throw new Malformed("the line has " + line.length + " bytes, more than " + MAX_LINE);
    }
    for (byte b : line) {
      if (b < 0x20 || b > 0x7e) {
        throw new Malformed("the line holds a byte outside printable ASCII (0x"
            + Integer.toHexString(b & 0xff) + "); the writer escapes everything else");
      }
    }
    JsonNode root;
    try (JsonParser p = MAPPER.createParser(line)) {
      root = MAPPER.readTree(p);
    } catch (IOException e) {
      throw new Malformed("the line is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new Malformed("the line is not a JSON object");
    }
    long seq = positiveLong(root, "seq", 1);
    String prev = hexField(root, "prev", 64);
    String type = text(root, "type");
    boolean checkpoint = RecordCodec.CHECKPOINT.equals(type);
    checkFields(root, checkpoint ? CHECKPOINT_FIELDS : EVENT_FIELDS);
    instant(root);
    String hash = RecordCodec.sha256Hex(line);
    String mac = null;
    byte[] withoutMac = line;
    if (root.has("mac")) {
      mac = hexField(root, "mac", 64);
      withoutMac = cutTrailing(line, "mac", mac);
    }
    if (!checkpoint) {
      checkEvent(root, type);
      return new ParsedRecord(seq, prev, false, hash, mac, withoutMac, 0, false, "", null, line);
    }
    String head = hexField(root, "head", 64);
    if (!head.equals(prev)) {
      throw new Malformed("the checkpoint's head differs from its prev");
    }
    long count = positiveLong(root, "count", 0);
    JsonNode closing = root.get("closing");
    if (closing == null || !closing.isBoolean()) {
      throw new Malformed("field 'closing' must be true or false");
    }
    String kid = text(root, "kid");
    String sigText = text(root, "sig");
    byte[] sig;
    try {
      sig = Base64.getUrlDecoder().decode(sigText);
    } catch (IllegalArgumentException e) {
      throw new Malformed("field 'sig' is not base64url");
    }
    if (sigText.length() != SIG_CHARS || sig.length != 64
        || !RecordCodec.base64Url(sig).equals(sigText)) {
      throw new Malformed("field 'sig' is not a canonical 64-byte Ed25519 signature");
    }
    byte[] withoutSig = cutTrailing(withoutMac, "sig", sigText);
    return new ParsedRecord(
        seq, prev, true, hash, mac, withoutMac, count, closing.booleanValue(), kid, sig,
        withoutSig);
  }

  private static void checkEvent(JsonNode root, String type) throws Malformed {
    try {
      AuditEventType.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw new Malformed("field 'type' is not a known event type");
    }
    for (String f : new String[] {"identity", "credentialId", "scope", "reason", "message",
        "correlationId"}) {
      if (root.has(f)) {
        text(root, f);
      }
    }
    JsonNode chain = root.get("chain");
    if (chain != null) {
      if (!chain.isArray() || chain.isEmpty()) {
        throw new Malformed("field 'chain' must be a non-empty array of strings");
      }
      for (JsonNode actor : chain) {
        if (!actor.isTextual()) {
          throw new Malformed("field 'chain' must be a non-empty array of strings");
        }
      }
    }
    JsonNode attributes = root.get("attributes");
    if (attributes != null) {
      if (!attributes.isObject() || attributes.isEmpty()) {
        throw new Malformed("field 'attributes' must be a non-empty object of strings");
      }
      for (Map.Entry<String, JsonNode> attribute : attributes.properties()) {
        if (!attribute.getValue().isTextual()) {
          throw new Malformed("field 'attributes' must be a non-empty object of strings");
        }
      }
    }
  }

  private static void checkFields(JsonNode root, Set<String> allowed) throws Malformed {
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw new Malformed("unknown field '" + name + "'");
      }
    }
  }

  private static void instant(JsonNode root) throws Malformed {
    try {
      Instant.parse(text(root, "time"));
    } catch (DateTimeParseException e) {
      throw new Malformed("field 'time' is not an ISO-8601 instant");
    }
  }

  private static String text(JsonNode root, String name) throws Malformed {
    JsonNode n = root.get(name);
    if (n == null || !n.isTextual() || n.textValue().isEmpty()) {
      throw new Malformed("field '" + name + "' is missing or not a non-empty string");
    }
    return n.textValue();
  }

  private static long positiveLong(JsonNode root, String name, long min) throws Malformed {
    JsonNode n = root.get(name);
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < min) {
      throw new Malformed("field '" + name + "' is missing or not an integer >= " + min);
    }
    return n.longValue();
  }

  private static String hexField(JsonNode root, String name, int length) throws Malformed {
    String value = text(root, name);
    if (!RecordCodec.isLowerHex(value, length)) {
      throw new Malformed("field '" + name + "' is not " + length + " lower-case hex digits");
    }
    return value;
  }

  /** {@code line} without its trailing {@code ,"name":"value"}, or Malformed if not trailing. */
  private static byte[] cutTrailing(byte[] line, String name, String value) throws Malformed {
    byte[] tail = (",\"" + name + "\":\"" + value + "\"}").getBytes(StandardCharsets.US_ASCII);
    int start = line.length - tail.length;
    if (start < 1 || !Arrays.equals(line, start, line.length, tail, 0, tail.length)) {
      throw new Malformed("field '" + name + "' is not the last field of the record");
    }
    byte[] out = Arrays.copyOf(line, start + 1);
    out[start] = '}';
    return out;
  }
}
