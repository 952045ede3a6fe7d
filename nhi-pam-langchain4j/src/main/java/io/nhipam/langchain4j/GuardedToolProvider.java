package io.nhipam.langchain4j;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.AiServiceTool;
import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolProviderRequest;
import dev.langchain4j.service.tool.ToolProviderResult;
import io.nhipam.credential.Credential;
import io.nhipam.guard.Guard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Wraps any {@link ToolProvider} (static or dynamic, MCP included) so that every tool it provides
 * runs through a {@link GuardedToolExecutor}.
 *
 * <p>Scopes: each tool requires the scope mapped to its name ({@link Builder#scope}), or the one
 * the resolver returns ({@link Builder#scopes}), or, with {@link Builder#scopePerToolName()},
 * {@code tool:<name>}. A tool with none is refused unless {@link Builder#allowUnscopedTools()}.
 *
 * <p>Destructive tools: a tool whose specification metadata says it is destructive additionally
 * requires {@link #destructiveScope(String) tool:<name>:destructive}, so a credential that may call
 * a tool may not also wipe data with it unless that is granted on its own. A tool counts as
 * destructive when its {@value #DESTRUCTIVE_HINT} metadata is {@code true}, or when its
 * {@value #READ_ONLY_HINT} is {@code false} and {@value #DESTRUCTIVE_HINT} is absent (the MCP
 * default, where a non-read-only tool is destructive unless it says otherwise). LangChain4j's MCP
 * client copies MCP tool annotations into {@link ToolSpecification#metadata()} under these keys.
 * Hints only ever add a requirement here, never remove one, so a server that lies about its
 * tools gains nothing. A tool name that cannot form a valid scope makes its destructive check
 * deny with {@code INVALID_SCOPE}.
 *
 * <p>Denied tools stay visible to the model, so a call to one gets the denial's reason back.
 */
public final class GuardedToolProvider implements ToolProvider {
  /** The tool metadata key MCP and LangChain4j use for a tool that may destroy data. */
  public static final String DESTRUCTIVE_HINT = "destructiveHint";
  /** The tool metadata key MCP and LangChain4j use for a tool that changes nothing. */
  public static final String READ_ONLY_HINT = "readOnlyHint";

  private final ToolProvider delegate;
  private final ToolGuardSettings settings;
  private final @Nullable Function<ToolSpecification, @Nullable String> resolver;
  private final boolean perToolName;

  private GuardedToolProvider(Builder b) {
    this.delegate = b.delegate;
    this.settings = b.settings;
    this.resolver = b.resolver;
    this.perToolName = b.perToolName;
  }

  public static Builder builder(Guard guard, ToolProvider delegate) {
    return new Builder(guard, delegate);
  }

  /** The extra scope a destructive tool requires: {@code tool:<toolName>:destructive}. */
  public static String destructiveScope(String toolName) {
    return "tool:" + Objects.requireNonNull(toolName, "toolName") + ":destructive";
  }

  /** Whether {@code specification} marks its tool as destructive (see the class description). */
  public static boolean isDestructive(ToolSpecification specification) {
    Map<String, Object> metadata = specification.metadata();
    if (metadata == null || metadata.isEmpty()) {
      return false;
    }
    Boolean destructive = flag(metadata.get(DESTRUCTIVE_HINT));
    if (destructive != null) {
      return destructive;
    }
    return Boolean.FALSE.equals(flag(metadata.get(READ_ONLY_HINT)));
  }

  /** A boolean hint; anything that is present but not clearly false counts as true (fail closed). */
  private static @Nullable Boolean flag(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    return !"false".equals(value.toString().trim().toLowerCase(Locale.ROOT));
  }

  @Override
  public ToolProviderResult provideTools(ToolProviderRequest request) {
    ToolProviderResult provided = delegate.provideTools(request);
    if (provided == null) {
      return ToolProviderResult.builder().build();
    }
    ToolProviderResult.Builder out = ToolProviderResult.builder();
    for (AiServiceTool tool : provided.aiServiceTools()) {
      out.add(guard(tool));
    }
    return out.build();
  }

  private AiServiceTool guard(AiServiceTool tool) {
    ToolSpecification spec = tool.toolSpecification();
    String scope = settings.scopeByTool.get(spec.name());
    if (scope == null && resolver != null) {
      scope = resolver.apply(spec);
      if (scope != null) {
        ToolGuardSettings.checkScope(spec.name(), scope);
      }
    }
    List<String> checked = new ArrayList<>(1);
    List<String> unchecked = new ArrayList<>(2);
    if (scope != null) {
      checked.add(scope);
    } else if (perToolName) {
      unchecked.add("tool:" + spec.name()); // built from a name: a bad one denies with INVALID_SCOPE
    }
    if (isDestructive(spec)) {
      unchecked.add(destructiveScope(spec.name()));
    }
    return tool.toBuilder().toolExecutor(settings.executor(tool.toolExecutor(), checked, unchecked)).build();
  }

  @Override
  public boolean isDynamic() {
    return delegate.isDynamic();
  }

  @Override
  public String toString() {
    return "GuardedToolProvider{" + delegate + "}";
  }

  /** Builds a {@link GuardedToolProvider}; each option may be set once. */
  public static final class Builder {
    private final ToolProvider delegate;
    private final ToolGuardSettings settings;
    private @Nullable Function<ToolSpecification, @Nullable String> resolver;
    private boolean perToolName;

    private Builder(Guard guard, ToolProvider delegate) {
      this.settings = new ToolGuardSettings(guard);
      this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Requires {@code scope} for the tool named {@code toolName}; wins over the resolver. */
    public Builder scope(String toolName, String scope) {
      settings.scope(toolName, scope);
      return this;
    }

    /**
     * Asks {@code resolver} for the scope of each provided tool that has no mapping ({@code null}:
     * none). A scope it returns that is not a concrete scope fails the provider call.
     */
    public Builder scopes(Function<ToolSpecification, @Nullable String> resolver) {
      if (this.resolver != null) {
        throw new IllegalStateException("a scope resolver was already set");
      }
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /** Requires {@code tool:<name>} of every tool that has no other scope. */
    public Builder scopePerToolName() {
      if (perToolName) {
        throw new IllegalStateException("scopePerToolName() was already called");
      }
      perToolName = true;
      return this;
    }

    public Builder credentialSource(CredentialSource source) {
      settings.credentialSource(source);
      return this;
    }

    public Builder credentials(Supplier<? extends @Nullable Credential> supplier) {
      settings.credentials(supplier);
      return this;
    }

    public Builder credentialsFrom(Function<InvocationContext, ? extends @Nullable Credential> function) {
      settings.credentials(function);
      return this;
    }

    public Builder denialMode(DenialMode mode) {
      settings.denialMode(mode);
      return this;
    }

    /**
     * Lets provided tools with no scope run without a scope check (destructive ones still need
     * their destructive scope; results are still masked and calls audited). Off by default.
     */
    public Builder allowUnscopedTools() {
      settings.allowUnscoped();
      return this;
    }

    public GuardedToolProvider build() {
      return new GuardedToolProvider(this);
    }
  }
}
