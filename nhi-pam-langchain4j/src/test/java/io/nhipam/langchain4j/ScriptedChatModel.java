package io.nhipam.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A chat model that plays a script instead of calling a provider: for a conversation that starts
 * with a given user message, the n-th reply is step n, where n is the number of AI messages already
 * in the request. Stateless per request, so concurrent conversations do not disturb each other.
 * Every request is recorded, so tests can read exactly what the model received.
 */
final class ScriptedChatModel implements ChatModel {
  private final Map<String, List<Function<ChatRequest, AiMessage>>> scripts = new ConcurrentHashMap<>();
  private final List<ChatRequest> received = Collections.synchronizedList(new ArrayList<>());

  /** Plays {@code steps} for conversations whose first user message is {@code userMessage}. */
  @SafeVarargs
  final ScriptedChatModel script(String userMessage, Function<ChatRequest, AiMessage>... steps) {
    List<Function<ChatRequest, AiMessage>> copy = new ArrayList<>(steps.length);
    for (Function<ChatRequest, AiMessage> step : steps) {
      copy.add(step);
    }
    scripts.put(userMessage, List.copyOf(copy));
    return this;
  }

  static Function<ChatRequest, AiMessage> callTools(ToolExecutionRequest... calls) {
    return request -> AiMessage.from(calls);
  }

  static ToolExecutionRequest call(String id, String tool, String argumentsJson) {
    return ToolExecutionRequest.builder().id(id).name(tool).arguments(argumentsJson).build();
  }

  /** A final answer that repeats every tool result of the conversation, so callers see what the model saw. */
  static Function<ChatRequest, AiMessage> echoToolResults() {
    return request -> {
      StringBuilder sb = new StringBuilder("model saw:");
      for (ChatMessage m : request.messages()) {
        if (m instanceof ToolExecutionResultMessage r) {
          sb.append(" [").append(r.toolName()).append(r.isError() != null && r.isError() ? " error" : "")
              .append(": ").append(r.text()).append(']');
        }
      }
      return AiMessage.from(sb.toString());
    };
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    received.add(request);
    String first = request.messages().stream().filter(UserMessage.class::isInstance).map(UserMessage.class::cast)
        .findFirst().map(UserMessage::singleText).orElseThrow(() -> new AssertionError("no user message"));
    List<Function<ChatRequest, AiMessage>> steps = scripts.get(first);
    if (steps == null) {
      throw new AssertionError("no script for user message: " + first);
    }
    int step = (int) request.messages().stream().filter(AiMessage.class::isInstance).count();
    if (step >= steps.size()) {
      throw new AssertionError("script for '" + first + "' has " + steps.size() + " steps; step " + step + " asked");
    }
    return ChatResponse.builder().aiMessage(steps.get(step).apply(request)).build();
  }

  /** Every tool result message the model received, last request first-to-last order, deduplicated by id. */
  List<ToolExecutionResultMessage> toolResultsSeen() {
    List<ToolExecutionResultMessage> out = new ArrayList<>();
    synchronized (received) {
      for (ChatRequest r : received) {
        for (ChatMessage m : r.messages()) {
          if (m instanceof ToolExecutionResultMessage t && out.stream().noneMatch(o -> o.id().equals(t.id()))) {
            out.add(t);
          }
        }
      }
    }
    return out;
  }

  /** The tool result the model received for {@code toolCallId}. */
  ToolExecutionResultMessage toolResult(String toolCallId) {
    return toolResultsSeen().stream().filter(t -> toolCallId.equals(t.id())).findFirst()
        .orElseThrow(() -> new AssertionError("the model never received a result for tool call " + toolCallId));
  }

  /** Everything the model received, as text. */
  String everythingReceived() {
    synchronized (received) {
      return received.toString();
    }
  }
}
