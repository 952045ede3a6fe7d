package io.nhipam.langchain4j;

import static io.nhipam.langchain4j.ScriptedChatModel.call;
import static io.nhipam.langchain4j.ScriptedChatModel.callTools;
import static io.nhipam.langchain4j.ScriptedChatModel.echoToolResults;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.invocation.InvocationParameters;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.tool.ToolExecution;
import io.nhipam.credential.Credential;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The streaming path runs tools through the same decorator: checked, masked, denied alike. */
class StreamingAssistantTest {
  private final TestPam env = new TestPam();
  private final ScriptedChatModel script = new ScriptedChatModel();

  interface StreamingAssistant {
    TokenStream chat(@UserMessage String message, InvocationParameters parameters);
  }

  /** Streams the scripted reply as one complete response. */
  private final StreamingChatModel streaming = new StreamingChatModel() {
    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
      ChatResponse response = script.doChat(request);
      if (response.aiMessage().text() != null) {
        handler.onPartialResponse(response.aiMessage().text());
      }
      handler.onCompleteResponse(response);
    }
  };

  @Test
  void tokenStream_ticketLookupAndPayrollDenial_maskedAndDeniedAsInBlockingCalls() throws Exception {
    Credential c = env.mint("support-agent", "tickets:read");
    script.script("stream",
        callTools(call("st-1", "lookupTicket", "{\"id\":\"T-4\"}"), call("st-2", "getPayroll", "{\"employee\":\"x\"}")),
        echoToolResults());
    StreamingAssistant assistant = AiServices.builder(StreamingAssistant.class).streamingChatModel(streaming)
        .tools(GuardedTools.of(env.guard(), new TicketTools(), new FinanceTools())).build();
    List<ToolExecution> executed = new CopyOnWriteArrayList<>();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    assistant.chat("stream", NhiPamCredentials.parameters(c))
        .onPartialResponse(token -> { })
        .onToolExecuted(executed::add)
        .onCompleteResponse(done::complete)
        .onError(done::completeExceptionally)
        .start();
    ChatResponse response = done.get(30, TimeUnit.SECONDS);

    assertThat(script.toolResult("st-1").text()).contains("Ticket T-4").contains("**** **** **** 1111");
    assertThat(script.toolResult("st-2").text()).contains("support-agent").contains("lacks scope payroll:read");
    assertThat(TicketTools.leaksCard(response.aiMessage().text())).isFalse();
    assertThat(executed).hasSize(2).allSatisfy(e ->
        assertThat(TicketTools.leaksCard(e.result() + e.resultObject())).isFalse());
  }
}
