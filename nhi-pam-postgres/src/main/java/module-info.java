/**
 * nhi-pam PostgreSQL: revocations, leases, identity inventory and one audit chain shared by a
 * fleet of JVMs through PostgreSQL.
 */
module io.nhipam.postgres {
  requires transitive io.nhipam.core;
  requires transitive java.sql;
  requires org.postgresql.jdbc;
  requires org.slf4j;
  requires static org.jspecify;

  exports io.nhipam.postgres;
}
