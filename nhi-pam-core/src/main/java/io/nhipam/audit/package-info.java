/**
 * The tamper-evident audit trail: events, sinks, the hash-chained JSON Lines file and its
 * verifier.
 *
 * <p>Entry points: {@link io.nhipam.audit.AuditEvent} (what happened), {@link
 * io.nhipam.audit.AuditLog} (the fail-closed front the rest of core records through), {@link
 * io.nhipam.audit.AuditSinks} and {@link io.nhipam.audit.ChainedFileAuditSink} (where records go),
 * and {@link io.nhipam.audit.AuditVerifier} (proof that nobody edited the file).
 *
 * <p>Layering: this package sits at the bottom of core. It depends only on {@code io.nhipam.error},
 * Jackson, Bouncy Castle, Guava and SLF4J, never on credentials, policy or the guard; those layers
 * describe themselves to it with plain strings (ids, scopes, reason codes).
 *
 * <p>Secrets never enter an audit record: a credential is named by its id, a secret by {@link
 * io.nhipam.audit.AuditFingerprint}. {@link io.nhipam.audit.AuditEvent} refuses values shaped like
 * tokens, private keys, nhi-pam secrets or card numbers as a second line of defence.
 */
@NullMarked
package io.nhipam.audit;

import org.jspecify.annotations.NullMarked;
