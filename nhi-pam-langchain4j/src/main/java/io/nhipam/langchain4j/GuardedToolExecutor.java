package io.nhipam.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.exception.ToolArgumentsException;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import io.nhipam.audit.AuditEvent;
import io.nhipam.audit.AuditEventType;
import io.nhipam.audit.AuditException;
import io.nhipam.credential.Credential;
import io.nhipam.credential.CredentialException;
import io.nhipam.error.ReasonCode;
import io.nhipam.guard.AccessDeniedException;
import io.nhipam.guard.Decision;
import io.nhipam.guard.Guard;
import io.nhipam.scope.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decorates any LangChain4j {@link ToolExecutor}: checks the caller's credential before the tool
 * runs and masks what the model sees after.
 *
 * <p>Order of one call ({@link #executeWithContext}; {@link #execute} goes through it too):
 * <ol>
 *   <li>resolve the credential from the {@link CredentialSource} (default: the
 *       {@link NhiPamCredentials#PARAMETER} invocation parameter);</li>
 *   <li>check every required scope with {@link Guard#check}; all must allow. A tool with no
 *       required scope is denied ({@link ReasonCode#UNSCOPED_OPERATION}) unless built with
 *       {@link Builder#allowUnscoped()};</li>
 *   <li>run the delegate;</li>
 *   <li>mask every text the model would see: each text content (a lazy text supplier is resolved
 *       and masked now), the message of an exception the tool throws (returned as an error
 *       result, so the raw exception never reaches LangChain4j's error handler or its log), and
 *       the raw result object; non-text contents are withheld.</li>
 * </ol>
 * Checks, denials and masking are audited with the tool call id as correlation id. Credential
 * problems (none, expired, revoked, wrong audience, malformed parameter) are denials with their
 * reason, never crashes. A denial follows the {@link DenialMode}: an error result carrying
 * {@link Decision#message()} (default), or a thrown {@link AccessDeniedException}.
 *
 * <p>Immutable and thread-safe; the same instance serves concurrent calls, each with the
 * credential of its own invocation.
 */
public final class GuardedToolExecutor implements ToolExecutor {
  /**
   * The attribute a denial's error result carries: the {@link ReasonCode} name. Attributes reach
   * the {@code ToolExecutionResultMessage} and chat memory, never the model, so applications can
   * tell denials from tool failures without parsing text.
   */
  public static final String DENIAL_REASON_ATTRIBUTE = "nhipam.denial.reason";

  private final Guard guard;
  private final ToolExecutor delegate;
  private final List<String> scopes;
  private final @Nullable Scope[] parsed;
  private final CredentialSource credentials;
  private final DenialMode denialMode;
  private final boolean allowUnscoped;

  private GuardedToolExecutor(Builder b) {
    this.guard = b.guard;
    this.delegate = b.delegate;
    this.scopes = List.copyOf(b.scopes);
    this.parsed = new Scope[scopes.size()];
    for (int i = 0; i < scopes.size(); i++) {
      parsed[i] = Scope.isValid(scopes.get(i)) ? Scope.of(scopes.get(i)) : null;
    }
    this.credentials = b.credentials == null ? CredentialSource.invocationParameters() : b.credentials;
    this.denialMode = b.denialMode == null ? DenialMode.TELL_MODEL : b.denialMode;
    this.allowUnscoped = b.allowUnscoped;
  }

  /** Guards {@code delegate} with one required scope and the defaults (credential from invocation parameters, tell the model). */
  public static GuardedToolExecutor of(Guard guard, ToolExecutor delegate, String requiredScope) {
    return builder(guard, delegate).requiredScope(requiredScope).build();
  }

  public static Builder builder(Guard guard, ToolExecutor delegate) {
    return new Builder(guard, delegate);
  }

  @Override
  public ToolExecutionResult executeWithContext(ToolExecutionRequest request, @Nullable InvocationContext context) {
    Objects.requireNonNull(request, "request");
    String correlationId = CorrelationIds.of(request);
    Credential credential;
    try {
      credential = credentials.resolve(context);
    } catch (CredentialException e) {
      return denied(record(Decision.denied(e.reason(), "credential refused for tool " + request.name() + ": "
          + e.getMessage(), toolTarget(request), null, null, null), correlationId));
    } catch (RuntimeException e) {
      return denied(record(Decision.denied(ReasonCode.NO_CREDENTIAL, "the credential source of tool "
          + request.name() + " failed (" + e.getClass().getName() + "), so there is no credential to check;"
          + " fix the credential source", toolTarget(request), null, null, null), correlationId));
    }
    if (scopes.isEmpty()) {
      Decision unscoped = unscoped(request, credential, correlationId);
      if (unscoped.isDenied()) {
        return denied(unscoped);
      }
    }
    for (int i = 0; i < scopes.size(); i++) {
      Scope s = parsed[i];
      Decision d = s != null ? guard.check(credential, s, correlationId)
          : guard.check(credential, scopes.get(i), correlationId);
      if (d.isDenied()) {
        return denied(d);
      }
    }
    try {
      return run(request, context, credential, correlationId);
    } catch (AccessDeniedException e) {
      // a nested guard inside the tool refused, or the masking record could not be written
      return denied(e.decision());
    }
  }

  private ToolExecutionResult run(ToolExecutionRequest request, @Nullable InvocationContext context,
      @Nullable Credential credential, @Nullable String correlationId) {
    ToolExecutionResult raw;
    try {
      raw = delegate.executeWithContext(request, context);
    } catch (AccessDeniedException e) {
      throw e;
    } catch (ToolArgumentsException e) {
      // keep LangChain4j's arguments-error path (its handler decides), with the message masked
      throw new ToolArgumentsException(guard.mask(credential, messageOf(e), correlationId), e.errorCode());
    } catch (RuntimeException e) {
      Throwable cause = e instanceof ToolExecutionException && e.getCause() != null ? e.getCause() : e;
      return ResultMasking.error(guard, credential, messageOf(cause), correlationId);
    }
    if (raw == null) {
      return ResultMasking.error(guard, credential, "tool " + request.name() + " returned no result", correlationId);
    }
    return ResultMasking.mask(guard, credential, raw, correlationId);
  }

  /**
   * Runs the call through {@link #executeWithContext} with a context that holds only the chat
   * memory id, and returns the masked text. Without invocation parameters, the default credential
   * source finds no credential: use a bound {@link CredentialSource} for callers of this method.
   */
  @Override
  public String execute(ToolExecutionRequest request, @Nullable Object memoryId) {
    InvocationContext context = InvocationContext.builder().chatMemoryId(memoryId).build();
    ToolExecutionResult result = executeWithContext(request, context);
    StringBuilder text = new StringBuilder();
    for (Content content : result.resultContents()) {
      if (content instanceof TextContent t) {
        text.append(t.text());
      }
    }
    return text.toString();
  }

  private Decision unscoped(ToolExecutionRequest request, @Nullable Credential credential,
      @Nullable String correlationId) {
    String target = toolTarget(request);
    String credentialId = credential == null ? null : credential.id();
    String identity = credential == null ? null : credential.subject();
    if (!allowUnscoped) {
      return record(Decision.denied(ReasonCode.UNSCOPED_OPERATION, "tool " + request.name() + " declares no required"
          + " scope, so it is refused; annotate it with @RequiresScope(\"resource:action\"), map a scope to it when"
          + " wrapping, or (loudly) allow unscoped tools", target, null, credentialId, identity), correlationId);
    }
    return record(Decision.allowed(target, "unscoped tools allowed", credentialId, identity), correlationId);
  }

  /** Audits a decision this class made itself (the guard audits its own checks). */
  private Decision record(Decision d, @Nullable String correlationId) {
    AuditEvent.Builder e = AuditEvent.builder(d.isAllowed() ? AuditEventType.ALLOW : AuditEventType.DENY,
        guard.authority().clock().instant()).scope(d.scope()).reason(d.reason().name());
    d.identity().ifPresent(e::identity);
    d.credentialId().ifPresent(e::credentialId);
    if (correlationId != null) {
      e.correlationId(correlationId);
    }
    if (d.isDenied()) {
      e.message(d.message());
    }
    try {
      guard.audit().record(e.build());
    } catch (AuditException | IllegalArgumentException failure) {
      if (d.isAllowed()) {
        return Decision.denied(ReasonCode.AUDIT_FAILED, "tool call " + d.scope() + " refused: its audit record could"
            + " not be written (" + failure.getMessage() + "); fix the audit sink", d.scope(), null,
            d.credentialId().orElse(null), d.identity().orElse(null));
      }
    }
    return d;
  }

  private ToolExecutionResult denied(Decision decision) {
    if (denialMode == DenialMode.THROW) {
      throw new AccessDeniedException(decision);
    }
    return ToolExecutionResult.builder().isError(true).resultText(decision.message())
        .attributes(Map.of(DENIAL_REASON_ATTRIBUTE, decision.reason().name())).build();
  }

  private static String toolTarget(ToolExecutionRequest request) {
    String name = request.name();
    return "tool " + (name == null || name.isBlank() ? "<unnamed>" : name.length() > 128 ? name.substring(0, 128) : name);
  }

  private static String messageOf(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getName() : message;
  }

  /** The scopes every call must hold, in the order they are checked. */
  public List<String> requiredScopes() {
    return scopes;
  }

  public DenialMode denialMode() {
    return denialMode;
  }

  /** The executor this one guards. */
  ToolExecutor delegate() {
    return delegate;
  }

  @Override
  public String toString() {
    return "GuardedToolExecutor{scopes=" + scopes + (allowUnscoped && scopes.isEmpty() ? " (unscoped allowed)" : "")
        + ", credentials=" + credentials + ", denialMode=" + denialMode + "}";
  }

  /** Builds a {@link GuardedToolExecutor}; each option may be set once. */
  public static final class Builder {
    private final Guard guard;
    private final ToolExecutor delegate;
    private final List<String> scopes = new ArrayList<>();
    private @Nullable CredentialSource credentials;
    private @Nullable DenialMode denialMode;
    private boolean allowUnscoped;

    private Builder(Guard guard, ToolExecutor delegate) {
      this.guard = Objects.requireNonNull(guard, "guard");
      this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Adds a scope every call must hold (call again for more; all are checked).
     *
     * @throws io.nhipam.scope.ScopeSyntaxException if {@code scope} is not a valid scope
     * @throws IllegalArgumentException if it is a pattern rather than a concrete scope
     */
    public Builder requiredScope(String scope) {
      Scope s = Scope.of(Objects.requireNonNull(scope, "scope"));
      if (!s.isConcrete()) {
        throw new IllegalArgumentException("required scope " + scope + " is a pattern; a tool requires a concrete"
            + " scope such as invoices:read");
      }
      return addScope(scope);
    }

    /** Adds a scope built from data (a tool name) that may not parse; the guard then denies with INVALID_SCOPE. */
    Builder requiredScopeUnchecked(String scope) {
      return addScope(scope);
    }

    private Builder addScope(String scope) {
      if (scopes.contains(scope)) {
        throw new IllegalStateException("required scope " + scope + " was already added");
      }
      scopes.add(scope);
      return this;
    }

    public Builder credentialSource(CredentialSource source) {
      if (credentials != null) {
        throw new IllegalStateException("credential source was already set to " + credentials);
      }
      this.credentials = Objects.requireNonNull(source, "source");
      return this;
    }

    public Builder denialMode(DenialMode mode) {
      if (denialMode != null) {
        throw new IllegalStateException("denial mode was already set to " + denialMode);
      }
      this.denialMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Lets the tool run when it requires no scope (the credential is still used for masking and
     * the call is still audited). Off by default: a tool nobody scoped is refused.
     */
    public Builder allowUnscoped() {
      if (allowUnscoped) {
        throw new IllegalStateException("allowUnscoped() was already called");
      }
      this.allowUnscoped = true;
      return this;
    }

    public GuardedToolExecutor build() {
      if (allowUnscoped && !scopes.isEmpty()) {
        throw new IllegalStateException("allowUnscoped() and requiredScope(...) conflict: this tool requires "
            + scopes + "; drop one of them");
      }
      return new GuardedToolExecutor(this);
    }
  }
}
