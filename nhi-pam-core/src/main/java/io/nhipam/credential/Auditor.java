package io.nhipam.credential;

import io.nhipam.audit.AuditEvent;
import io.nhipam.audit.AuditEventType;
import io.nhipam.audit.AuditException;
import io.nhipam.audit.AuditLog;
import io.nhipam.error.ReasonCode;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Writes the credential events; a failed write becomes a fail-closed {@link CredentialException}. */
final class Auditor {
  private final AuditLog log;
  private final Clock clock;

  Auditor(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  AuditEvent.Builder event(AuditEventType type, @Nullable String identity, @Nullable String credentialId) {
    AuditEvent.Builder b = AuditEvent.builder(type, clock.instant());
    if (identity != null) {
      b.identity(identity);
    }
    if (credentialId != null) {
      b.credentialId(credentialId);
    }
    return b;
  }

  static List<String> actors(Credential c) {
    return c.delegationChain().stream().map(Credential.Actor::subject).toList();
  }

  /** Records {@code event}; if the trail cannot take it, the operation that needed it fails. */
  void record(AuditEvent.Builder event, String operation) {
    try {
      log.record(event.build());
    } catch (AuditException | IllegalArgumentException e) {
      throw new CredentialException(ReasonCode.AUDIT_FAILED, operation + " refused: its audit record could not"
          + " be written (" + e.getMessage() + "); fix the audit sink, then retry", e);
    }
  }
}
