package io.nhipam.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.service.tool.ToolExecutionResult;
import io.nhipam.credential.Credential;
import io.nhipam.guard.Guard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the masked copy of a tool result: the only form of it that leaves the guarded executor.
 *
 * <ul>
 *   <li>every {@link TextContent} is masked (a lazy text supplier is resolved here, on the tool's
 *       thread, so the masking and its audit record belong to the call);</li>
 *   <li>non-text contents (images, audio, PDF) cannot be masked, so they are withheld and replaced
 *       by a text saying so (fail closed);</li>
 *   <li>the raw result object ({@link ToolExecutionResult#result()}, which LangChain4j exposes
 *       through {@code Result.toolExecutions()} and immediate returns) is replaced by the masked
 *       text when the result is one text, and dropped otherwise;</li>
 *   <li>text and JSON attribute values are masked; others are kept.</li>
 * </ul>
 */
final class ResultMasking {
  static final String WITHHELD = "[non-text tool output withheld by nhi-pam: only text can be masked]";

  private ResultMasking() {}

  static ToolExecutionResult mask(Guard guard, @Nullable Credential credential, ToolExecutionResult raw,
      @Nullable String correlationId) {
    List<Content> contents = raw.resultContents();
    List<Content> masked = new ArrayList<>(contents.size());
    for (Content content : contents) {
      if (content instanceof TextContent text) {
        masked.add(TextContent.from(guard.mask(credential, text.text(), correlationId)));
      } else {
        masked.add(TextContent.from(WITHHELD));
      }
    }
    ToolExecutionResult.Builder out = ToolExecutionResult.builder().isError(raw.isError())
        .attributes(maskAttributes(guard, credential, raw.attributes(), correlationId));
    if (masked.isEmpty()) {
      return out.resultTextSupplier(() -> null).build();
    }
    if (raw.result() != null && masked.size() == 1 && contents.get(0) instanceof TextContent) {
      out.result(((TextContent) masked.get(0)).text());
    }
    return out.resultContents(masked).build();
  }

  /** An error result whose text is {@code message}, masked. */
  static ToolExecutionResult error(Guard guard, @Nullable Credential credential, String message,
      @Nullable String correlationId) {
    return ToolExecutionResult.builder().isError(true)
        .resultText(guard.mask(credential, message, correlationId)).build();
  }

  private static Map<String, Object> maskAttributes(Guard guard, @Nullable Credential credential,
      Map<String, Object> attributes, @Nullable String correlationId) {
    if (attributes.isEmpty()) {
      return attributes;
    }
    Map<String, Object> out = new LinkedHashMap<>(attributes.size());
    for (Map.Entry<String, Object> e : attributes.entrySet()) {
      Object v = e.getValue();
      out.put(e.getKey(), v instanceof CharSequence || v instanceof JsonNode
          ? guard.maskResult(credential, v, correlationId) : v);
    }
    return out;
  }
}
