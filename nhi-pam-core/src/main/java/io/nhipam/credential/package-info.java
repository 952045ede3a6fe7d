/**
 * Credentials: Ed25519 key ring, PASETO v4.public tokens, mint, verify, attenuate, revoke,
 * leases and ephemeral secrets, behind the revocation SPI.
 */
@NullMarked
package io.nhipam.credential;

import org.jspecify.annotations.NullMarked;
