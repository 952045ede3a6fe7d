package io.nhipam.langchain4j;

import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecutor;
import io.nhipam.credential.Credential;
import io.nhipam.guard.Guard;
import io.nhipam.scope.Scope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The options {@link GuardedTools.Builder} and {@link GuardedToolProvider.Builder} share: where the
 * credential comes from, the scope mapping by tool name, the denial mode, and the unscoped opt-out.
 * Each may be set once.
 */
final class ToolGuardSettings {
  final Guard guard;
  private @Nullable CredentialSource credentials;
  private @Nullable DenialMode denialMode;
  private boolean allowUnscoped;
  final Map<String, String> scopeByTool = new LinkedHashMap<>();

  ToolGuardSettings(Guard guard) {
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  void credentialSource(CredentialSource source) {
    if (credentials != null) {
      throw new IllegalStateException("credential source was already set to " + credentials);
    }
    credentials = Objects.requireNonNull(source, "source");
  }

  void credentials(Supplier<? extends @Nullable Credential> supplier) {
    credentialSource(CredentialSource.fromSupplier(supplier));
  }

  void credentials(Function<InvocationContext, ? extends @Nullable Credential> function) {
    Objects.requireNonNull(function, "function");
    credentialSource(function::apply);
  }

  void denialMode(DenialMode mode) {
    if (denialMode != null) {
      throw new IllegalStateException("denial mode was already set to " + denialMode);
    }
    denialMode = Objects.requireNonNull(mode, "mode");
  }

  void allowUnscoped() {
    if (allowUnscoped) {
      throw new IllegalStateException("allowUnscopedTools() was already called");
    }
    allowUnscoped = true;
  }

  void scope(String toolName, String scope) {
    checkScope(toolName, scope);
    String previous = scopeByTool.putIfAbsent(toolName, scope);
    if (previous != null) {
      throw new IllegalStateException("tool " + toolName + " was already mapped to scope " + previous);
    }
  }

  /**
   * Checks that {@code scope} is a concrete scope for {@code toolName}.
   *
   * @throws io.nhipam.scope.ScopeSyntaxException if it does not parse
   * @throws IllegalArgumentException if it is a pattern
   */
  static void checkScope(String toolName, String scope) {
    Objects.requireNonNull(toolName, "toolName");
    Scope parsed = Scope.of(Objects.requireNonNull(scope, "scope"));
    if (!parsed.isConcrete()) {
      throw new IllegalArgumentException("scope " + scope + " for tool " + toolName + " is a pattern; a tool"
          + " requires a concrete scope such as invoices:read");
    }
  }

  /** Guards {@code delegate} with {@code scopes} (validated) plus {@code uncheckedScopes} (built from data). */
  GuardedToolExecutor executor(ToolExecutor delegate, List<String> scopes, List<String> uncheckedScopes) {
    GuardedToolExecutor.Builder b = GuardedToolExecutor.builder(guard, delegate);
    scopes.forEach(b::requiredScope);
    uncheckedScopes.forEach(b::requiredScopeUnchecked);
    if (credentials != null) {
      b.credentialSource(credentials);
    }
    if (denialMode != null) {
      b.denialMode(denialMode);
    }
    if (allowUnscoped && scopes.isEmpty() && uncheckedScopes.isEmpty()) {
      b.allowUnscoped();
    }
    return b.build();
  }
}
