package io.nhipam.guard;

import io.nhipam.credential.Credential;
import io.nhipam.mask.MaskReport;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Masks many values for one credential and one correlation id (the rows of a result set, the
 * parts of a tool result) without working out the reveal grants afresh for each value.
 *
 * <p>The grants are computed once, when the session opens. While the session reveals nothing,
 * nothing can widen it; while it reveals something, every value re-checks the credential, so a
 * revocation stops the reveal at once. Each value in which something was found is audited as
 * {@link Guard#mask} audits it. Not thread-safe: one session per result.
 */
public final class MaskingSession {
  private final Guard guard;
  private final @Nullable Credential credential;
  private final Set<String> revealed;
  /** Audits one value's report; made once, so a clean value costs no allocation here. */
  private final Consumer<MaskReport> audit;

  MaskingSession(Guard guard, @Nullable Credential credential, @Nullable String correlationId) {
    this.guard = guard;
    this.credential = credential;
    this.revealed = guard.revealed(credential);
    this.audit = report -> guard.auditMask(credential, report, correlationId);
  }

  /** Masks {@code text} as {@link Guard#mask(Credential, CharSequence, String)} would. */
  public String mask(CharSequence text) {
    Set<String> r = revealed.isEmpty() ? revealed : guard.revealed(credential);
    return guard.masker().mask(text, r, audit);
  }

  /** The detectors this session shows in clear (empty for most credentials). */
  public Set<String> revealed() {
    return revealed;
  }
}
