package io.nhipam.langchain4j;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.AiServiceTool;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import dev.langchain4j.service.tool.ToolExecutionErrorHandler;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolService;
import io.nhipam.credential.Credential;
import io.nhipam.guard.AccessDeniedException;
import io.nhipam.guard.Guard;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Guards the {@code @Tool} methods of plain tool objects, for {@code AiServices.tools(List)} or any
 * builder that takes a {@code Map<ToolSpecification, ToolExecutor>}.
 *
 * <pre>{@code
 * class InvoiceTools {
 *   @Tool("Reads an invoice") @RequiresScope("invoices:read")
 *   String getInvoice(String id) { ... }
 * }
 * Assistant assistant = AiServices.builder(Assistant.class)
 *     .chatModel(model)
 *     .tools(GuardedTools.of(pam.guard(), new InvoiceTools()))
 *     .build();
 * assistant.chat("Show invoice 42", NhiPamCredentials.parameters(credential));
 * }</pre>
 *
 * <p>Each tool requires the scope of its {@link RequiresScope} annotation (method first, then
 * class) or of {@link Builder#scope(String, String)}; a tool with neither is refused at call time
 * unless {@link Builder#allowUnscopedTools()} was called. The tools keep their specification and
 * their {@code @Tool} return behaviour; only the executor is replaced by a
 * {@link GuardedToolExecutor}. See that class for the order of check, call and masking.
 */
public final class GuardedTools {
  private GuardedTools() {}

  /** The tools of {@code toolObjects}, guarded with the defaults (credential from invocation parameters, tell the model). */
  public static List<AiServiceTool> of(Guard guard, Object... toolObjects) {
    return builder(guard).tools(toolObjects).build();
  }

  /** As {@link #of}, as a map for builders that take {@code Map<ToolSpecification, ToolExecutor>} (return behaviour is not part of a map). */
  public static Map<ToolSpecification, ToolExecutor> asMap(Guard guard, Object... toolObjects) {
    return builder(guard).tools(toolObjects).buildMap();
  }

  public static Builder builder(Guard guard) {
    return new Builder(guard);
  }

  /**
   * A {@code ToolExecutionErrorHandler} for {@code AiServices.toolExecutionErrorHandler(...)} that
   * lets {@link AccessDeniedException} end the AI service call and reach its caller unwrapped
   * ({@link DenialMode#THROW}). Other errors become the text {@code tool <name> failed (<type>)}
   * for the model, without the exception's message (guarded tools already turn their own errors
   * into masked results; what reaches this handler comes from unguarded tools, unmasked).
   */
  public static ToolExecutionErrorHandler rethrowDenials() {
    return rethrowDenials((error, context) -> ToolErrorHandlerResult.text("tool "
        + context.toolExecutionRequest().name() + " failed (" + error.getClass().getName() + ")"));
  }

  /** As {@link #rethrowDenials()}, handing every other error to {@code otherwise}. */
  public static ToolExecutionErrorHandler rethrowDenials(ToolExecutionErrorHandler otherwise) {
    Objects.requireNonNull(otherwise, "otherwise");
    return (error, context) -> {
      AccessDeniedException denial = findDenial(error);
      if (denial == null) {
        denial = findDenial(context.rawError());
      }
      if (denial != null) {
        throw denial;
      }
      return otherwise.handle(error, context);
    };
  }

  private static @Nullable AccessDeniedException findDenial(@Nullable Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AccessDeniedException denial) {
        return denial;
      }
    }
    return null;
  }

  /** Collects tools and options; each option may be set once, and {@link #build} checks the whole. */
  public static final class Builder {
    private final ToolGuardSettings settings;
    private final List<AiServiceTool> tools = new ArrayList<>();
    private final Map<String, String> annotated = new LinkedHashMap<>();

    private Builder(Guard guard) {
      this.settings = new ToolGuardSettings(guard);
    }

    /**
     * Adds the {@code @Tool} methods of each object (LangChain4j's own discovery, so
     * specifications and return behaviour are what {@code AiServices.tools(Object...)} would use).
     *
     * @throws dev.langchain4j.exception.IllegalConfigurationException if an object has no {@code @Tool} method
     * @throws io.nhipam.scope.ScopeSyntaxException if a {@link RequiresScope} value is not a scope
     */
    public Builder tools(Object... toolObjects) {
      Objects.requireNonNull(toolObjects, "toolObjects");
      for (Object object : toolObjects) {
        Objects.requireNonNull(object, "tool object");
        for (AiServiceTool tool : ToolService.findTools(object)) {
          String scope = annotatedScope(object, tool.toolExecutor());
          if (scope != null) {
            ToolGuardSettings.checkScope(tool.name(), scope);
            annotated.put(tool.name(), scope);
          }
          tools.add(tool);
        }
      }
      return this;
    }

    /** Adds an already built tool; its scope can come only from {@link #scope(String, String)}. */
    public Builder tool(AiServiceTool tool) {
      tools.add(Objects.requireNonNull(tool, "tool"));
      return this;
    }

    /** Requires {@code scope} for the tool named {@code toolName} (instead of, or equal to, its annotation). */
    public Builder scope(String toolName, String scope) {
      settings.scope(toolName, scope);
      return this;
    }

    /** Where each call's credential comes from; default {@link CredentialSource#invocationParameters()}. */
    public Builder credentialSource(CredentialSource source) {
      settings.credentialSource(source);
      return this;
    }

    /** Binds a credential supplier, asked on every call. */
    public Builder credentials(Supplier<? extends @Nullable Credential> supplier) {
      settings.credentials(supplier);
      return this;
    }

    /** Binds a function of the AI service call's context, asked on every call. */
    public Builder credentialsFrom(Function<InvocationContext, ? extends @Nullable Credential> function) {
      settings.credentials(function);
      return this;
    }

    /** What a denial does; default {@link DenialMode#TELL_MODEL}. */
    public Builder denialMode(DenialMode mode) {
      settings.denialMode(mode);
      return this;
    }

    /**
     * Lets tools that declare no scope run without a check (their results are still masked and
     * their calls audited). Off by default, and every tool it lets through is one any holder of
     * the agent can call: prefer a {@link RequiresScope} on each tool.
     */
    public Builder allowUnscopedTools() {
      settings.allowUnscoped();
      return this;
    }

    /**
     * The guarded tools, in the order added.
     *
     * @throws IllegalStateException if no tool was added, two tools share a name, a scope is
     *     mapped to a tool that was not added, or a mapping contradicts a tool's annotation
     */
    public List<AiServiceTool> build() {
      if (tools.isEmpty()) {
        throw new IllegalStateException("no tools were added; call tools(...) with objects that have @Tool methods");
      }
      Set<String> names = new HashSet<>();
      for (AiServiceTool tool : tools) {
        if (!names.add(tool.name())) {
          throw new IllegalStateException("two tools are named " + tool.name() + "; tool names must be unique");
        }
      }
      for (String mapped : settings.scopeByTool.keySet()) {
        if (!names.contains(mapped)) {
          throw new IllegalStateException("a scope is mapped to tool " + mapped + " but no such tool was added;"
              + " the tools are " + names);
        }
      }
      List<AiServiceTool> out = new ArrayList<>(tools.size());
      for (AiServiceTool tool : tools) {
        String fromAnnotation = annotated.get(tool.name());
        String fromMapping = settings.scopeByTool.get(tool.name());
        if (fromAnnotation != null && fromMapping != null && !fromAnnotation.equals(fromMapping)) {
          throw new IllegalStateException("tool " + tool.name() + " requires " + fromAnnotation + " by @RequiresScope"
              + " but is mapped to " + fromMapping + "; keep one of them");
        }
        String scope = fromMapping != null ? fromMapping : fromAnnotation;
        GuardedToolExecutor guarded = settings.executor(tool.toolExecutor(),
            scope == null ? List.of() : List.of(scope), List.of());
        out.add(tool.toBuilder().toolExecutor(guarded).build());
      }
      return Collections.unmodifiableList(out);
    }

    /** As {@link #build()}, as a map (insertion ordered, unmodifiable). */
    public Map<ToolSpecification, ToolExecutor> buildMap() {
      Map<ToolSpecification, ToolExecutor> map = new LinkedHashMap<>();
      for (AiServiceTool tool : build()) {
        map.put(tool.toolSpecification(), tool.toolExecutor());
      }
      return Collections.unmodifiableMap(map);
    }

    private static @Nullable String annotatedScope(Object object, ToolExecutor executor) {
      if (!(executor instanceof DefaultToolExecutor d)) {
        return null;
      }
      Method method = d.originalMethod();
      RequiresScope onMethod = method.getAnnotation(RequiresScope.class);
      if (onMethod != null) {
        return onMethod.value();
      }
      RequiresScope onClass = object.getClass().getAnnotation(RequiresScope.class);
      if (onClass == null) {
        onClass = method.getDeclaringClass().getAnnotation(RequiresScope.class);
      }
      return onClass == null ? null : onClass.value();
    }
  }
}
