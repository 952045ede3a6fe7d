package io.nhipam.langchain4j;

import static io.nhipam.langchain4j.ScriptedChatModel.call;
import static io.nhipam.langchain4j.ScriptedChatModel.callTools;
import static io.nhipam.langchain4j.ScriptedChatModel.echoToolResults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolProviderRequest;
import dev.langchain4j.service.tool.ToolProviderResult;
import io.nhipam.audit.AuditEventType;
import io.nhipam.credential.Credential;
import io.nhipam.error.ReasonCode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Any ToolProvider (MCP-like metadata included): scopes per tool, destructive tools need their own scope. */
class GuardedToolProviderTest {
  private final TestPam env = new TestPam();
  private final ScriptedChatModel model = new ScriptedChatModel();
  private final AtomicInteger deletes = new AtomicInteger();

  /** Tools as an MCP client would provide them: hints in the specification metadata. */
  private ToolProvider fileServer(boolean dynamic) {
    ToolProvider provider = new ToolProvider() {
      @Override
      public ToolProviderResult provideTools(ToolProviderRequest request) {
        return ToolProviderResult.builder()
            .add(spec("readFile", Map.of(GuardedToolProvider.READ_ONLY_HINT, true)),
                (req, mem) -> "contents of " + req.arguments() + ": card 4111 1111 1111 1111")
            .add(spec("deleteFile", Map.of(GuardedToolProvider.DESTRUCTIVE_HINT, true)),
                (req, mem) -> "deleted " + deletes.incrementAndGet())
            .add(spec("writeFile", Map.of(GuardedToolProvider.READ_ONLY_HINT, false)), (req, mem) -> "written")
            .add(spec("appendLog", Map.of(GuardedToolProvider.READ_ONLY_HINT, false,
                GuardedToolProvider.DESTRUCTIVE_HINT, false)), (req, mem) -> "appended")
            .build();
      }

      @Override
      public boolean isDynamic() {
        return dynamic;
      }
    };
    return provider;
  }

  private static ToolSpecification spec(String name, Map<String, Object> metadata) {
    return ToolSpecification.builder().name(name).description(name).metadata(metadata).build();
  }

  private Assistant assistant(GuardedToolProvider provider) {
    return AiServices.builder(Assistant.class).chatModel(model).toolProvider(provider).build();
  }

  @Test
  void isDestructive_followsMcpHintsAndDefaults() {
    assertThat(GuardedToolProvider.isDestructive(spec("a", Map.of("destructiveHint", true)))).isTrue();
    assertThat(GuardedToolProvider.isDestructive(spec("b", Map.of("readOnlyHint", false)))).isTrue();
    assertThat(GuardedToolProvider.isDestructive(spec("c", Map.of("readOnlyHint", true)))).isFalse();
    assertThat(GuardedToolProvider.isDestructive(spec("d", Map.of("readOnlyHint", false, "destructiveHint", false))))
        .isFalse();
    assertThat(GuardedToolProvider.isDestructive(spec("e", Map.of("destructiveHint", "yes")))).isTrue();
    assertThat(GuardedToolProvider.isDestructive(spec("f", Map.of()))).isFalse();
  }

  @Test
  void provideTools_destructiveToolWithoutDestructiveScope_deniedNamingThatScope() {
    Credential c = env.mint("ops-agent", "tool:deleteFile");
    model.script("delete it", callTools(call("del-1", "deleteFile", "{\"path\":\"/tmp/x\"}")), echoToolResults());

    assistant(GuardedToolProvider.builder(env.guard(), fileServer(false)).scopePerToolName().build())
        .chat("delete it", NhiPamCredentials.parameters(c));

    assertThat(model.toolResult("del-1").text()).contains("lacks scope tool:deleteFile:destructive");
    assertThat(deletes).hasValue(0);
    assertThat(env.events(AuditEventType.DENY)).singleElement().satisfies(e -> {
      assertThat(e.reason()).contains(ReasonCode.MISSING_SCOPE.name());
      assertThat(e.scope()).contains(GuardedToolProvider.destructiveScope("deleteFile"));
    });
  }

  @Test
  void provideTools_destructiveToolWithDestructiveScope_runs() {
    Credential c = env.mint("ops-agent", "tool:deleteFile", "tool:deleteFile:destructive");
    model.script("delete ok", callTools(call("del-2", "deleteFile", "{\"path\":\"/tmp/x\"}")), echoToolResults());

    String answer = assistant(GuardedToolProvider.builder(env.guard(), fileServer(false)).scopePerToolName().build())
        .chat("delete ok", NhiPamCredentials.parameters(c));

    assertThat(answer).contains("deleted 1");
    assertThat(deletes).hasValue(1);
  }

  @Test
  void provideTools_nonReadOnlyToolWithoutDestructiveHint_treatedAsDestructive() {
    Credential c = env.mint("ops-agent", "tool:writeFile", "tool:appendLog");
    model.script("write",
        callTools(call("w-1", "writeFile", "{}"), call("w-2", "appendLog", "{}")), echoToolResults());

    assistant(GuardedToolProvider.builder(env.guard(), fileServer(false)).scopePerToolName().build())
        .chat("write", NhiPamCredentials.parameters(c));

    assertThat(model.toolResult("w-1").text()).contains("lacks scope tool:writeFile:destructive");
    assertThat(model.toolResult("w-2").text()).isEqualTo("appended");
  }

  @Test
  void provideTools_readOnlyTool_resultMasked() {
    Credential c = env.mint("ops-agent", "tool:readFile");
    model.script("read", callTools(call("r-1", "readFile", "{\"path\":\"/etc/x\"}")), echoToolResults());

    assistant(GuardedToolProvider.builder(env.guard(), fileServer(false)).scopePerToolName().build())
        .chat("read", NhiPamCredentials.parameters(c));

    assertThat(model.toolResult("r-1").text()).contains("card **** **** **** 1111");
    assertThat(TicketTools.leaksCard(model.everythingReceived())).isFalse();
  }

  @Test
  void provideTools_noScopeForTool_deniedUnscoped() {
    Credential c = env.mint("ops-agent", "tool:readFile");
    model.script("unmapped", callTools(call("n-1", "readFile", "{}")), echoToolResults());

    assistant(GuardedToolProvider.builder(env.guard(), fileServer(false)).scope("writeFile", "tool:writeFile").build())
        .chat("unmapped", NhiPamCredentials.parameters(c));

    assertThat(model.toolResult("n-1").text()).contains("declares no required scope");
    assertThat(env.events(AuditEventType.DENY)).singleElement().satisfies(e ->
        assertThat(e.reason()).contains(ReasonCode.UNSCOPED_OPERATION.name()));
  }

  @Test
  void provideTools_allowUnscopedTools_destructiveStillNeedsItsScope() {
    Credential c = env.mint("ops-agent", "tool:readFile");
    model.script("lax",
        callTools(call("x-1", "readFile", "{}"), call("x-2", "deleteFile", "{}")), echoToolResults());

    assistant(GuardedToolProvider.builder(env.guard(), fileServer(false)).allowUnscopedTools().build())
        .chat("lax", NhiPamCredentials.parameters(c));

    assertThat(model.toolResult("x-1").text()).startsWith("contents of");
    assertThat(model.toolResult("x-2").text()).contains("lacks scope tool:deleteFile:destructive");
    assertThat(deletes).hasValue(0);
  }

  @Test
  void scopes_resolverGivesScope_usedAndMappingWins() {
    Credential c = env.mint("ops-agent", "tool:files");
    GuardedToolProvider provider = GuardedToolProvider.builder(env.guard(), fileServer(false))
        .scopes(spec -> "tool:files").scope("appendLog", "tool:logs").build();
    ToolProviderResult tools = provider.provideTools(request());

    assertThat(tools.aiServiceTools()).extracting(t -> ((GuardedToolExecutor) t.toolExecutor()).requiredScopes())
        .containsExactly(List.of("tool:files"), List.of("tool:files", "tool:deleteFile:destructive"),
            List.of("tool:files", "tool:writeFile:destructive"), List.of("tool:logs"));
    ToolExecutionResult read = tools.aiServiceTools().get(0).toolExecutor().executeWithContext(
        call("z-1", "readFile", "{}"), request().invocationContext());
    assertThat(read.isError()).isTrue();
    assertThat(read.resultText()).contains("no credential presented");
    assertThat(c.scopes().values()).containsExactly("tool:files");
  }

  @Test
  void isDynamic_followsTheWrappedProvider() {
    assertThat(GuardedToolProvider.builder(env.guard(), fileServer(true)).build().isDynamic()).isTrue();
    assertThat(GuardedToolProvider.builder(env.guard(), fileServer(false)).build().isDynamic()).isFalse();
  }

  @Test
  void provideTools_toolNameThatCannotFormAScope_deniedInvalidScope() {
    ToolProvider odd = request -> ToolProviderResult.builder()
        .add(spec("drop table", Map.of(GuardedToolProvider.DESTRUCTIVE_HINT, true)), (req, mem) -> "dropped").build();
    GuardedToolProvider provider = GuardedToolProvider.builder(env.guard(), odd).allowUnscopedTools()
        .credentials(() -> env.mint("ops-agent", "tool:x")).build();

    ToolExecutionResult r = provider.provideTools(request()).aiServiceTools().get(0).toolExecutor()
        .executeWithContext(call("o-1", "drop table", "{}"), request().invocationContext());

    assertThat(r.isError()).isTrue();
    assertThat(r.resultText()).contains("invalid scope");
    assertThat(env.events(AuditEventType.DENY)).singleElement().satisfies(e ->
        assertThat(e.reason()).contains(ReasonCode.INVALID_SCOPE.name()));
  }

  @Test
  void scopes_resolverReturnsPattern_providerCallFails() {
    GuardedToolProvider provider = GuardedToolProvider.builder(env.guard(), fileServer(false))
        .scopes(spec -> "tool:*").build();

    assertThatThrownBy(() -> provider.provideTools(request())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a pattern");
  }

  private static ToolProviderRequest request() {
    return new ToolProviderRequest("memory-1", UserMessage.from("hi"));
  }
}
