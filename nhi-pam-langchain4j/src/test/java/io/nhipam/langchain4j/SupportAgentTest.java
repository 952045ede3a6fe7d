package io.nhipam.langchain4j;

import static io.nhipam.langchain4j.ScriptedChatModel.call;
import static io.nhipam.langchain4j.ScriptedChatModel.callTools;
import static io.nhipam.langchain4j.ScriptedChatModel.echoToolResults;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.tool.ToolExecution;
import io.nhipam.audit.AuditEventType;
import io.nhipam.credential.Credential;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Acceptance story 2 through real AiServices: the model, memory, results and logs see last-four forms only. */
class SupportAgentTest {
  private final TestPam env = new TestPam();
  private final ScriptedChatModel model = new ScriptedChatModel();
  private final MessageWindowChatMemory memory = MessageWindowChatMemory.withMaxMessages(100);

  private Assistant assistant() {
    return AiServices.builder(Assistant.class).chatModel(model).chatMemory(memory)
        .tools(GuardedTools.of(env.guard(), new TicketTools())).build();
  }

  @Test
  void lookupTicket_cardsInEveryFormat_modelReceivesLastFourOnly() {
    Credential c = env.mint("support-agent", "tickets:read");
    model.script("ticket T-9", callTools(call("lt-1", "lookupTicket", "{\"id\":\"T-9\"}")), echoToolResults());

    String answer = assistant().chat("ticket T-9", NhiPamCredentials.parameters(c));

    String seen = model.toolResult("lt-1").text();
    assertThat(seen).contains("Ticket T-9")
        .contains("**** **** **** 1111")
        .contains("****-****-****-1111")
        .contains("************1111")
        .contains("**** **** **** 4444");
    assertThat(TicketTools.leaksCard(seen)).isFalse();
    assertThat(TicketTools.leaksCard(model.everythingReceived())).isFalse();
    assertThat(TicketTools.leaksCard(answer)).isFalse();
    assertThat(env.events(AuditEventType.MASK)).anySatisfy(e -> {
      assertThat(e.correlationId()).contains("lt-1");
      assertThat(e.attributes()).containsKey("mask.card");
    });
  }

  @Test
  void chatMemoryAndToolExecutions_neverHoldTheRawResult() {
    Credential c = env.mint("support-agent", "tickets:read");
    model.script("all tools",
        callTools(call("m-1", "lookupTicket", "{\"id\":\"T-1\"}"), call("m-2", "ticketRecord", "{\"id\":\"T-2\"}"),
            call("m-3", "failingLookup", "{\"id\":\"T-3\"}")),
        echoToolResults());

    List<Result<String>> holder = new ArrayList<>();
    String logs = captureStderr(() ->
        holder.add(assistant().chatWithResult("all tools", NhiPamCredentials.parameters(c))));
    Result<String> result = holder.get(0);

    assertThat(TicketTools.leaksCard(logs)).as("debug logs").isFalse();
    assertThat(result.toolExecutions()).hasSize(3);
    for (ToolExecution execution : result.toolExecutions()) {
      assertThat(TicketTools.leaksCard(execution.result())).as(execution.request().name()).isFalse();
      assertThat(TicketTools.leaksCard(String.valueOf(execution.resultObject()))).isFalse();
      assertThat(TicketTools.leaksCard(execution.toString())).isFalse();
    }
    assertThat(TicketTools.leaksCard(memory.messages().toString())).isFalse();
    assertThat(memory.messages()).filteredOn(ToolExecutionResultMessage.class::isInstance).hasSize(3);
    assertThat(TicketTools.leaksCard(model.everythingReceived())).isFalse();
  }

  @Test
  void ticketRecord_pojoResult_jsonTextMaskedAndRawObjectReplaced() {
    Credential c = env.mint("support-agent", "tickets:read");
    model.script("record", callTools(call("r-1", "ticketRecord", "{\"id\":\"T-5\"}")), echoToolResults());

    Result<String> result = assistant().chatWithResult("record", NhiPamCredentials.parameters(c));

    String seen = model.toolResult("r-1").text();
    assertThat(seen).contains("T-5").contains("****-****-****-1111").contains("************4444");
    assertThat(result.toolExecutions().get(0).resultObject()).isEqualTo(seen);
  }

  @Test
  void failingLookup_exceptionMessageWithCard_modelAndLogsGetMaskedMessage() {
    Credential c = env.mint("support-agent", "tickets:read");
    model.script("fail", callTools(call("f-1", "failingLookup", "{\"id\":\"T-7\"}")), echoToolResults());

    String logs = captureStderr(() -> assistant().chat("fail", NhiPamCredentials.parameters(c)));

    ToolExecutionResultMessage seen = model.toolResult("f-1");
    assertThat(seen.isError()).isTrue();
    assertThat(seen.text()).contains("payment backend rejected card **** **** **** 1111 for ticket T-7");
    assertThat(TicketTools.leaksCard(logs)).isFalse();
    assertThat(TicketTools.leaksCard(memory.messages().toString())).isFalse();
  }

  @Test
  void failingLookup_unguarded_leaksCardIntoLogs_provingTheLogCaptureWorks() {
    model.script("fail raw", callTools(call("u-1", "failingLookup", "{\"id\":\"T-8\"}")), echoToolResults());
    Assistant unguarded = AiServices.builder(Assistant.class).chatModel(model).tools(new TicketTools()).build();

    String logs = captureStderr(() -> unguarded.chatWithoutParameters("fail raw"));

    assertThat(TicketTools.leaksCard(logs)).isTrue();
    assertThat(TicketTools.leaksCard(model.toolResult("u-1").text())).isTrue();
  }

  @Test
  void screenshot_imageContent_withheldBecauseItCannotBeMasked() {
    Credential c = env.mint("support-agent", "tickets:read");
    model.script("shot", callTools(call("i-1", "screenshot", "{\"id\":\"T-1\"}")), echoToolResults());

    assistant().chat("shot", NhiPamCredentials.parameters(c));

    ToolExecutionResultMessage seen = model.toolResult("i-1");
    assertThat(seen.contents()).hasSize(1);
    assertThat(seen.text()).isEqualTo(ResultMasking.WITHHELD);
  }

  @Test
  void lookupTicket_credentialWithCardRevealScope_seesFullNumbers() {
    Credential lead = env.mint("support-lead", "tickets:read", "pii:card:reveal");
    model.script("reveal", callTools(call("v-1", "lookupTicket", "{\"id\":\"T-1\"}")), echoToolResults());

    assistant().chat("reveal", NhiPamCredentials.parameters(lead));

    assertThat(model.toolResult("v-1").text()).contains("4111 1111 1111 1111");
    assertThat(env.events(AuditEventType.MASK)).anySatisfy(e ->
        assertThat(e.attributes()).containsKey("reveal.card"));
  }

  @Test
  void lookupTicket_leadWithoutRevealScopeInCredential_stillMasked() {
    Credential lead = env.mint("support-lead", "tickets:read");
    model.script("no reveal", callTools(call("v-2", "lookupTicket", "{\"id\":\"T-1\"}")), echoToolResults());

    assistant().chat("no reveal", NhiPamCredentials.parameters(lead));

    assertThat(TicketTools.leaksCard(model.toolResult("v-2").text())).isFalse();
  }

  private static String captureStderr(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
