/**
 * Shared state for a fleet of JVMs, kept in PostgreSQL: one revocation list ({@link
 * io.nhipam.postgres.PostgresRevocationStore}), one audit chain with lease and identity
 * projections ({@link io.nhipam.postgres.PostgresAuditSink}, {@link
 * io.nhipam.postgres.PostgresLeases}, {@link io.nhipam.postgres.PostgresInventory}), and the
 * schema that holds them ({@link io.nhipam.postgres.PostgresSchema}).
 *
 * <p>Uses core's exported API only; core knows nothing of this module.
 */
@NullMarked
package io.nhipam.postgres;

import org.jspecify.annotations.NullMarked;
