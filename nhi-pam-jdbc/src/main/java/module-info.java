/**
 * nhi-pam JDBC: a guarded {@link javax.sql.DataSource} that checks table and verb scopes on every
 * statement and masks every value read back.
 */
module io.nhipam.jdbc {
  requires transitive io.nhipam.core;
  requires transitive java.sql;
  requires java.sql.rowset;
  requires net.sf.jsqlparser;
  requires com.google.common;
  requires static org.jspecify;

  exports io.nhipam.jdbc;
}
