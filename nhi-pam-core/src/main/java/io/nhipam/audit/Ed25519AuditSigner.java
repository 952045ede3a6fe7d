package io.nhipam.audit;

import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Ed25519 over a seed held in memory (Bouncy Castle). Thread-safe. */
final class Ed25519AuditSigner implements AuditSigner {
  private final Ed25519PrivateKeyParameters key;
  private final String keyId;

  Ed25519AuditSigner(byte[] seed32, String keyId) {
    Objects.requireNonNull(seed32, "seed32");
    Objects.requireNonNull(keyId, "keyId");
    checkSeed(seed32);
    if (keyId.isBlank() || keyId.length() > 256) {
      throw new IllegalArgumentException("keyId must be 1 to 256 non-blank characters");
    }
    this.key = new Ed25519PrivateKeyParameters(seed32.clone(), 0);
    this.keyId = keyId;
  }

  static void checkSeed(byte[] seed32) {
    if (seed32.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
      throw new IllegalArgumentException(
          "an Ed25519 seed has 32 bytes, this one has " + seed32.length
              + "; generate it with SecureRandom or take it from the key ring");
    }
  }

  @Override
  public String keyId() {
    return keyId;
  }

  @Override
  public byte[] sign(byte[] data) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(data, 0, data.length);
    return signer.generateSignature();
  }

  @Override
  public String toString() {
    return "Ed25519AuditSigner{keyId=" + keyId + ", seed=<redacted>}";
  }
}
