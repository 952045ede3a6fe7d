package io.nhipam.guard;

import com.fasterxml.jackson.databind.JsonNode;
import io.nhipam.audit.AuditEvent;
import io.nhipam.audit.AuditEventType;
import io.nhipam.audit.AuditException;
import io.nhipam.audit.AuditLog;
import io.nhipam.credential.Credential;
import io.nhipam.credential.CredentialAuthority;
import io.nhipam.credential.CredentialException;
import io.nhipam.credential.SecretGrant;
import io.nhipam.error.ReasonCode;
import io.nhipam.mask.MaskReport;
import io.nhipam.mask.MaskResult;
import io.nhipam.mask.MaskedJson;
import io.nhipam.mask.Masker;
import io.nhipam.policy.IdentityPolicy;
import io.nhipam.scope.Scope;
import io.nhipam.scope.ScopeSyntaxException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The decision point: checks a credential against a scope, masks what flows back, and audits both.
 *
 * <p>A check allows only when all of these hold, in this order, and denies with the first that
 * fails: a credential is present; the revocation state is fresh; the credential is within its
 * validity window (with leeway) and neither it, an ancestor, its lease nor its identity is
 * revoked; its signing key is still in the key ring; it was minted for this authority's issuer
 * and audience; the scope is a valid concrete
 * scope; the identity has a policy; no deny rule matches (deny overrides allow); the credential
 * carries a matching scope; and the identity's current policy still allows it. Every allow and
 * deny is audited; if the audit record cannot be written, the check is denied with
 * {@link ReasonCode#AUDIT_FAILED} (fail closed), unless the audit log was built with its loudly
 * named best-effort option for allows.
 *
 * <p>Decorators wrap a {@link Supplier}, {@link Function}, {@link Callable} or {@link Runnable}:
 * the check runs first, the call second, masking last (on {@link CharSequence} and
 * {@link JsonNode} results; other result types pass through unchanged). Thread-safe.
 */
public final class Guard {
  private static final int MAX_KEYS = 1024;
  private static final ConcurrentHashMap<String, String> MASK_KEYS = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, String> REVEAL_KEYS = new ConcurrentHashMap<>();

  private final CredentialAuthority authority;
  private final AuditLog audit;
  private final Masker masker;

  public Guard(CredentialAuthority authority, AuditLog audit, Masker masker) {
    this.authority = Objects.requireNonNull(authority, "authority");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.masker = Objects.requireNonNull(masker, "masker");
  }

  // ------------------------------------------------------------------ checks

  /** Checks {@code credential} (which may be null: denied) against {@code scope}. */
  public Decision check(@Nullable Credential credential, String scope) {
    return check(credential, scope, null);
  }

  /** As {@link #check(Credential, String)}, tagging the audit record with {@code correlationId}. */
  public Decision check(@Nullable Credential credential, String scope, @Nullable String correlationId) {
    Scope parsed;
    try {
      parsed = Scope.of(Objects.requireNonNull(scope, "scope"));
    } catch (ScopeSyntaxException e) {
      return record(Decision.denied(ReasonCode.INVALID_SCOPE, "invalid scope requested: " + e.getMessage(),
          printable(scope), null, credential == null ? null : credential.id(),
          credential == null ? null : credential.subject()), credential, correlationId);
    }
    return check(credential, parsed, correlationId);
  }

  /** Checks {@code credential} against an already parsed scope (the fastest form). */
  public Decision check(@Nullable Credential credential, Scope scope) {
    return check(credential, scope, null);
  }

  /** As {@link #check(Credential, Scope)}, tagging the audit record with {@code correlationId}. */
  public Decision check(@Nullable Credential credential, Scope scope, @Nullable String correlationId) {
    // the clock is read once, in milliseconds (the audit record's precision): expiry, audit, last use
    long now = authority.clock().millis();
    return record(decide(credential, scope, now), credential, correlationId, now);
  }

  /**
   * Decides as {@link #check(Credential, Scope, String)} would, recording only a denial: for an
   * early check that a recorded check repeats before anything is reached. A guarded JDBC
   * connection uses it when a statement is prepared, so that a denied statement fails where it is
   * written, and checks again, recorded, on every execution. An allow from here reaches nothing by
   * itself, so it leaves no audit record and does not count as a use of the credential; never use
   * it in place of {@link #check} before the access itself.
   */
  public Decision checkAhead(@Nullable Credential credential, Scope scope, @Nullable String correlationId) {
    long now = authority.clock().millis();
    Decision d = decide(credential, scope, now);
    return d.isAllowed() ? d : record(d, credential, correlationId, now);
  }

  /** Decides without auditing (for composition inside this library). */
  Decision decide(@Nullable Credential c, Scope scope) {
    return decide(c, scope, authority.clock().millis());
  }

  private Decision decide(@Nullable Credential c, Scope scope, long nowMillis) {
    String s = scope.value();
    if (c == null) {
      return Decision.denied(ReasonCode.NO_CREDENTIAL, "no credential presented for " + s
          + "; mint one for the calling identity and pass it with the call", s, null, null, null);
    }
    ReasonCode problem = authority.problem(c, nowMillis);
    if (problem != null) {
      return deny(problem, authority.describe(c, problem), s, null, c);
    }
    if (!c.audience().equals(authority.audience()) || !c.issuer().equals(authority.issuer())) {
      return deny(ReasonCode.WRONG_AUDIENCE, "credential " + c.id() + " was minted by " + c.issuer() + " for "
          + c.audience() + ", not by " + authority.issuer() + " for " + authority.audience(), s, null, c);
    }
    if (!scope.isConcrete()) {
      return deny(ReasonCode.INVALID_SCOPE, "a check needs a concrete scope, not the pattern " + s, s, null, c);
    }
    IdentityPolicy policy = authority.policy().find(c.subject());
    if (policy == null) {
      return deny(ReasonCode.UNKNOWN_IDENTITY, "identity " + c.subject() + " has no policy in "
          + authority.policy().source() + "; nothing can be granted to it", s, null, c);
    }
    Scope denyRule = policy.deniedBy(scope);
    if (denyRule != null) {
      return deny(ReasonCode.DENIED_BY_RULE, "credential " + c.id() + " for " + c.subject() + " is denied " + s
          + " by rule " + denyRule + " in its policy (deny overrides allow)", s, denyRule.value(), c);
    }
    Scope grant = c.scopes().matcher().find(scope);
    if (grant == null) {
      return deny(ReasonCode.MISSING_SCOPE, "credential " + c.id() + " for " + c.subject() + " lacks scope " + s
          + "; it grants " + c.scopes() + "; add " + s + " to " + c.subject()
          + "'s policy or mint a credential that carries it", s, null, c);
    }
    if (policy.allowedBy(scope) == null) {
      return deny(ReasonCode.NOT_IN_POLICY, "credential " + c.id() + " carries " + grant + " but the current policy"
          + " of " + c.subject() + " no longer allows " + s + "; the policy changed after the mint", s, null, c);
    }
    return Decision.allowed(s, grant.value(), c.id(), c.subject());
  }

  private static Decision deny(ReasonCode reason, String message, String scope, @Nullable String rule, Credential c) {
    return Decision.denied(reason, message, scope, rule, c.id(), c.subject());
  }

  private Decision record(Decision d, @Nullable Credential c, @Nullable String correlationId) {
    return record(d, c, correlationId, authority.clock().millis());
  }

  private Decision record(Decision d, @Nullable Credential c, @Nullable String correlationId, long nowMillis) {
    try {
      audit.record(event(d, c, correlationId, Instant.ofEpochMilli(nowMillis)));
    } catch (AuditException | IllegalArgumentException failure) {
      // the record could not be written, or a field was refused (e.g. a scope shaped like a card
      // number): either way the decision cannot be audited, so it is a denial
      return Decision.denied(ReasonCode.AUDIT_FAILED, "access refused: its audit record could not be written ("
          + failure.getMessage() + "); fix the audit sink, or request a scope that holds no secret-shaped value",
          printable(d.scope()), null, c == null ? null : c.id(), c == null ? null : c.subject());
    }
    if (d.isAllowed() && c != null) {
      authority.recordUse(c, nowMillis);
    }
    return d;
  }

  private static AuditEvent event(Decision d, @Nullable Credential c, @Nullable String correlationId, Instant now) {
    AuditEvent.Builder e = AuditEvent.builder(d.isAllowed() ? AuditEventType.ALLOW : AuditEventType.DENY, now)
        .scope(d.scope()).reason(d.reason().name());
    if (c != null) {
      e.identity(c.subject()).credentialId(c.id());
      if (!c.delegationChain().isEmpty()) {
        e.delegationChain(c.delegationChain().stream().map(Credential.Actor::subject).toList());
      }
    }
    String rule = d.ruleOrNull();
    if (rule != null) {
      e.attribute("rule", rule);
    }
    if (correlationId != null && !correlationId.isBlank()) {
      e.correlationId(correlationId);
    }
    if (d.isDenied()) {
      e.message(d.message());
    }
    return e.build();
  }

  /**
   * Checks and throws on denial.
   *
   * @return the allow decision
   * @throws AccessDeniedException carrying the denial
   */
  public Decision require(@Nullable Credential credential, String scope) {
    return require(credential, scope, null);
  }

  /** As {@link #require(Credential, String)} with a correlation id for the audit record. */
  public Decision require(@Nullable Credential credential, String scope, @Nullable String correlationId) {
    Decision d = check(credential, scope, correlationId);
    if (d.isDenied()) {
      throw new AccessDeniedException(d);
    }
    return d;
  }

  /** As {@link #require(Credential, String)} for a parsed scope. */
  public Decision require(@Nullable Credential credential, Scope scope) {
    Decision d = check(credential, scope);
    if (d.isDenied()) {
      throw new AccessDeniedException(d);
    }
    return d;
  }

  /**
   * Checks an ephemeral secret (for callers that cannot carry a token) against {@code scope}.
   * The secret never reaches the decision, its message or the audit record: it is named by its
   * keyed fingerprint.
   */
  public Decision checkSecret(CharSequence secret, String scope) {
    Scope parsed = Scope.of(scope);
    Decision d;
    try {
      SecretGrant g = authority.verifySecret(secret);
      if (g.grants(parsed)) {
        d = Decision.allowed(scope, scope, g.fingerprint(), g.identity());
      } else {
        d = Decision.denied(ReasonCode.MISSING_SCOPE, "secret " + g.name() + " (" + g.fingerprint() + ") of "
            + g.identity() + " lacks scope " + scope + "; it grants " + g.scopes(), scope, null, g.fingerprint(),
            g.identity());
      }
    } catch (CredentialException e) {
      d = Decision.denied(e.reason(), e.getMessage(), scope, null, null, null);
    }
    return record(d, null, null);
  }

  // ------------------------------------------------------------------ masking

  /**
   * Masks {@code text} for the holder of {@code credential}: every detector's values are masked
   * unless the credential is valid and carries {@code pii:<detector>:reveal} that its policy still
   * allows. What was found (counts, never values) and what was revealed is audited.
   */
  public String mask(@Nullable Credential credential, CharSequence text) {
    return mask(credential, text, null);
  }

  /** As {@link #mask(Credential, CharSequence)}, with a correlation id for the audit record. */
  public String mask(@Nullable Credential credential, CharSequence text, @Nullable String correlationId) {
    MaskResult r = masker.mask(text, revealed(credential));
    auditMask(credential, r.report(), correlationId);
    return r.text();
  }

  /** Masks every string and number in a JSON tree (the tree is not modified; a masked copy is returned). */
  public JsonNode maskJson(@Nullable Credential credential, JsonNode tree, @Nullable String correlationId) {
    MaskedJson r = masker.maskJson(tree, revealed(credential));
    auditMask(credential, r.report(), correlationId);
    return r.tree();
  }

  /** Masks a call's result: text and JSON are masked, other types are returned as they are. */
  @SuppressWarnings("unchecked")
  public <T> T maskResult(@Nullable Credential credential, T result, @Nullable String correlationId) {
    if (result instanceof CharSequence) {
      return (T) mask(credential, (CharSequence) result, correlationId);
    }
    if (result instanceof JsonNode) {
      return (T) maskJson(credential, (JsonNode) result, correlationId);
    }
    return result;
  }

  /**
   * The detectors whose values {@code credential} may see in clear: those with a reveal scope it
   * carries and its policy allows. Nothing for a missing, expired or revoked credential.
   */
  public Set<String> revealed(@Nullable Credential credential) {
    if (credential == null) {
      return Set.of();
    }
    IdentityPolicy policy = authority.policy().find(credential.subject());
    if (policy == null || policy.reveal().isEmpty() || authority.problem(credential) != null) {
      return Set.of(); // the policy reveals nothing (most identities: no need to check more), or no valid credential
    }
    Set<String> out = null;
    for (String detector : policy.reveal()) {
      Scope s = IdentityPolicy.revealScope(detector);
      if (credential.grants(s) && policy.deniedBy(s) == null) {
        if (out == null) {
          out = new TreeSet<>();
        }
        out.add(detector);
      }
    }
    return out == null ? Set.of() : out;
  }

  /** A session that masks many values for {@code credential}; see {@link MaskingSession}. */
  public MaskingSession maskingSession(@Nullable Credential credential, @Nullable String correlationId) {
    return new MaskingSession(this, credential, correlationId);
  }

  void auditMask(@Nullable Credential c, MaskReport report, @Nullable String correlationId) {
    if (report.isEmpty()) {
      return;
    }
    AuditEvent.Builder e = AuditEvent.builder(AuditEventType.MASK, authority.clock().instant());
    if (c != null) {
      e.identity(c.subject()).credentialId(c.id());
    }
    if (correlationId != null && !correlationId.isBlank()) {
      e.correlationId(correlationId);
    }
    for (Map.Entry<String, Integer> m : report.counts().entrySet()) {
      e.attribute(attributeKey(MASK_KEYS, "mask.", m.getKey()), m.getValue());
    }
    for (Map.Entry<String, Integer> m : report.revealedCounts().entrySet()) {
      e.attribute(attributeKey(REVEAL_KEYS, "reveal.", m.getKey()), m.getValue());
    }
    try {
      audit.record(e.build());
    } catch (AuditException | IllegalArgumentException failure) {
      throw new AccessDeniedException(Decision.denied(ReasonCode.AUDIT_FAILED, "masked result withheld: its audit"
          + " record could not be written (" + failure.getMessage() + ")", "mask", null,
          c == null ? null : c.id(), c == null ? null : c.subject()));
    }
  }

  /**
   * The audit attribute key for a detector id, made once per id: every masked result is audited,
   * and the ids are the masker's configured detectors (a bounded set). Past {@value #MAX_KEYS} ids
   * the key is made afresh each time instead of remembered.
   */
  private static String attributeKey(ConcurrentHashMap<String, String> keys, String prefix, String detector) {
    String key = keys.get(detector);
    if (key == null) {
      key = prefix + attributeKey(detector);
      if (keys.size() < MAX_KEYS) {
        keys.putIfAbsent(detector, key);
      }
    }
    return key;
  }

  private static String attributeKey(String detector) {
    StringBuilder sb = new StringBuilder(detector.length());
    for (int i = 0; i < detector.length() && sb.length() < 58; i++) {
      char ch = Character.toLowerCase(detector.charAt(i));
      sb.append((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' ? ch : '_');
    }
    return sb.toString();
  }

  private static String printable(String s) {
    String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    return cut.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f) ? cut : "<invalid scope>";
  }

  // ------------------------------------------------------------------ decorators

  /**
   * Wraps {@code supplier}: check {@code scope} for the credential {@code credential} supplies,
   * then call, then mask the result.
   */
  public static <T> Supplier<T> decorateSupplier(Guard guard, Supplier<@Nullable Credential> credential, String scope,
      Supplier<T> supplier) {
    Objects.requireNonNull(supplier, "supplier");
    Scope parsed = Scope.of(scope);
    return () -> {
      Credential c = credential.get();
      guard.require(c, parsed);
      return guard.maskResult(c, supplier.get(), null);
    };
  }

  /** Wraps {@code function}: check, call, mask. */
  public static <T, R> Function<T, R> decorateFunction(Guard guard, Supplier<@Nullable Credential> credential,
      String scope, Function<T, R> function) {
    Objects.requireNonNull(function, "function");
    Scope parsed = Scope.of(scope);
    return t -> {
      Credential c = credential.get();
      guard.require(c, parsed);
      return guard.maskResult(c, function.apply(t), null);
    };
  }

  /** Wraps {@code callable}: check, call, mask. */
  public static <T> Callable<T> decorateCallable(Guard guard, Supplier<@Nullable Credential> credential, String scope,
      Callable<T> callable) {
    Objects.requireNonNull(callable, "callable");
    Scope parsed = Scope.of(scope);
    return () -> {
      Credential c = credential.get();
      guard.require(c, parsed);
      return guard.maskResult(c, callable.call(), null);
    };
  }

  /** Wraps {@code runnable}: check, then run. */
  public static Runnable decorateRunnable(Guard guard, Supplier<@Nullable Credential> credential, String scope,
      Runnable runnable) {
    Objects.requireNonNull(runnable, "runnable");
    Scope parsed = Scope.of(scope);
    return () -> {
      guard.require(credential.get(), parsed);
      runnable.run();
    };
  }

  /**
   * Fluent form: {@code guard.decorator(credentialSupplier, "invoices:read").supplier(s)}. Each
   * step delegates to the static decorator of the same name.
   */
  public Decorator decorator(Supplier<@Nullable Credential> credential, String scope) {
    return new Decorator(this, credential, scope);
  }

  /** The authority this guard checks against. */
  public CredentialAuthority authority() {
    return authority;
  }

  /** The masking engine this guard applies. */
  public Masker masker() {
    return masker;
  }

  /** The audit log this guard writes. */
  public AuditLog audit() {
    return audit;
  }

  @Override
  public String toString() {
    return "Guard{" + authority + "}";
  }

  /** A bound credential source and scope, ready to wrap calls. */
  public static final class Decorator {
    private final Guard guard;
    private final Supplier<@Nullable Credential> credential;
    private final String scope;

    Decorator(Guard guard, Supplier<@Nullable Credential> credential, String scope) {
      this.guard = guard;
      this.credential = Objects.requireNonNull(credential, "credential");
      this.scope = Scope.of(scope).value();
    }

    public <T> Supplier<T> supplier(Supplier<T> supplier) {
      return decorateSupplier(guard, credential, scope, supplier);
    }

    public <T, R> Function<T, R> function(Function<T, R> function) {
      return decorateFunction(guard, credential, scope, function);
    }

    public <T> Callable<T> callable(Callable<T> callable) {
      return decorateCallable(guard, credential, scope, callable);
    }

    public Runnable runnable(Runnable runnable) {
      return decorateRunnable(guard, credential, scope, runnable);
    }
  }
}
