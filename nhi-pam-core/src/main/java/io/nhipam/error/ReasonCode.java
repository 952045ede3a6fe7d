package io.nhipam.error;

/**
 * Why something was denied or refused: the stable, machine-readable half of every decision and
 * every credential failure. Tests assert on these; messages are for people.
 */
public enum ReasonCode {
  /** The access was allowed (used only by allow decisions). */
  ALLOWED,
  /** No credential was presented. */
  NO_CREDENTIAL,
  /** The credential does not carry a scope that grants the request. */
  MISSING_SCOPE,
  /** A deny rule in the identity's policy matches the request; deny overrides allow. */
  DENIED_BY_RULE,
  /** The identity's current policy no longer allows what the credential carries. */
  NOT_IN_POLICY,
  /** The identity has no policy, so nothing can be granted. */
  UNKNOWN_IDENTITY,
  /** The requested scope is not a valid concrete scope. */
  INVALID_SCOPE,
  /** The credential's expiry has passed. */
  EXPIRED,
  /** The credential's not-before time has not come yet. */
  NOT_YET_VALID,
  /** The credential, an ancestor of it, its lease or its identity was revoked. */
  REVOKED,
  /** The credential was minted for another audience. */
  WRONG_AUDIENCE,
  /** The credential was minted by another issuer. */
  WRONG_ISSUER,
  /** The token is not a well-formed nhi-pam token. */
  MALFORMED,
  /** The token is of another PASETO version or purpose (only v4.public is accepted). */
  WRONG_VERSION_OR_PURPOSE,
  /** The token's signature does not verify. */
  BAD_SIGNATURE,
  /** The token names a key that is not in the key ring. */
  UNKNOWN_KEY,
  /** A mint or attenuation asked for more scopes than allowed. */
  SCOPE_EXCEEDS_CEILING,
  /** A mint, attenuation or renewal asked for a longer life than allowed. */
  TTL_EXCEEDS_CEILING,
  /** The audit record the operation needs could not be written, so the operation fails closed. */
  AUDIT_FAILED,
  /** The shared revocation state is older than its staleness bound, so nothing can be decided. */
  REVOCATION_STATE_STALE,
  /** The tool or operation has no declared scope and unscoped use is not enabled. */
  UNSCOPED_OPERATION,
  /** The operation is not understood by the guard, so it is refused. */
  UNSUPPORTED_OPERATION,
  /** The SQL could not be parsed or analysed. */
  SQL_UNPARSEABLE,
  /** The SQL string holds more than one statement. */
  SQL_MULTIPLE_STATEMENTS,
  /** The SQL calls a function or statement kind that is not on the allow-list. */
  SQL_FORBIDDEN,
  /** The SQL uses a masked column in an expression or predicate without the reveal scope. */
  MASKED_COLUMN_INFERENCE,
  /** The statement returned more rows than the identity's limit allows. */
  ROW_LIMIT_EXCEEDED,
  /** The secret presented is unknown, malformed or no longer valid. */
  INVALID_SECRET
}
