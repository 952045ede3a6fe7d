package io.nhipam.postgres;

/** What a revocation row targets; {@link #sql} is the value of the {@code kind} column. */
enum RevocationKind {
  CREDENTIAL("credential", 'c'),
  LEASE("lease", 'l'),
  IDENTITY("identity", 'i');

  final String sql;
  final char code;

  RevocationKind(String sql, char code) {
    this.sql = sql;
    this.code = code;
  }

  static RevocationKind ofSql(String value) {
    for (RevocationKind k : values()) {
      if (k.sql.equals(value)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown revocation kind '" + value + "' in the database");
  }

  static RevocationKind ofCode(char code) {
    for (RevocationKind k : values()) {
      if (k.code == code) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown revocation kind code '" + code + "'");
  }
}
