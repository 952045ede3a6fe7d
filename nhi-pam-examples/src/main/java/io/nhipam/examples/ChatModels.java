package io.nhipam.examples;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Map;
import java.util.Optional;

/**
 * An optional real chat model for the support-agent story, chosen by environment variables:
 * {@code OPENAI_API_KEY} (model {@code NHIPAM_OPENAI_MODEL}, default {@code gpt-4o-mini}), or
 * {@code OLLAMA_BASE_URL} such as {@code http://localhost:11434} (model {@code NHIPAM_OLLAMA_MODEL},
 * default {@code llama3.1}, through Ollama's OpenAI-compatible API). With neither set, the stories
 * use their scripted model and need no network.
 */
final class ChatModels {
  private ChatModels() {}

  static Optional<ChatModel> fromEnvironment(Map<String, String> env) {
    String key = env.get("OPENAI_API_KEY");
    if (key != null && !key.isBlank()) {
      return Optional.of(OpenAiChatModel.builder().apiKey(key)
          .modelName(env.getOrDefault("NHIPAM_OPENAI_MODEL", "gpt-4o-mini")).build());
    }
    String ollama = env.get("OLLAMA_BASE_URL");
    if (ollama != null && !ollama.isBlank()) {
      return Optional.of(OpenAiChatModel.builder().baseUrl(ollama.replaceAll("/+$", "") + "/v1").apiKey("ollama")
          .modelName(env.getOrDefault("NHIPAM_OLLAMA_MODEL", "llama3.1")).build());
    }
    return Optional.empty();
  }

  /** A name to print, never the key. */
  static String describe(Map<String, String> env) {
    if (env.containsKey("OPENAI_API_KEY") && !env.get("OPENAI_API_KEY").isBlank()) {
      return "OpenAI " + env.getOrDefault("NHIPAM_OPENAI_MODEL", "gpt-4o-mini");
    }
    if (env.containsKey("OLLAMA_BASE_URL") && !env.get("OLLAMA_BASE_URL").isBlank()) {
      return "Ollama " + env.getOrDefault("NHIPAM_OLLAMA_MODEL", "llama3.1") + " at " + env.get("OLLAMA_BASE_URL");
    }
    return "scripted model (no network)";
  }
}
