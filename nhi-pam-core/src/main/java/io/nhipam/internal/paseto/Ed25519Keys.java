package io.nhipam.internal.paseto;

import io.nhipam.internal.paseto.PasetoException.Kind;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 (RFC 8032, pure, no context) on Bouncy Castle: key generation and import, signing and
 * verification.
 *
 * <p>Verification is Bouncy Castle's: it refuses a non-canonical {@code S} (not below the group
 * order) and a non-canonical {@code R}, as RFC 8032 section 5.1.7 requires, so signatures are not
 * malleable. Public keys are checked on import: a byte string that is not a valid point, or is a
 * point of small order, is refused as {@link Kind#BAD_KEY}.
 */
public final class Ed25519Keys {
  /** Length of an Ed25519 public key. */
  public static final int PUBLIC_KEY_BYTES = Ed25519PublicKeyParameters.KEY_SIZE;
  /** Length of an Ed25519 private key seed. */
  public static final int SEED_BYTES = Ed25519PrivateKeyParameters.KEY_SIZE;
  /** Length of the 64-byte secret key form, seed followed by public key. */
  public static final int SECRET_KEY_BYTES = SEED_BYTES + PUBLIC_KEY_BYTES;
  /** Length of an Ed25519 signature. */
  public static final int SIGNATURE_BYTES = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;

  private Ed25519Keys() {}

  /** Generates a fresh private key from {@code random}. */
  public static Ed25519PrivateKeyParameters generate(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    return new Ed25519PrivateKeyParameters(random);
  }

  /** The public key that belongs to {@code privateKey}. */
  public static Ed25519PublicKeyParameters publicKeyOf(Ed25519PrivateKeyParameters privateKey) {
    Objects.requireNonNull(privateKey, "privateKey");
    return privateKey.generatePublicKey();
  }

  /**
   * Imports a private key from its 32-byte seed.
   *
   * @throws PasetoException of kind {@link Kind#BAD_KEY} if the seed is not 32 bytes
   */
  public static Ed25519PrivateKeyParameters privateKeyFromSeed(byte[] seed) {
    Objects.requireNonNull(seed, "seed");
    if (seed.length != SEED_BYTES) {
      throw new PasetoException(
          Kind.BAD_KEY,
          "an Ed25519 private key seed must be " + SEED_BYTES + " bytes, got " + seed.length
              + "; pass the 32-byte seed, not a 64-byte secret key or an encoded form");
    }
    return new Ed25519PrivateKeyParameters(seed, 0);
  }

  /**
   * Imports a private key from the 64-byte secret key form, seed followed by public key, and
   * checks that the public half belongs to the seed.
   *
   * @throws PasetoException of kind {@link Kind#BAD_KEY} if the length is not 64 or the public
   *     half does not match the seed
   */
  public static Ed25519PrivateKeyParameters privateKeyFromSecretKey(byte[] secretKey) {
    Objects.requireNonNull(secretKey, "secretKey");
    if (secretKey.length != SECRET_KEY_BYTES) {
      throw new PasetoException(
          Kind.BAD_KEY,
          "an Ed25519 secret key must be " + SECRET_KEY_BYTES
              + " bytes (32-byte seed followed by the 32-byte public key), got "
              + secretKey.length);
    }
    Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(secretKey, 0);
    byte[] derived = privateKey.generatePublicKey().getEncoded();
    byte[] given = Arrays.copyOfRange(secretKey, SEED_BYTES, SECRET_KEY_BYTES);
    if (!MessageDigest.isEqual(derived, given)) {
      throw new PasetoException(
          Kind.BAD_KEY,
          "the Ed25519 secret key's public half does not match the public key derived from its"
              + " seed; the key is corrupted or was assembled from two different keys");
    }
    return privateKey;
  }

  /**
   * Imports a public key from its 32-byte encoding.
   *
   * @throws PasetoException of kind {@link Kind#BAD_KEY} if the length is not 32 or the bytes are
   *     not a valid curve point of full order
   */
  public static Ed25519PublicKeyParameters publicKeyFromBytes(byte[] publicKey) {
    Objects.requireNonNull(publicKey, "publicKey");
    if (publicKey.length != PUBLIC_KEY_BYTES) {
      throw new PasetoException(
          Kind.BAD_KEY,
          "an Ed25519 public key must be " + PUBLIC_KEY_BYTES + " bytes, got " + publicKey.length);
    }
    try {
      return new Ed25519PublicKeyParameters(publicKey, 0);
    } catch (IllegalArgumentException e) {
      throw new PasetoException(
          Kind.BAD_KEY,
          "the 32 bytes are not a usable Ed25519 public key: they do not decode to a curve point,"
              + " or the point has small order; use the public key generated with the private"
              + " key");
    }
  }

  /** Signs {@code message} with {@code privateKey} (deterministic, RFC 8032). */
  public static byte[] sign(Ed25519PrivateKeyParameters privateKey, byte[] message) {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(message, "message");
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /**
   * Whether {@code signature} is a valid Ed25519 signature of {@code message} by {@code
   * publicKey}. A signature of any length other than 64 bytes, a non-canonical {@code S} or
   * {@code R}, or any other defect yields {@code false}.
   */
  public static boolean verify(
      Ed25519PublicKeyParameters publicKey, byte[] message, byte[] signature) {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(signature, "signature");
    if (signature.length != SIGNATURE_BYTES) {
      return false;
    }
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(false, publicKey);
    signer.update(message, 0, message.length);
    return signer.verifySignature(signature);
  }
}
