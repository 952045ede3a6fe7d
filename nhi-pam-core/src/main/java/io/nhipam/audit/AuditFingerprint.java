package io.nhipam.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Names a secret in the audit trail without revealing it: {@code fp_} followed by the first 128
 * bits of HMAC-SHA256(key, "nhipam-audit-fingerprint-v1" || 0x00 || secret), unpadded base64url
 * (22 characters).
 *
 * <p>The same key gives the same fingerprint for the same secret, so an auditor holding the key
 * can check whether a given secret was involved, and records can be joined; without the key the
 * fingerprint says nothing about the secret, even for low-entropy secrets. Use a dedicated key of
 * at least 32 random bytes, not the audit MAC key.
 */
public final class AuditFingerprint {
  /** Every fingerprint starts with this prefix. */
  public static final String PREFIX = "fp_";
  private static final byte[] DOMAIN =
      "nhipam-audit-fingerprint-v1\0".getBytes(StandardCharsets.US_ASCII);
  private static final int TRUNCATED_BYTES = 16;

  private AuditFingerprint() {}

  /** The fingerprint of {@code secret} (UTF-8) under {@code key} (at least 32 bytes). */
  public static String of(byte[] key, String secret) {
    Objects.requireNonNull(secret, "secret");
    return of(key, secret.getBytes(StandardCharsets.UTF_8));
  }

  /** The fingerprint of the raw bytes {@code secret} under {@code key} (at least 32 bytes). */
  public static String of(byte[] key, byte[] secret) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(secret, "secret");
    if (key.length < 32) {
      throw new IllegalArgumentException(
          "fingerprint key has " + key.length + " bytes; use at least 32 random bytes");
    }
    byte[] mac = RecordCodec.hmac(key, DOMAIN, secret);
    return PREFIX
        + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, TRUNCATED_BYTES));
  }
}
