package io.nhipam.jdbc;

import java.sql.SQLException;

/** The bypass corpus on H2 in memory. */
class H2CorpusTest extends CorpusTestBase {
  @Override
  TestDatabase open() throws SQLException {
    return TestDatabase.h2();
  }
}
