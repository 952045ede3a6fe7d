package io.nhipam.examples;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;

/**
 * A chat model that plays a fixed script instead of calling a provider, so the stories run with
 * no network and no API key: first it asks for the scripted tool calls, then it answers with the
 * tool results it received, exactly as a real model would have seen them.
 */
final class ScriptedChatModel implements ChatModel {
  private final List<ToolExecutionRequest> calls;

  ScriptedChatModel(List<ToolExecutionRequest> calls) {
    this.calls = List.copyOf(calls);
  }

  static ToolExecutionRequest call(String id, String tool, String argumentsJson) {
    return ToolExecutionRequest.builder().id(id).name(tool).arguments(argumentsJson).build();
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    boolean toolsAnswered = request.messages().stream().anyMatch(ToolExecutionResultMessage.class::isInstance);
    if (!toolsAnswered) {
      return ChatResponse.builder().aiMessage(AiMessage.from(calls)).build();
    }
    StringBuilder answer = new StringBuilder("Here is what I found:");
    for (ChatMessage m : request.messages()) {
      if (m instanceof ToolExecutionResultMessage r) {
        answer.append("\n- ").append(r.toolName()).append(": ").append(r.text());
      }
    }
    return ChatResponse.builder().aiMessage(AiMessage.from(answer.toString())).build();
  }
}
