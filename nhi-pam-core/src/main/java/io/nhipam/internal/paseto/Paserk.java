package io.nhipam.internal.paseto;

import io.nhipam.internal.paseto.PasetoException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * PASERK serialisations of version 4 keys: {@code k4.public} (32-byte public key), {@code
 * k4.secret} (64 bytes, seed followed by public key) and the key id {@code k4.pid}.
 *
 * <p>{@code k4.pid} = {@code "k4.pid." + base64url(BLAKE2b-264("k4.pid." || "k4.public." +
 * base64url(pk)))}: an identifier that names a public key without revealing it.
 *
 * <p>Decoding is strict: exact prefix, exact length, canonical base64url; every failure is
 * {@link Kind#BAD_KEY} and no message carries key text.
 */
public final class Paserk {
  static final String PUBLIC_PREFIX = "k4.public.";
  static final String SECRET_PREFIX = "k4.secret.";
  static final String PID_PREFIX = "k4.pid.";
  /** BLAKE2b output length of a {@code k4.pid}, in bytes (264 bits). */
  static final int PID_HASH_BYTES = 33;
  /** Length of a {@code k4.pid} string. */
  public static final int PID_CHARS =
      PID_PREFIX.length() + (int) Base64Url.encodedLength(PID_HASH_BYTES);

  private Paserk() {}

  /** {@code k4.public.} followed by the key's 32 bytes in base64url. */
  public static String encodePublic(Ed25519PublicKeyParameters publicKey) {
    Objects.requireNonNull(publicKey, "publicKey");
    return encodePublicBytes(publicKey.getEncoded());
  }

  static String encodePublicBytes(byte[] publicKey) {
    requirePublicLength(publicKey.length);
    return PUBLIC_PREFIX + Base64Url.encode(publicKey);
  }

  /**
   * Decodes a {@code k4.public} PASERK into a usable verification key.
   *
   * @throws PasetoException of kind {@link Kind#BAD_KEY} if it is not a {@code k4.public} PASERK
   *     of a valid Ed25519 public key
   */
  public static Ed25519PublicKeyParameters decodePublic(String paserk) {
    return Ed25519Keys.publicKeyFromBytes(decodePublicBytes(paserk));
  }

  static byte[] decodePublicBytes(String paserk) {
    byte[] key = decode(paserk, PUBLIC_PREFIX, "k4.public");
    requirePublicLength(key.length);
    return key;
  }

  /** {@code k4.secret.} followed by seed and public key, 64 bytes, in base64url. */
  public static String encodeSecret(Ed25519PrivateKeyParameters privateKey) {
    Objects.requireNonNull(privateKey, "privateKey");
    byte[] secret = new byte[Ed25519Keys.SECRET_KEY_BYTES];
    privateKey.encode(secret, 0);
    privateKey.generatePublicKey().encode(secret, Ed25519Keys.SEED_BYTES);
    try {
      return SECRET_PREFIX + Base64Url.encode(secret);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /**
   * Decodes a {@code k4.secret} PASERK, checking that its public half belongs to its seed.
   *
   * @throws PasetoException of kind {@link Kind#BAD_KEY} if it is not a {@code k4.secret}
   *     PASERK of 64 bytes whose public half matches the seed
   */
  public static Ed25519PrivateKeyParameters decodeSecret(String paserk) {
    byte[] secret = decode(paserk, SECRET_PREFIX, "k4.secret");
    try {
      return Ed25519Keys.privateKeyFromSecretKey(secret);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /** The {@code k4.pid} key id of {@code publicKey}. */
  public static String pid(Ed25519PublicKeyParameters publicKey) {
    Objects.requireNonNull(publicKey, "publicKey");
    return pidOfBytes(publicKey.getEncoded());
  }

  static String pidOfBytes(byte[] publicKey) {
    byte[] prefix = PID_PREFIX.getBytes(StandardCharsets.US_ASCII);
    byte[] paserk = encodePublicBytes(publicKey).getBytes(StandardCharsets.US_ASCII);
    Blake2bDigest blake = new Blake2bDigest(PID_HASH_BYTES * 8);
    blake.update(prefix, 0, prefix.length);
    blake.update(paserk, 0, paserk.length);
    byte[] hash = new byte[PID_HASH_BYTES];
    blake.doFinal(hash, 0);
    return PID_PREFIX + Base64Url.encode(hash);
  }

  /**
   * Returns {@code candidate} if it is a well-formed {@code k4.pid}: the prefix, then the
   * canonical base64url of 33 bytes.
   *
   * @throws PasetoException of kind {@link Kind#BAD_KEY} otherwise
   */
  public static String requirePid(String candidate) {
    Objects.requireNonNull(candidate, "candidate");
    if (candidate.length() != PID_CHARS) {
      throw new PasetoException(
          Kind.BAD_KEY,
          "a k4.pid key id is " + PID_CHARS + " characters long, got " + candidate.length());
    }
    decode(candidate, PID_PREFIX, "k4.pid");
    return candidate;
  }

  private static byte[] decode(String paserk, String prefix, String type) {
    Objects.requireNonNull(paserk, "paserk");
    if (!paserk.startsWith(prefix)) {
      throw new PasetoException(
          Kind.BAD_KEY,
          "expected a " + type + " PASERK, but the text does not start with '" + prefix
              + "'; keys of other versions or types are refused");
    }
    try {
      return Base64Url.decode(paserk, prefix.length(), paserk.length(), type + " PASERK");
    } catch (PasetoException e) {
      throw new PasetoException(Kind.BAD_KEY, e.getMessage());
    }
  }

  private static void requirePublicLength(int length) {
    if (length != Ed25519Keys.PUBLIC_KEY_BYTES) {
      throw new PasetoException(
          Kind.BAD_KEY,
          "a k4.public key is " + Ed25519Keys.PUBLIC_KEY_BYTES + " bytes, got " + length);
    }
  }
}
