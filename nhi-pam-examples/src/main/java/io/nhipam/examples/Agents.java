package io.nhipam.examples;

import dev.langchain4j.invocation.InvocationParameters;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.UserMessage;

/** The AI service every story drives; the caller's credential travels in the invocation parameters. */
interface Agents {
  Result<String> chat(@UserMessage String message, InvocationParameters parameters);
}
