package io.nhipam.audit;

/** What an {@link AuditEvent} records. The name is written to the log as is. */
public enum AuditEventType {
  /** A credential was minted. */
  MINT,
  /** A holder derived a child credential with fewer scopes or a shorter life. */
  ATTENUATE,
  /** A credential or lease was renewed. */
  RENEW,
  /** A credential, every credential of an identity, or a lease was revoked. */
  REVOKE,
  /** A presented token failed verification (malformed, bad signature, expired, revoked). */
  VERIFY_FAILURE,
  /** An access check allowed the call. */
  ALLOW,
  /** An access check denied the call. */
  DENY,
  /** Masking changed a result; attributes carry counts per detector, never the plaintext. */
  MASK,
  /** An ephemeral secret lease was opened. */
  SECRET_LEASE_OPEN,
  /** An ephemeral secret lease was closed or revoked. */
  SECRET_LEASE_CLOSE,
  /** A policy was loaded or replaced. */
  POLICY_LOAD
}
