/**
 * The token cryptography under nhi-pam credentials: PASETO v4.public (Ed25519) signing and
 * verification, PASERK {@code k4.public}/{@code k4.secret}/{@code k4.pid}, the key-id footer,
 * and the strict JSON reader for claims.
 *
 * <p>Internal: this package is not exported from the module. Only the classes the credential
 * package calls are public. Everything here is strict by construction: one version and purpose
 * ({@code v4.public}), canonical base64url only, a size cap checked before any decoding, a footer
 * that can name a key id and nothing else, and JSON without duplicate members or deep nesting.
 * No exception message or {@code toString()} here carries token text or key bytes.
 */
@NullMarked
package io.nhipam.internal.paseto;

import org.jspecify.annotations.NullMarked;
