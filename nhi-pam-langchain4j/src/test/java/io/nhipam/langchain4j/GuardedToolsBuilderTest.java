package io.nhipam.langchain4j;

import static io.nhipam.langchain4j.ScriptedChatModel.call;
import static io.nhipam.langchain4j.ScriptedChatModel.callTools;
import static io.nhipam.langchain4j.ScriptedChatModel.echoToolResults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ReturnBehavior;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.AiServiceTool;
import dev.langchain4j.service.tool.ToolExecutor;
import io.nhipam.audit.AuditEventType;
import io.nhipam.credential.Credential;
import io.nhipam.error.ReasonCode;
import io.nhipam.scope.ScopeSyntaxException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Scope sources (annotation, mapping), the unscoped default and its opt-out, and builders that refuse nonsense. */
class GuardedToolsBuilderTest {
  private final TestPam env = new TestPam();
  private final ScriptedChatModel model = new ScriptedChatModel();

  static final class ClockTools {
    final AtomicInteger calls = new AtomicInteger();

    @Tool("Tells the time")
    String now() {
      calls.incrementAndGet();
      return "09:00";
    }
  }

  static final class ImmediateTools {
    @Tool(value = "Reads an invoice and returns it to the caller directly", returnBehavior = ReturnBehavior.IMMEDIATE)
    @RequiresScope("invoices:read")
    String invoiceDirect(String id) {
      return "invoice " + id + " paid with 4111 1111 1111 1111";
    }
  }

  @Test
  void of_unscopedTool_deniedUnscopedOperationAndNeverRuns() {
    ClockTools tools = new ClockTools();
    Credential c = env.mint("finance-bot", "invoices:read");
    model.script("time?", callTools(call("u-1", "now", "{}")), echoToolResults());
    Assistant assistant = AiServices.builder(Assistant.class).chatModel(model)
        .tools(GuardedTools.of(env.guard(), tools)).build();

    assistant.chat("time?", NhiPamCredentials.parameters(c));

    assertThat(model.toolResult("u-1").text()).contains("tool now declares no required scope")
        .contains("@RequiresScope");
    assertThat(tools.calls).hasValue(0);
    assertThat(env.events(AuditEventType.DENY)).singleElement().satisfies(e -> {
      assertThat(e.reason()).contains(ReasonCode.UNSCOPED_OPERATION.name());
      assertThat(e.correlationId()).contains("u-1");
      assertThat(e.credentialId()).contains(c.id());
    });
  }

  @Test
  void allowUnscopedTools_unscopedTool_runsAndIsAudited() {
    ClockTools tools = new ClockTools();
    model.script("time!", callTools(call("u-2", "now", "{}")), echoToolResults());
    Assistant assistant = AiServices.builder(Assistant.class).chatModel(model)
        .tools(GuardedTools.builder(env.guard()).tools(tools).allowUnscopedTools().build()).build();

    String answer = assistant.chatWithoutParameters("time!");

    assertThat(answer).contains("09:00");
    assertThat(tools.calls).hasValue(1);
    assertThat(env.events(AuditEventType.ALLOW)).singleElement().satisfies(e -> {
      assertThat(e.scope()).contains("tool now");
      assertThat(e.correlationId()).contains("u-2");
    });
  }

  @Test
  void scope_mappingForUnannotatedTool_requiresThatScope() {
    ClockTools tools = new ClockTools();
    Credential c = env.mint("finance-bot", "invoices:read");
    model.script("mapped", callTools(call("u-3", "now", "{}")), echoToolResults());
    Assistant assistant = AiServices.builder(Assistant.class).chatModel(model)
        .tools(GuardedTools.builder(env.guard()).tools(tools).scope("now", "payroll:read").build()).build();

    assistant.chat("mapped", NhiPamCredentials.parameters(c));

    assertThat(model.toolResult("u-3").text()).contains("lacks scope payroll:read");
    assertThat(tools.calls).hasValue(0);
  }

  @Test
  void of_immediateReturnTool_keepsReturnBehaviourAndReturnsMaskedText() {
    Credential c = env.mint("finance-bot", "invoices:read");
    model.script("direct", callTools(call("d-1", "invoiceDirect", "{\"id\":\"3\"}")));
    List<AiServiceTool> guarded = GuardedTools.of(env.guard(), new ImmediateTools());
    Assistant assistant = AiServices.builder(Assistant.class).chatModel(model).tools(guarded).build();

    String answer = assistant.chat("direct", NhiPamCredentials.parameters(c));

    assertThat(guarded.get(0).returnBehavior()).isEqualTo(ReturnBehavior.IMMEDIATE);
    assertThat(answer).isEqualTo("invoice 3 paid with **** **** **** 1111");
  }

  @Test
  void asMap_guardsEveryTool() {
    Map<ToolSpecification, ToolExecutor> map = GuardedTools.asMap(env.guard(), new FinanceTools());

    assertThat(map.keySet()).extracting(ToolSpecification::name)
        .containsExactlyInAnyOrder("getInvoice", "getPayroll");
    assertThat(map.values()).allSatisfy(e -> assertThat(e).isInstanceOf(GuardedToolExecutor.class));
    assertThat(map.values()).extracting(e -> ((GuardedToolExecutor) e).requiredScopes())
        .containsExactlyInAnyOrder(List.of("invoices:read"), List.of("payroll:read"));
  }

  @Test
  void build_scopeMappedToUnknownTool_refused() {
    GuardedTools.Builder b = GuardedTools.builder(env.guard()).tools(new FinanceTools()).scope("getSalary", "payroll:read");

    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("getSalary").hasMessageContaining("no such tool");
  }

  @Test
  void build_mappingContradictsAnnotation_refused() {
    GuardedTools.Builder b = GuardedTools.builder(env.guard()).tools(new FinanceTools()).scope("getInvoice", "payroll:read");

    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("requires invoices:read by @RequiresScope").hasMessageContaining("payroll:read");
  }

  @Test
  void build_sameToolObjectTwice_refusedDuplicateName() {
    GuardedTools.Builder b = GuardedTools.builder(env.guard()).tools(new FinanceTools(), new FinanceTools());

    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("two tools are named");
  }

  @Test
  void build_noTools_refused() {
    assertThatThrownBy(() -> GuardedTools.builder(env.guard()).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no tools were added");
  }

  @Test
  void builder_optionSetTwice_refused() {
    GuardedTools.Builder b = GuardedTools.builder(env.guard()).denialMode(DenialMode.THROW);

    assertThatThrownBy(() -> b.denialMode(DenialMode.TELL_MODEL)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("denial mode was already set to THROW");
    b.allowUnscopedTools();
    assertThatThrownBy(b::allowUnscopedTools).isInstanceOf(IllegalStateException.class);
    b.credentials(() -> null);
    assertThatThrownBy(() -> b.credentialSource(CredentialSource.invocationParameters()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("credential source was already set");
  }

  @Test
  void scope_patternOrInvalidScope_refused() {
    GuardedTools.Builder b = GuardedTools.builder(env.guard());

    assertThatThrownBy(() -> b.scope("now", "invoices:*")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a pattern");
    assertThatThrownBy(() -> b.scope("now", "no spaces allowed")).isInstanceOf(ScopeSyntaxException.class);
    b.scope("now", "invoices:read");
    assertThatThrownBy(() -> b.scope("now", "payroll:read")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already mapped to scope invoices:read");
  }

  static final class BadScopeTools {
    @Tool("bad")
    @RequiresScope("invoices")
    String bad() {
      return "x";
    }
  }

  @Test
  void tools_annotationWithInvalidScope_refusedWhenWrapping() {
    assertThatThrownBy(() -> GuardedTools.of(env.guard(), new BadScopeTools()))
        .isInstanceOf(ScopeSyntaxException.class).hasMessageContaining("resource:action");
  }
}
