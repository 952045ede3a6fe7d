package io.nhipam.langchain4j;

import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.invocation.InvocationParameters;
import io.nhipam.credential.Credential;
import io.nhipam.credential.CredentialException;
import io.nhipam.error.ReasonCode;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where a guarded tool finds the credential of the call it is about to run.
 *
 * <p>Resolved once per tool call, on the thread that runs the tool. Returning {@code null} means
 * "no credential": the call is denied with {@link ReasonCode#NO_CREDENTIAL}. Throwing a
 * {@link CredentialException} denies the call with that exception's reason; any other exception
 * denies it with {@link ReasonCode#NO_CREDENTIAL}. A source never lets a call through on its own:
 * the credential it returns is still checked (expiry, revocation, audience, scopes).
 */
@FunctionalInterface
public interface CredentialSource {

  /** The credential for this call, or {@code null} if there is none. */
  @Nullable Credential resolve(InvocationContext context);

  /**
   * The default: the {@link Credential} the caller put into the AI service call's
   * {@link InvocationParameters} under {@link NhiPamCredentials#PARAMETER}. A value of another
   * type under that key is refused as {@link ReasonCode#MALFORMED}.
   */
  static CredentialSource invocationParameters() {
    return InvocationParameterSource.INSTANCE;
  }

  /**
   * A credential bound when the tools are wrapped, asked for on every call (so a supplier that
   * reads the current job's lease sees renewals and revocations).
   */
  static CredentialSource fromSupplier(Supplier<? extends @Nullable Credential> supplier) {
    Objects.requireNonNull(supplier, "supplier");
    return context -> supplier.get();
  }

  /** This source, or {@code fallback} when this one finds no credential (returns null). */
  default CredentialSource orElse(CredentialSource fallback) {
    Objects.requireNonNull(fallback, "fallback");
    return context -> {
      Credential c = resolve(context);
      return c != null ? c : fallback.resolve(context);
    };
  }
}
