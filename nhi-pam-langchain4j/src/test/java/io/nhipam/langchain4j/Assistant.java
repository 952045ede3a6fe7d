package io.nhipam.langchain4j;

import dev.langchain4j.invocation.InvocationParameters;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.UserMessage;

/** The AI service the tests drive; the credential travels in the invocation parameters. */
interface Assistant {
  String chat(@UserMessage String message, InvocationParameters parameters);

  Result<String> chatWithResult(@UserMessage String message, InvocationParameters parameters);

  String chatWithoutParameters(@UserMessage String message);
}
