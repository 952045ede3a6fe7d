package io.nhipam.langchain4j;

/** What a guarded tool does when its check is denied. The tool itself never runs. */
public enum DenialMode {
  /**
   * The default: the tool call ends with an error result whose text is the denial's message
   * ({@link io.nhipam.guard.Decision#message()}), so the model can explain the refusal or choose
   * another tool. The conversation goes on.
   */
  TELL_MODEL,

  /**
   * The executor throws {@link io.nhipam.guard.AccessDeniedException}. LangChain4j hands every
   * exception a tool executor throws to the AI service's {@code ToolExecutionErrorHandler}, whose
   * default turns it into text for the model; to make the exception end the whole AI service
   * call and reach the caller unwrapped, install {@link GuardedTools#rethrowDenials()} with
   * {@code AiServices.toolExecutionErrorHandler(...)}. Without it the denial still holds (the
   * tool does not run), the model just reads the message instead.
   */
  THROW
}
