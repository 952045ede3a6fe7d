package io.nhipam.langchain4j;

import dev.langchain4j.invocation.InvocationParameters;
import io.nhipam.credential.Credential;
import java.util.Objects;

/**
 * Passing a credential to guarded tools per AI service call, through LangChain4j's
 * {@link InvocationParameters} (which reach tool executors but are never shown to the model).
 *
 * <pre>{@code
 * interface Assistant {
 *   String chat(@UserMessage String message, InvocationParameters parameters);
 * }
 * assistant.chat("What is invoice 42?", NhiPamCredentials.parameters(credential));
 * }</pre>
 */
public final class NhiPamCredentials {
  /** The {@link InvocationParameters} key under which guarded tools look for the caller's {@link Credential}. */
  public static final String PARAMETER = "nhipam.credential";

  private NhiPamCredentials() {}

  /** New invocation parameters holding {@code credential} under {@link #PARAMETER}. */
  public static InvocationParameters parameters(Credential credential) {
    return InvocationParameters.from(PARAMETER, Objects.requireNonNull(credential, "credential"));
  }

  /** Puts {@code credential} under {@link #PARAMETER} in existing parameters and returns them. */
  public static InvocationParameters put(InvocationParameters parameters, Credential credential) {
    Objects.requireNonNull(parameters, "parameters").put(PARAMETER, Objects.requireNonNull(credential, "credential"));
    return parameters;
  }
}
