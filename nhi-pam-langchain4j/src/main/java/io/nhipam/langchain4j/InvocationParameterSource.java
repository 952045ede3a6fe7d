package io.nhipam.langchain4j;

import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.invocation.InvocationParameters;
import io.nhipam.credential.Credential;
import io.nhipam.credential.CredentialException;
import io.nhipam.error.ReasonCode;
import org.jspecify.annotations.Nullable;

/** Reads {@link NhiPamCredentials#PARAMETER} from the call's invocation parameters. */
final class InvocationParameterSource implements CredentialSource {
  static final InvocationParameterSource INSTANCE = new InvocationParameterSource();

  private InvocationParameterSource() {}

  @Override
  public @Nullable Credential resolve(@Nullable InvocationContext context) {
    InvocationParameters parameters = context == null ? null : context.invocationParameters();
    Object value = parameters == null ? null : parameters.get(NhiPamCredentials.PARAMETER);
    if (value == null || value instanceof Credential) {
      return (Credential) value;
    }
    throw new CredentialException(ReasonCode.MALFORMED, "invocation parameter " + NhiPamCredentials.PARAMETER
        + " holds a " + value.getClass().getName() + ", not an io.nhipam.credential.Credential; put the"
        + " Credential itself there (NhiPamCredentials.parameters(credential))");
  }

  @Override
  public String toString() {
    return "CredentialSource.invocationParameters()";
  }
}
