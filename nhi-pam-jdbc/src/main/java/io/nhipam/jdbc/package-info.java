/**
 * A guarded {@link javax.sql.DataSource}: every statement is analysed (tables, verbs, functions,
 * column lineage) and checked against the caller's credential, and every value read back is
 * masked. Entry point: {@link io.nhipam.jdbc.GuardedDataSource}.
 */
@NullMarked
package io.nhipam.jdbc;

import org.jspecify.annotations.NullMarked;
