package io.nhipam.langchain4j;

import static io.nhipam.langchain4j.ScriptedChatModel.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.ToolArgumentsException;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import io.nhipam.audit.AuditEventType;
import io.nhipam.credential.Credential;
import io.nhipam.error.ReasonCode;
import io.nhipam.guard.AccessDeniedException;
import io.nhipam.guard.Decision;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The decorator on its own: every path a result or an error can take out of a tool. */
class GuardedToolExecutorTest {
  private static final String CARD = "4111 1111 1111 1111";

  private final TestPam env = new TestPam();
  private final Credential credential = env.mint("support-agent", "tickets:read");
  private final AtomicInteger runs = new AtomicInteger();

  private GuardedToolExecutor guard(ToolExecutor delegate) {
    return GuardedToolExecutor.builder(env.guard(), delegate).requiredScope("tickets:read")
        .credentialSource(CredentialSource.fromSupplier(() -> credential)).build();
  }

  private static InvocationContext context() {
    return InvocationContext.builder().chatMemoryId("m").build();
  }

  @Test
  void executeWithContext_lazyTextSupplier_resolvedAndMaskedAtCallTime() {
    ToolExecutor lazy = (request, context) -> {
      throw new AssertionError("the guard calls executeWithContext");
    };
    ToolExecutor delegate = new ToolExecutor() {
      @Override
      public String execute(dev.langchain4j.agent.tool.ToolExecutionRequest request, Object memoryId) {
        return lazy.execute(request, memoryId);
      }

      @Override
      public ToolExecutionResult executeWithContext(dev.langchain4j.agent.tool.ToolExecutionRequest request,
          InvocationContext context) {
        return ToolExecutionResult.builder().result(new StringBuilder("raw " + CARD))
            .resultTextSupplier(() -> "card " + CARD).build();
      }
    };

    ToolExecutionResult r = guard(delegate).executeWithContext(call("lz-1", "t", "{}"), context());

    assertThat(env.events(AuditEventType.MASK)).singleElement().satisfies(e ->
        assertThat(e.correlationId()).contains("lz-1"));
    assertThat(r.resultText()).isEqualTo("card **** **** **** 1111");
    assertThat(r.result()).isEqualTo("card **** **** **** 1111");
  }

  @Test
  void executeWithContext_textAndJsonAttributes_masked() throws Exception {
    ToolExecutor delegate = new ToolExecutor() {
      @Override
      public String execute(dev.langchain4j.agent.tool.ToolExecutionRequest request, Object memoryId) {
        throw new AssertionError("unused");
      }

      @Override
      public ToolExecutionResult executeWithContext(dev.langchain4j.agent.tool.ToolExecutionRequest request,
          InvocationContext context) {
        try {
          return ToolExecutionResult.builder().resultText("ok").attributes(Map.of("note", "card " + CARD,
              "json", new ObjectMapper().readTree("{\"card\":\"" + CARD + "\"}"), "count", 3)).build();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    };

    ToolExecutionResult r = guard(delegate).executeWithContext(call("at-1", "t", "{}"), context());

    assertThat(r.attributes().get("note")).isEqualTo("card **** **** **** 1111");
    assertThat(r.attributes().get("json").toString()).doesNotContain(CARD).contains("1111");
    assertThat(r.attributes().get("count")).isEqualTo(3);
  }

  @Test
  void execute_legacyPath_checkedAndMasked() {
    String text = guard((request, memoryId) -> "card " + CARD).execute(call("lg-1", "t", "{}"), "memory-7");

    assertThat(text).isEqualTo("card **** **** **** 1111");
  }

  @Test
  void execute_legacyPathWithDefaultSource_deniedNoCredential() {
    GuardedToolExecutor executor = GuardedToolExecutor.of(env.guard(), (request, memoryId) -> {
      runs.incrementAndGet();
      return "x";
    }, "tickets:read");

    String text = executor.execute(call("lg-2", "t", "{}"), "memory-7");

    assertThat(text).contains("no credential presented for tickets:read");
    assertThat(runs).hasValue(0);
  }

  @Test
  void executeWithContext_argumentsError_rethrownAsArgumentsErrorWithMaskedMessage() {
    ToolExecutor delegate = (request, memoryId) -> {
      throw new ToolArgumentsException("cannot parse card " + CARD, 7);
    };

    assertThatThrownBy(() -> guard(delegate).executeWithContext(call("ar-1", "t", "{}"), context()))
        .isInstanceOf(ToolArgumentsException.class)
        .hasMessage("cannot parse card **** **** **** 1111")
        .satisfies(e -> {
          assertThat(((ToolArgumentsException) e).errorCode()).isEqualTo(7);
          for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t.getMessage()).doesNotContain(CARD);
          }
        });
  }

  @Test
  void executeWithContext_toolThrowsWithoutMessage_errorResultNamesExceptionType() {
    ToolExecutor delegate = (request, memoryId) -> {
      throw new UnsupportedOperationException();
    };

    ToolExecutionResult r = guard(delegate).executeWithContext(call("ex-1", "t", "{}"), context());

    assertThat(r.isError()).isTrue();
    assertThat(r.resultText()).isEqualTo("java.lang.UnsupportedOperationException");
  }

  @Test
  void executeWithContext_nestedGuardDeniesInsideTool_treatedAsDenial() {
    ToolExecutor delegate = (request, memoryId) -> {
      env.guard().require(credential, "payroll:read");
      return "never";
    };

    ToolExecutionResult r = guard(delegate).executeWithContext(call("ng-1", "t", "{}"), context());

    assertThat(r.isError()).isTrue();
    assertThat(r.resultText()).contains("lacks scope payroll:read");
  }

  @Test
  void executeWithContext_credentialSourceThrows_deniedNoCredentialWithoutItsMessage() {
    GuardedToolExecutor executor = GuardedToolExecutor.builder(env.guard(), (request, memoryId) -> {
      runs.incrementAndGet();
      return "x";
    }).requiredScope("tickets:read").credentialSource(context -> {
      throw new IllegalStateException("vault said: token v4.public.secret-stuff");
    }).build();

    ToolExecutionResult r = executor.executeWithContext(call("cs-1", "t", "{}"), context());

    assertThat(r.resultText()).contains("credential source of tool t failed (java.lang.IllegalStateException)")
        .doesNotContain("v4.public");
    assertThat(runs).hasValue(0);
    assertThat(env.events(AuditEventType.DENY)).singleElement().satisfies(e -> {
      assertThat(e.reason()).contains(ReasonCode.NO_CREDENTIAL.name());
      assertThat(e.correlationId()).contains("cs-1");
    });
  }

  @Test
  void executeWithContext_throwMode_throwsWithDecisionAndNeverRuns() {
    GuardedToolExecutor executor = GuardedToolExecutor.builder(env.guard(), (request, memoryId) -> {
      runs.incrementAndGet();
      return "x";
    }).requiredScope("payroll:read").credentialSource(c -> credential).denialMode(DenialMode.THROW).build();

    assertThatThrownBy(() -> executor.executeWithContext(call("th-1", "t", "{}"), context()))
        .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
          Decision d = e.decision();
          assertThat(d.reason()).isEqualTo(ReasonCode.MISSING_SCOPE);
          assertThat(d.scope()).isEqualTo("payroll:read");
        });
    assertThat(runs).hasValue(0);
  }

  @Test
  void executeWithContext_severalRequiredScopes_allMustAllow() {
    GuardedToolExecutor executor = GuardedToolExecutor.builder(env.guard(), (request, memoryId) -> {
      runs.incrementAndGet();
      return "x";
    }).requiredScope("tickets:read").requiredScope("tickets:write").credentialSource(c -> credential).build();

    ToolExecutionResult r = executor.executeWithContext(call("ms-1", "t", "{}"), context());

    assertThat(r.resultText()).contains("lacks scope tickets:write");
    assertThat(runs).hasValue(0);
    assertThat(executor.requiredScopes()).containsExactly("tickets:read", "tickets:write");
  }

  @Test
  void executeWithContext_toolCallIdShapedLikeACardNumber_auditedWithoutCorrelationId() {
    ToolExecutionResult r = guard((request, memoryId) -> "fine")
        .executeWithContext(call("4111111111111111", "t", "{}"), context());

    assertThat(r.resultText()).isEqualTo("fine");
    assertThat(env.events(AuditEventType.ALLOW)).singleElement().satisfies(e ->
        assertThat(e.correlationId()).isEmpty());
  }

  @Test
  void builder_conflictingOrRepeatedOptions_refused() {
    ToolExecutor tool = (request, memoryId) -> "x";

    assertThatThrownBy(() -> GuardedToolExecutor.builder(env.guard(), tool).requiredScope("a:b").allowUnscoped().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("conflict");
    assertThatThrownBy(() -> GuardedToolExecutor.builder(env.guard(), tool).requiredScope("a:b").requiredScope("a:b"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already added");
    assertThatThrownBy(() -> GuardedToolExecutor.builder(env.guard(), tool).requiredScope("a:**"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pattern");
    assertThatThrownBy(() -> GuardedToolExecutor.builder(env.guard(), tool).denialMode(DenialMode.THROW)
        .denialMode(DenialMode.THROW)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void toString_namesScopesAndModeButNoCredential() {
    assertThat(guard((request, memoryId) -> "x").toString()).contains("tickets:read").contains("TELL_MODEL")
        .doesNotContain(credential.token());
  }
}
