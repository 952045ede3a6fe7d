package io.nhipam.jdbc;

/**
 * What a guarded JDBC object does with one interface method, decided once per method by its
 * handler's table ({@link MethodTable}). The {@code *_AT} operations are the hot calls with a
 * column or parameter index that the handlers make directly on the driver object instead of
 * through reflection; they do exactly what the general operation of their kind does.
 */
enum Op {
  // every interface
  DENY, OBJECT_EQUALS, OBJECT_HASH_CODE, OBJECT_TO_STRING, UNWRAP, IS_WRAPPER_FOR, PASS, CLOSE,
  // Connection
  SET_SCHEMA, CREATE_STATEMENT, PREPARE, PREPARE_SQL, PREPARE_CALL, DATABASE_META_DATA,
  // Statement, PreparedStatement, CallableStatement
  EXECUTE_SQL, EXECUTE_PREPARED, EXECUTE_QUERY_PREPARED, ADD_BATCH_SQL, ADD_BATCH_PREPARED, EXECUTE_BATCH,
  CLEAR_BATCH, GET_RESULT_SET, GET_GENERATED_KEYS, GET_CONNECTION, RESULT_SET_META_DATA, PARAMETER_META_DATA,
  SET_PARAMETER, SET_INT_AT, SET_LONG_AT, SET_STRING_AT, OUT_PARAMETER,
  // ResultSet (the READ_* operations take a column index or label and go through ValueMasking)
  NEXT, GET_STATEMENT, READ_SCALAR, READ_TEXT, READ_CLOB, READ_CHARS, READ_STREAM, READ_BYTES, READ_BLOB,
  READ_OBJECT, READ_INT_AT, READ_LONG_AT, READ_STRING_AT, READ_DECIMAL_AT,
  // DatabaseMetaData
  CATALOG_RESULT_SET
}
