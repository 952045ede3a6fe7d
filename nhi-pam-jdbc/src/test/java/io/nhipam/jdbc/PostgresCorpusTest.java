package io.nhipam.jdbc;

import java.sql.SQLException;

/** The bypass corpus on PostgreSQL (skipped with a message when unreachable, unless CI=true). */
class PostgresCorpusTest extends CorpusTestBase {
  @Override
  TestDatabase open() throws SQLException {
    return TestDatabase.postgres();
  }
}
