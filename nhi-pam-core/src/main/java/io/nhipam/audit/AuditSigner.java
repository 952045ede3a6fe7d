package io.nhipam.audit;

import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Signs audit checkpoints. Implement it over an HSM or a KMS, or use {@link #ed25519(byte[],
 * String)} for a key held in memory. Verification is always Ed25519 ({@link AuditVerifier}), so a
 * custom signer must produce 64-byte Ed25519 signatures.
 */
public interface AuditSigner {
  /** The key id written next to each signature, so a verifier can pick the public key. */
  String keyId();

  /** The 64-byte Ed25519 signature of {@code data}. */
  byte[] sign(byte[] data);

  /**
   * An in-memory Ed25519 signer from a 32-byte seed (RFC 8032 private key). The seed is copied;
   * {@code toString()} prints it as {@code <redacted>}.
   */
  static AuditSigner ed25519(byte[] seed32, String keyId) {
    return new Ed25519AuditSigner(seed32, keyId);
  }

  /** The 32-byte Ed25519 public key that belongs to {@code seed32}, to give to verifiers. */
  static byte[] ed25519PublicKey(byte[] seed32) {
    Objects.requireNonNull(seed32, "seed32");
    Ed25519AuditSigner.checkSeed(seed32);
    return new Ed25519PrivateKeyParameters(seed32, 0).generatePublicKey().getEncoded();
  }
}
