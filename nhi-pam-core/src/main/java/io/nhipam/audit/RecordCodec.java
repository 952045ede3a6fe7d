package io.nhipam.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The canonical byte form of chained records: fixed field order, no whitespace, every non-ASCII
 * character escaped (so a line is pure ASCII and its bytes equal its characters), absent fields
 * omitted.
 *
 * <pre>
 * event:      {"seq":7,"prev":"&lt;hex&gt;","type":"DENY","time":"...","identity":..,"credentialId":..,
 *              "scope":..,"reason":..,"message":..,"chain":[..],"correlationId":..,
 *              "attributes":{..},"mac":"&lt;hex&gt;"}
 * checkpoint: {"seq":8,"prev":"&lt;hex&gt;","type":"CHECKPOINT","time":"...","head":"&lt;hex&gt;",
 *              "count":6,"closing":false,"kid":"..","sig":"&lt;b64url&gt;","mac":"&lt;hex&gt;"}
 * </pre>
 *
 * <p>{@code mac} = HMAC-SHA256(audit key, {@value #MAC_DOMAIN_TEXT} || the line with the mac field
 * removed). {@code sig} = Ed25519 over {@value #SIG_DOMAIN_TEXT} || the line with mac and sig
 * removed. "Removed" means the trailing {@code ,"name":"value"} is cut and the closing brace kept.
 */
final class RecordCodec {
  static final String ZERO_HASH = "0".repeat(64);
  static final String CHECKPOINT = "CHECKPOINT";
  static final String MAC_DOMAIN_TEXT = "nhipam-audit-record-v1\n";
  static final String SIG_DOMAIN_TEXT = "nhipam-audit-checkpoint-v1\n";
  static final byte[] MAC_DOMAIN = MAC_DOMAIN_TEXT.getBytes(StandardCharsets.US_ASCII);
  static final byte[] SIG_DOMAIN = SIG_DOMAIN_TEXT.getBytes(StandardCharsets.US_ASCII);
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private RecordCodec() {}

  /** The event fields alone, as used by toString and the SLF4J sink. */
  static String eventJson(AuditEvent e) {
    return write(g -> writeEventFields(g, e));
  }

  /** An event record without its mac. */
  static byte[] eventBody(long seq, String prev, AuditEvent e) {
    return writeBytes(
        g -> {
          g.writeNumberField("seq", seq);
          g.writeStringField("prev", prev);
          writeEventFields(g, e);
        });
  }

  /** A checkpoint record without its sig and mac. */
  static byte[] checkpointBody(
      long seq, String prev, Instant time, long count, boolean closing, String kid) {
    return writeBytes(
        g -> {
          g.writeNumberField("seq", seq);
          g.writeStringField("prev", prev);
          g.writeStringField("type", CHECKPOINT);
          g.writeStringField("time", time.toString());
          g.writeStringField("head", prev);
          g.writeNumberField("count", count);
          g.writeBooleanField("closing", closing);
          g.writeStringField("kid", kid);
        });
  }

  /** {@code body} (a JSON object) with {@code ,"name":"value"} appended before its closing brace. */
  static byte[] appendField(byte[] body, String name, String value) {
    byte[] tail = (",\"" + name + "\":\"" + value + "\"}").getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(body, body.length - 1 + tail.length);
    System.arraycopy(tail, 0, out, body.length - 1, tail.length);
    return out;
  }

  static String sha256Hex(byte[] data) {
    try {
      return hex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  static byte[] hmac(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks HmacSHA256", e);
    }
  }

  static String recordMac(byte[] key, byte[] bodyWithoutMac) {
    return hex(hmac(key, MAC_DOMAIN, bodyWithoutMac));
  }

  static byte[] signatureInput(byte[] bodyWithoutSig) {
    byte[] out = Arrays.copyOf(SIG_DOMAIN, SIG_DOMAIN.length + bodyWithoutSig.length);
    System.arraycopy(bodyWithoutSig, 0, out, SIG_DOMAIN.length, bodyWithoutSig.length);
    return out;
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  static boolean isLowerHex(String s, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void writeEventFields(JsonGenerator g, AuditEvent e) throws IOException {
    g.writeStringField("type", e.type().name());
    g.writeStringField("time", e.time().toString());
    writeOptional(g, "identity", e.identity().orElse(null));
    writeOptional(g, "credentialId", e.credentialId().orElse(null));
    writeOptional(g, "scope", e.scope().orElse(null));
    writeOptional(g, "reason", e.reason().orElse(null));
    writeOptional(g, "message", e.message().orElse(null));
    if (!e.delegationChain().isEmpty()) {
      g.writeArrayFieldStart("chain");
      for (String actor : e.delegationChain()) {
        g.writeString(actor);
      }
      g.writeEndArray();
    }
    writeOptional(g, "correlationId", e.correlationId().orElse(null));
    if (!e.attributes().isEmpty()) {
      g.writeObjectFieldStart("attributes");
      for (Map.Entry<String, String> a : e.attributes().entrySet()) {
        g.writeStringField(a.getKey(), a.getValue());
      }
      g.writeEndObject();
    }
  }

  private static void writeOptional(JsonGenerator g, String name, @Nullable String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] writeBytes(Fields fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      fields.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
    return out.toByteArray();
  }

  private static String write(Fields fields) {
    return new String(writeBytes(fields), StandardCharsets.US_ASCII);
  }
}
