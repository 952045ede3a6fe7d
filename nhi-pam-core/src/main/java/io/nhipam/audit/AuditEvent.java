package io.nhipam.audit;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One immutable audit event: what happened, when, to whom, and why.
 *
 * <p><b>No secrets.</b> Callers pass identifiers only: a credential by its id (never its token), a
 * secret by {@link AuditFingerprint#of(byte[], String)}, masked data by counts per detector (e.g.
 * attribute {@code mask.card=2}), never the plaintext. As a second line of defence, {@link
 * Builder#build()} refuses any field shaped like a PASETO token, a JWT, a PASERK secret key, a PEM
 * private key, an nhi-pam ephemeral secret or a Luhn-valid card number, with a message that names
 * the field but never repeats the value.
 *
 * <p>Limits: ids, scope, reason and correlation id at most {@value #MAX_SHORT} characters; message
 * at most {@value #MAX_MESSAGE}; at most {@value #MAX_ATTRIBUTES} attributes with keys of lower-case
 * letters, digits, {@code . _ -} (at most 64 characters); at most {@value #MAX_CHAIN} delegation
 * steps. Blank strings are refused: leave a field unset instead.
 */
public final class AuditEvent {
  static final int MAX_SHORT = 512;
  static final int MAX_MESSAGE = 4096;
  static final int MAX_ATTRIBUTES = 64;
  static final int MAX_CHAIN = 32;

  private final AuditEventType type;
  private final Instant time;
  private final @Nullable String identity;
  private final @Nullable String credentialId;
  private final @Nullable String scope;
  private final @Nullable String reason;
  private final @Nullable String message;
  private final ImmutableList<String> delegationChain;
  private final @Nullable String correlationId;
  // made on first read when the builder held one attribute or none (the Guard's allow path: most
  // sinks that count or discard never read it); the race is benign, the map is immutable
  private @Nullable ImmutableSortedMap<String, String> attributes;
  private final @Nullable String onlyKey;
  private final @Nullable String onlyValue;

  private AuditEvent(Builder b) {
    this.type = b.type;
    this.time = b.time;
    this.identity = b.identity;
    this.credentialId = b.credentialId;
    this.scope = b.scope;
    this.reason = b.reason;
    this.message = b.message;
    this.delegationChain = b.chain == null ? ImmutableList.of() : ImmutableList.copyOf(b.chain);
    this.correlationId = b.correlationId;
    this.attributes = b.attributes != null ? ImmutableSortedMap.copyOfSorted(b.attributes)
        : b.onlyKey == null ? ImmutableSortedMap.of() : null;
    this.onlyKey = b.onlyKey;
    this.onlyValue = b.onlyValue;
  }

  /**
   * Starts an event of {@code type} at {@code time}; take the time from the caller's injected
   * {@link java.time.Clock}.
   */
  public static Builder builder(AuditEventType type, Instant time) {
    return new Builder(type, time);
  }

  public AuditEventType type() {
    return type;
  }

  public Instant time() {
    return time;
  }

  /** The non-human identity that acted, if known. */
  public Optional<String> identity() {
    return Optional.ofNullable(identity);
  }

  /** The credential id ({@code jti}) involved, never the token. */
  public Optional<String> credentialId() {
    return Optional.ofNullable(credentialId);
  }

  /** The scope checked, minted or revoked, if any. */
  public Optional<String> scope() {
    return Optional.ofNullable(scope);
  }

  /** A stable machine-readable reason code (e.g. {@code MISSING_SCOPE}, {@code REVOKED}). */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /** Human-readable text; never holds a secret. */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  /** Who acts for whom (RFC 8693 {@code act}), outermost actor first; empty if none. */
  public List<String> delegationChain() {
    return delegationChain;
  }

  /** An id the caller chose to join this event with its own logs (tool call id, statement id). */
  public Optional<String> correlationId() {
    return Optional.ofNullable(correlationId);
  }

  /** Extra facts, sorted by key (e.g. {@code mask.card=2}, {@code revoke.target=identity}). */
  public SortedMap<String, String> attributes() {
    ImmutableSortedMap<String, String> a = attributes;
    if (a == null) {
      a = ImmutableSortedMap.of(Objects.requireNonNull(onlyKey), Objects.requireNonNull(onlyValue));
      attributes = a;
    }
    return a;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AuditEvent)) {
      return false;
    }
    AuditEvent other = (AuditEvent) o;
    return type == other.type
        && time.equals(other.time)
        && Objects.equals(identity, other.identity)
        && Objects.equals(credentialId, other.credentialId)
        && Objects.equals(scope, other.scope)
        && Objects.equals(reason, other.reason)
        && Objects.equals(message, other.message)
        && delegationChain.equals(other.delegationChain)
        && Objects.equals(correlationId, other.correlationId)
        && attributes().equals(other.attributes());
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        type, time, identity, credentialId, scope, reason, message, delegationChain,
        correlationId, attributes());
  }

  /** The canonical JSON of the event fields (no secrets can be in it, see the class javadoc). */
  @Override
  public String toString() {
    return RecordCodec.eventJson(this);
  }

  /** Collects the fields of an {@link AuditEvent}; each may be set once. */
  public static final class Builder {
    private final AuditEventType type;
    private final Instant time;
    private @Nullable String identity;
    private @Nullable String credentialId;
    private @Nullable String scope;
    private @Nullable String reason;
    private @Nullable String message;
    // both made on first use: most events (every allow the Guard records) carry neither
    private @Nullable List<String> chain;
    private @Nullable String correlationId;
    private @Nullable SortedMap<String, String> attributes;
    // a lone attribute (the Guard's allow carries just its rule) is kept without a map
    private @Nullable String onlyKey;
    private @Nullable String onlyValue;

    private Builder(AuditEventType type, Instant time) {
      this.type = Objects.requireNonNull(type, "type");
      this.time = Objects.requireNonNull(time, "time");
    }

    public Builder identity(String identity) {
      Preconditions.checkState(this.identity == null, "identity was already set");
      this.identity = checkShort("identity", identity);
      return this;
    }

    public Builder credentialId(String credentialId) {
      Preconditions.checkState(this.credentialId == null, "credentialId was already set");
      this.credentialId = checkShort("credentialId", credentialId);
      return this;
    }

    public Builder scope(String scope) {
      Preconditions.checkState(this.scope == null, "scope was already set");
      this.scope = checkShort("scope", scope);
      return this;
    }

    public Builder reason(String reason) {
      Preconditions.checkState(this.reason == null, "reason was already set");
      this.reason = checkShort("reason", reason);
      return this;
    }

    public Builder message(String message) {
      Preconditions.checkState(this.message == null, "message was already set");
      this.message = check("message", null, message, MAX_MESSAGE, false);
      return this;
    }

    /** Sets the delegation chain, outermost actor first. */
    public Builder delegationChain(List<String> actors) {
      Preconditions.checkState(chain == null, "delegationChain was already set");
      Objects.requireNonNull(actors, "actors");
      if (actors.size() > MAX_CHAIN) {
        throw new IllegalArgumentException(
            "delegationChain has " + actors.size() + " steps; at most " + MAX_CHAIN
                + " are recorded. Shorten the chain at attenuation time.");
      }
      List<String> checked = new ArrayList<>(actors.size());
      for (int i = 0; i < actors.size(); i++) {
        checked.add(checkShort("delegationChain[" + i + "]", actors.get(i)));
      }
      chain = checked;
      return this;
    }

    public Builder correlationId(String correlationId) {
      Preconditions.checkState(this.correlationId == null, "correlationId was already set");
      this.correlationId = check("correlationId", null, correlationId, MAX_SHORT, false);
      return this;
    }

    /** Adds one attribute; pass counts, ids and {@link AuditFingerprint fingerprints} only. */
    public Builder attribute(String key, String value) {
      Objects.requireNonNull(key, "key");
      if (!isAttributeKey(key)) {
        throw new IllegalArgumentException(
            "attribute key '" + key + "' is not allowed: use 1 to 64 characters of a-z, 0-9, '.',"
                + " '_' or '-', starting with a letter or digit (e.g. 'mask.card')");
      }
      if (attributes == null) {
        if (onlyKey == null) {
          onlyValue = check("attribute", key, value, MAX_SHORT, true);
          onlyKey = key;
          return this;
        }
        Preconditions.checkState(!onlyKey.equals(key), "attribute %s was already set", key);
        attributes = new TreeMap<>();
        attributes.put(onlyKey, onlyValue);
      }
      Preconditions.checkState(!attributes.containsKey(key), "attribute %s was already set", key);
      if (attributes.size() == MAX_ATTRIBUTES) {
        throw new IllegalArgumentException(
            "an audit event holds at most " + MAX_ATTRIBUTES + " attributes");
      }
      attributes.put(key, check("attribute", key, value, MAX_SHORT, true));
      return this;
    }

    /** Adds one numeric attribute, e.g. a detector count. */
    public Builder attribute(String key, long value) {
      return attribute(key, Long.toString(value));
    }

    /** {@code [a-z0-9][a-z0-9._-]{0,63}}, checked by hand: this runs for every attribute of every event. */
    private static boolean isAttributeKey(String key) {
      int n = key.length();
      if (n == 0 || n > 64) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        char c = key.charAt(i);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (i > 0 && (c == '.' || c == '_' || c == '-'));
        if (!ok) {
          return false;
        }
      }
      return true;
    }

    public AuditEvent build() {
      return new AuditEvent(this);
    }

    private static String checkShort(String field, String value) {
      return check(field, null, value, MAX_SHORT, true);
    }

    /**
     * Checks one field value; {@code key} (an attribute key) completes the field's name in
     * messages, built only on failure. {@code remember}: the value is likely to recur (ids, scopes,
     * reasons), so a harmless one is remembered and not scanned again.
     */
    private static String check(String field, @Nullable String key, String value, int max, boolean remember) {
      Objects.requireNonNull(value, field);
      if (remember && SecretShapes.isKnownHarmless(value)) {
        return value; // this instance passed every check below before (and is shorter than any limit)
      }
      if (value.isBlank()) {
        throw new IllegalArgumentException(name(field, key) + " is blank; leave it unset instead");
      }
      if (value.length() > max) {
        throw new IllegalArgumentException(
            name(field, key) + " has " + value.length() + " characters; at most " + max + " are recorded");
      }
      String shape = SecretShapes.detect(value);
      if (shape != null) {
        throw new IllegalArgumentException(
            name(field, key) + " looks like " + shape + " (value <redacted>); audit records must never hold"
                + " tokens or secrets. Pass the credential id, or AuditFingerprint.of(key, secret)"
                + " for a secret, or a count for masked data.");
      }
      if (remember) {
        SecretShapes.rememberHarmless(value);
      }
      return value;
    }

    private static String name(String field, @Nullable String key) {
      return key == null ? field : field + " " + key;
    }
  }
}
