package io.nhipam.credential;

import com.google.common.collect.ImmutableMap;
import io.nhipam.error.ReasonCode;
import io.nhipam.internal.paseto.Ed25519Keys;
import io.nhipam.internal.paseto.Paserk;
import io.nhipam.internal.paseto.PasetoException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.jspecify.annotations.Nullable;

/**
 * The Ed25519 keys that sign and verify credentials, each named by its PASERK {@code k4.pid}.
 *
 * <p>One key is active and signs; after {@link #rotate()} the previous keys still verify until
 * {@link #remove(String) removed}, so tokens minted before a rotation stay valid for their short
 * life. Keys imported with {@link #importPublic(String)} only verify. Keys are looked up only by
 * the key id a token's footer names, and only among keys in this ring: nothing in a token can
 * introduce a key. Thread-safe; changes are atomic.
 *
 * <p>Key material never prints: {@link #toString()} shows key ids only. {@link #destroy()} wipes
 * the ring's copies of private keys (Bouncy Castle keeps its own internal copy until collected).
 */
public final class KeyRing implements Destroyable {
  private final SecureRandom random;
  private volatile State state;
  private volatile boolean destroyed;

  private KeyRing(SecureRandom random, State state) {
    this.random = random;
    this.state = state;
  }

  /** A ring with one freshly generated active key. */
  public static KeyRing generate() {
    return generate(new SecureRandom());
  }

  /** A ring with one freshly generated active key, drawn from {@code random}. */
  public static KeyRing generate(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    KeyRing ring = new KeyRing(random, new State(ImmutableMap.of(), null));
    ring.rotate();
    return ring;
  }

  /**
   * A ring whose active key is imported from a PASERK {@code k4.secret} string.
   *
   * @throws CredentialException if the string is not a valid {@code k4.secret}
   */
  public static KeyRing fromSecret(String k4secret) {
    KeyRing ring = new KeyRing(new SecureRandom(), new State(ImmutableMap.of(), null));
    ring.importSecret(k4secret, true);
    return ring;
  }

  /** Generates a new key, makes it the signing key, keeps the old ones for verification. Returns its id. */
  public synchronized String rotate() {
    checkNotDestroyed();
    Ed25519PrivateKeyParameters sk = Ed25519Keys.generate(random);
    return put(sk, Ed25519Keys.publicKeyOf(sk), true);
  }

  /**
   * Imports a private key from a PASERK {@code k4.secret} string.
   *
   * @param makeActive whether the imported key becomes the signing key
   * @return the key's id
   */
  public synchronized String importSecret(String k4secret, boolean makeActive) {
    checkNotDestroyed();
    Ed25519PrivateKeyParameters sk;
    try {
      sk = Paserk.decodeSecret(Objects.requireNonNull(k4secret, "k4secret"));
    } catch (PasetoException e) {
      throw new CredentialException(ReasonCode.MALFORMED, "cannot import key: " + e.getMessage(), e);
    }
    return put(sk, Ed25519Keys.publicKeyOf(sk), makeActive);
  }

  /** Imports a verify-only public key from a PASERK {@code k4.public} string. Returns its id. */
  public synchronized String importPublic(String k4public) {
    checkNotDestroyed();
    Ed25519PublicKeyParameters pk;
    try {
      pk = Paserk.decodePublic(Objects.requireNonNull(k4public, "k4public"));
    } catch (PasetoException e) {
      throw new CredentialException(ReasonCode.MALFORMED, "cannot import key: " + e.getMessage(), e);
    }
    return put(null, pk, false);
  }

  /**
   * Removes a key: tokens it signed stop verifying.
   *
   * @throws IllegalStateException if it is the active key (rotate first) or unknown
   */
  public synchronized void remove(String keyId) {
    State s = state;
    if (!s.keys.containsKey(keyId)) {
      throw new IllegalStateException("no key " + keyId + " in this ring; it holds " + s.keys.keySet());
    }
    if (keyId.equals(s.activeId)) {
      throw new IllegalStateException("key " + keyId + " is the active signing key; rotate() before removing it");
    }
    Map<String, Entry> keys = new LinkedHashMap<>(s.keys);
    keys.remove(keyId);
    state = new State(ImmutableMap.copyOf(keys), s.activeId);
  }

  private String put(@Nullable Ed25519PrivateKeyParameters sk, Ed25519PublicKeyParameters pk, boolean makeActive) {
    String kid = Paserk.pid(pk);
    State s = state;
    Map<String, Entry> keys = new LinkedHashMap<>(s.keys);
    Entry existing = keys.get(kid);
    keys.put(kid, new Entry(kid, sk != null ? sk : existing != null ? existing.privateKey : null, pk));
    String active = makeActive ? kid : s.activeId;
    if (makeActive && keys.get(kid).privateKey == null) {
      throw new IllegalStateException("key " + kid + " has no private half and cannot sign");
    }
    state = new State(ImmutableMap.copyOf(keys), active);
    return kid;
  }

  /** The id of the key that signs new credentials. */
  public String activeKeyId() {
    String id = state.activeId;
    if (id == null) {
      throw new IllegalStateException("this key ring has no signing key; import one with importSecret(.., true)");
    }
    return id;
  }

  /** Ids of every key that verifies, active first... in insertion order. */
  public Set<String> keyIds() {
    return state.keys.keySet();
  }

  /** The public half of key {@code keyId} as PASERK {@code k4.public}; safe to share. */
  public String exportPublic(String keyId) {
    return Paserk.encodePublic(entry(keyId).publicKey);
  }

  /** The raw 32-byte public key of {@code keyId}, for verifiers that take bytes (audit checkpoints). */
  public byte[] publicKeyBytes(String keyId) {
    return entry(keyId).publicKey.getEncoded();
  }

  /**
   * The private key {@code keyId} as PASERK {@code k4.secret}. This string is the key: store it
   * in a secret manager, never in a log or a repository.
   */
  public String exportSecretUnsafe(String keyId) {
    checkNotDestroyed();
    Ed25519PrivateKeyParameters sk = entry(keyId).privateKey;
    if (sk == null) {
      throw new IllegalStateException("key " + keyId + " is verify-only; it has no private half to export");
    }
    return Paserk.encodeSecret(sk);
  }

  /**
   * An audit checkpoint signer backed by this ring's active key, so the audit trail and the
   * credentials share one key lifecycle. Verifiers get the key with {@link #publicKeyBytes}.
   */
  public io.nhipam.audit.AuditSigner auditSigner() {
    return new io.nhipam.audit.AuditSigner() {
      @Override
      public String keyId() {
        return activeKeyId();
      }

      @Override
      public byte[] sign(byte[] data) {
        return signRaw(data);
      }

      @Override
      public String toString() {
        return "AuditSigner{keyRing=" + activeKeyId() + ", key=<redacted>}";
      }
    };
  }

  /** Signs {@code data} with the active key (raw Ed25519, for audit checkpoints). */
  public byte[] signRaw(byte[] data) {
    return Ed25519Keys.sign(signingKey(), data);
  }

  Ed25519PrivateKeyParameters signingKey() {
    checkNotDestroyed();
    Entry e = state.keys.get(activeKeyId());
    return Objects.requireNonNull(e.privateKey, "active key has a private half");
  }

  /** The verification key for {@code keyId}, or null if the ring does not hold it. */
  @Nullable Ed25519PublicKeyParameters verificationKey(String keyId) {
    Entry e = state.keys.get(keyId);
    return e == null ? null : e.publicKey;
  }

  private Entry entry(String keyId) {
    Entry e = state.keys.get(keyId);
    if (e == null) {
      throw new IllegalArgumentException("no key " + keyId + " in this ring; it holds " + state.keys.keySet());
    }
    return e;
  }

  private void checkNotDestroyed() {
    if (destroyed) {
      throw new IllegalStateException("this key ring was destroyed; build a new one");
    }
  }

  @Override
  public synchronized void destroy() {
    destroyed = true;
    State s = state;
    Map<String, Entry> keys = new LinkedHashMap<>();
    s.keys.forEach((k, e) -> keys.put(k, new Entry(k, null, e.publicKey)));
    state = new State(ImmutableMap.copyOf(keys), null);
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public String toString() {
    State s = state;
    return "KeyRing{active=" + s.activeId + ", keys=" + s.keys.keySet() + ", private key material=<redacted>}";
  }

  private static final class Entry {
    final String id;
    final @Nullable Ed25519PrivateKeyParameters privateKey;
    final Ed25519PublicKeyParameters publicKey;

    Entry(String id, @Nullable Ed25519PrivateKeyParameters privateKey, Ed25519PublicKeyParameters publicKey) {
      this.id = id;
      this.privateKey = privateKey;
      this.publicKey = publicKey;
    }
  }

  private static final class State {
    final ImmutableMap<String, Entry> keys;
    final @Nullable String activeId;

    State(ImmutableMap<String, Entry> keys, @Nullable String activeId) {
      this.keys = keys;
      this.activeId = activeId;
    }
  }
}
