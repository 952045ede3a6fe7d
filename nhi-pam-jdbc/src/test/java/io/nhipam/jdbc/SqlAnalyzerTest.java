package io.nhipam.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nhipam.error.ReasonCode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlAnalyzerTest {
  private final SqlAnalyzer analyzer = SqlAnalyzer.withCacheSize(100);

  private StatementAnalysis h2(String sql) {
    return analyzer.analyze(sql, SqlDialect.H2, "PUBLIC");
  }

  private StatementAnalysis pg(String sql) {
    return analyzer.analyze(sql, SqlDialect.POSTGRESQL, "public");
  }

  private static TableRef t(String schema, String table) {
    return new TableRef(schema, table);
  }

  private static ColumnRef c(String schema, String table, String column) {
    return new ColumnRef(t(schema, table), column);
  }

  @Test
  void analyze_plainSelectOnH2_foldsToUpperCaseInCurrentSchema() {
    StatementAnalysis a = h2("select id from invoices");

    assertThat(a.accesses()).isEqualTo(Map.of(t("PUBLIC", "INVOICES"), Set.of(Verb.SELECT)));
    assertThat(a.requiredScopes()).containsExactly("db:PUBLIC.INVOICES:select");
  }

  @Test
  void analyze_plainSelectOnPostgres_foldsToLowerCaseAndKeepsQuotedNames() {
    StatementAnalysis a = pg("SELECT * FROM Invoices i JOIN \"PayRoll\" p ON p.id = i.id");

    assertThat(a.accesses().keySet()).containsExactlyInAnyOrder(t("public", "invoices"), t("public", "PayRoll"));
  }

  @Test
  void analyze_schemaQualifiedName_usesThatSchema() {
    assertThat(pg("SELECT * FROM Finance.Payroll").accesses().keySet()).containsExactly(t("finance", "payroll"));
  }

  @Test
  void analyze_unqualifiedPgCatalogTable_resolvesToPgCatalog() {
    assertThat(pg("SELECT * FROM pg_authid").accesses().keySet()).containsExactly(t("pg_catalog", "pg_authid"));
  }

  @Test
  void analyze_cteShadowingTable_readsOnlyTheCteSource() {
    StatementAnalysis a = h2("WITH payroll AS (SELECT id FROM invoices) SELECT * FROM payroll");

    assertThat(a.accesses().keySet()).containsExactly(t("PUBLIC", "INVOICES"));
  }

  @Test
  void analyze_schemaQualifiedNameBesideCte_isTheRealTable() {
    StatementAnalysis a = h2("WITH payroll AS (SELECT id FROM invoices) SELECT * FROM PUBLIC.payroll");

    assertThat(a.accesses().keySet()).containsExactlyInAnyOrder(t("PUBLIC", "INVOICES"), t("PUBLIC", "PAYROLL"));
  }

  @Test
  void analyze_aliasNamedLikeAnotherTable_stillReadsTheRealTable() {
    StatementAnalysis a = h2("SELECT p.* FROM payroll p, (SELECT 1 AS x) AS payroll");

    assertThat(a.accesses().keySet()).containsExactly(t("PUBLIC", "PAYROLL"));
  }

  @Test
  void analyze_forUpdate_needsUpdateOnEveryTableRead() {
    StatementAnalysis a = pg("SELECT * FROM tickets t JOIN customers c ON c.id = t.customer_id FOR UPDATE");

    assertThat(a.accesses()).isEqualTo(Map.of(t("public", "tickets"), Set.of(Verb.SELECT, Verb.UPDATE),
        t("public", "customers"), Set.of(Verb.SELECT, Verb.UPDATE)));
  }

  @Test
  void analyze_insertSelect_insertsTargetAndReadsSource() {
    StatementAnalysis a = h2("INSERT INTO notes (id, body) SELECT id, name FROM payroll");

    assertThat(a.accesses()).isEqualTo(Map.of(t("PUBLIC", "NOTES"), Set.of(Verb.INSERT),
        t("PUBLIC", "PAYROLL"), Set.of(Verb.SELECT)));
    assertThat(a.inferenceColumns()).contains(c("PUBLIC", "PAYROLL", "NAME"));
  }

  @Test
  void analyze_selectInto_insertsIntoTarget() {
    StatementAnalysis a = pg("SELECT id INTO stolen FROM invoices");

    assertThat(a.accesses()).containsEntry(t("public", "stolen"), Set.of(Verb.INSERT));
  }

  @Test
  void analyze_updateFrom_updatesTargetAndReadsFromItems() {
    StatementAnalysis a = pg("UPDATE invoices i SET amount = p.salary FROM payroll p WHERE p.id = i.id");

    assertThat(a.accesses()).isEqualTo(Map.of(t("public", "invoices"), Set.of(Verb.UPDATE),
        t("public", "payroll"), Set.of(Verb.SELECT)));
    assertThat(a.inferenceColumns()).contains(c("public", "payroll", "salary"), c("public", "invoices", "id"));
  }

  @Test
  void analyze_deleteUsingAndReturning_deletesReadsAndSelectsTarget() {
    StatementAnalysis a = pg("DELETE FROM invoices i USING payroll p WHERE p.id = i.id RETURNING i.note");

    assertThat(a.accesses()).isEqualTo(Map.of(t("public", "invoices"), Set.of(Verb.DELETE, Verb.SELECT),
        t("public", "payroll"), Set.of(Verb.SELECT)));
    assertThat(a.outputs()).singleElement().satisfies(o -> {
      assertThat(o.sources()).containsExactly(c("public", "invoices", "note"));
      assertThat(o.direct()).isTrue();
    });
  }

  @Test
  void analyze_merge_needsEveryVerbItsClausesUse() {
    StatementAnalysis a = h2("MERGE INTO invoices i USING staging s ON i.id = s.id WHEN MATCHED THEN UPDATE SET"
        + " amount = s.amount WHEN NOT MATCHED THEN INSERT (id, amount) VALUES (s.id, s.amount)");

    assertThat(a.accesses()).isEqualTo(Map.of(t("PUBLIC", "INVOICES"), Set.of(Verb.INSERT, Verb.UPDATE),
        t("PUBLIC", "STAGING"), Set.of(Verb.SELECT)));
  }

  @Test
  void analyze_dataModifyingCte_deletesItsTable() {
    StatementAnalysis a = pg("WITH d AS (DELETE FROM payroll RETURNING *) SELECT * FROM d");

    assertThat(a.accesses()).containsEntry(t("public", "payroll"), Set.of(Verb.DELETE, Verb.SELECT));
  }

  @Test
  void analyze_truncate_needsDelete() {
    assertThat(h2("TRUNCATE TABLE payroll").accesses()).isEqualTo(Map.of(t("PUBLIC", "PAYROLL"), Set.of(Verb.DELETE)));
  }

  @Test
  void analyze_callAndDdl_needStatementScopes() {
    assertThat(h2("CALL finance.close_books()").requiredScopes()).containsExactly("db:FINANCE.CLOSE_BOOKS:execute");
    assertThat(h2("DROP TABLE payroll").requiredScopes()).containsExactly("db:statement:drop");
    assertThat(h2("CREATE TABLE x (id INT)").requiredScopes()).containsExactly("db:statement:createtable");
  }

  @Test
  void analyze_lineageThroughAliasesAndDerivedTables_followsToTheTableColumn() {
    StatementAnalysis a = h2("SELECT d.x AS shown FROM (SELECT c.card_number AS x FROM customers c) d");

    assertThat(a.exactOutputs()).isTrue();
    assertThat(a.outputs()).singleElement().satisfies(o -> {
      assertThat(o.name()).isEqualTo("SHOWN");
      assertThat(o.sources()).containsExactly(c("PUBLIC", "CUSTOMERS", "CARD_NUMBER"));
      assertThat(o.direct()).isTrue();
    });
    assertThat(a.inferenceColumns()).isEmpty();
  }

  @Test
  void analyze_expressionOverColumn_isNotDirectAndCountsAsInference() {
    StatementAnalysis a = h2("SELECT SUBSTRING(card_number, 1, 8) FROM customers");

    assertThat(a.outputs()).singleElement().satisfies(o -> assertThat(o.direct()).isFalse());
    assertThat(a.inferenceColumns()).containsExactly(c("PUBLIC", "CUSTOMERS", "CARD_NUMBER"));
  }

  @Test
  void analyze_predicatesOrderingGrouping_countAsInference() {
    assertThat(h2("SELECT id FROM customers WHERE card_number LIKE '4%'").inferenceColumns())
        .contains(c("PUBLIC", "CUSTOMERS", "CARD_NUMBER"));
    assertThat(h2("SELECT card_number FROM customers ORDER BY 1").inferenceColumns())
        .containsExactly(c("PUBLIC", "CUSTOMERS", "CARD_NUMBER"));
    assertThat(h2("SELECT card_number k FROM customers GROUP BY k").inferenceColumns())
        .contains(c("PUBLIC", "CUSTOMERS", "CARD_NUMBER"));
  }

  @Test
  void analyze_starOverRealTable_isMatchedByLabelAtExecution() {
    StatementAnalysis a = h2("SELECT * FROM customers");

    assertThat(a.exactOutputs()).isFalse();
    assertThat(a.outputs()).singleElement().satisfies(o -> assertThat(o.starTables())
        .containsExactly(t("PUBLIC", "CUSTOMERS")));
  }

  @Test
  void analyze_recursiveCte_followsTheSelfReference() {
    StatementAnalysis a = h2("WITH RECURSIVE r(c) AS (SELECT card_number FROM customers UNION ALL"
        + " SELECT c FROM r WHERE c LIKE '4%') SELECT c FROM r");

    assertThat(a.inferenceColumns()).contains(c("PUBLIC", "CUSTOMERS", "CARD_NUMBER"));
  }

  @Test
  void analyze_multipleStatements_rejected() {
    assertThat(h2("SELECT 1; SELECT 2").rejection()).contains(ReasonCode.SQL_MULTIPLE_STATEMENTS);
  }

  @Test
  void analyze_garbage_rejectedAsUnparseable() {
    StatementAnalysis a = h2("SELEC 1");

    assertThat(a.rejection()).contains(ReasonCode.SQL_UNPARSEABLE);
    assertThat(a.rejectionMessage()).contains("could not be parsed");
    assertThat(a.requiredScopes()).isEmpty();
  }

  @Test
  void analyze_functionOffTheAllowList_rejectedNamingIt() {
    StatementAnalysis a = pg("SELECT id FROM invoices WHERE note = query_to_xml('select 1', true, true, '')");

    assertThat(a.rejection()).contains(ReasonCode.SQL_FORBIDDEN);
    assertThat(a.rejectionMessage()).contains("query_to_xml").contains("allow-list");
  }

  @Test
  void analyze_tableFunctionOffTheAllowList_rejected() {
    assertThat(h2("SELECT * FROM CSVREAD('/etc/passwd')").rejection()).contains(ReasonCode.SQL_FORBIDDEN);
    assertThat(pg("SELECT * FROM generate_series(1, 3)").isRejected()).isFalse();
  }

  @Test
  void analyze_unknownQualifier_rejected() {
    assertThat(h2("SELECT x.secret FROM invoices").rejection()).contains(ReasonCode.SQL_UNPARSEABLE);
  }

  @Test
  void analyze_tableNameOutsideScopeGrammar_rejectedAsForbidden() {
    assertThat(h2("SELECT * FROM \"pay roll\"").rejection()).contains(ReasonCode.SQL_FORBIDDEN);
  }

  @Test
  void analyze_sameText_servedFromCache() {
    StatementAnalysis first = h2("SELECT id FROM invoices WHERE id = ?");

    assertThat(h2("SELECT id FROM invoices WHERE id = ?")).isSameAs(first);
    assertThat(analyzer.analyze("SELECT id FROM invoices WHERE id = ?", SqlDialect.H2, "OTHER")).isNotSameAs(first);
    assertThat(analyzer.cachedEntries()).isEqualTo(2);
  }

  @Test
  void fingerprint_sameText_sameValueNeverTheText() {
    String fp = SqlAnalyzer.fingerprint("SELECT * FROM customers WHERE card_number = '4242424242424242'");

    assertThat(fp).matches("sql-[0-9a-f]{16}").doesNotContain("4242424242424242");
    assertThat(SqlAnalyzer.fingerprint("SELECT * FROM customers WHERE card_number = '4242424242424242'"))
        .isEqualTo(fp);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT ROW_NUMBER() OVER (PARTITION BY note ORDER BY id) FROM invoices",
      "SELECT id FROM invoices ORDER BY id LIMIT ? OFFSET ?",
      "SELECT id FROM invoices ORDER BY id OFFSET 1 ROWS FETCH NEXT 2 ROWS ONLY",
      "SELECT i.id, COUNT(*) AS n FROM invoices i LEFT JOIN tickets t ON t.customer_id = i.id GROUP BY i.id"
          + " HAVING COUNT(*) > 1 ORDER BY n DESC",
      "SELECT DISTINCT ON (note) note, id FROM invoices ORDER BY note, id",
      "INSERT INTO invoices (id, amount) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET amount = EXCLUDED.amount",
      "UPDATE invoices SET amount = amount + 1 WHERE id IN (?, ?, ?)",
      "DELETE FROM invoices WHERE id = ? RETURNING *",
      "SELECT COALESCE(SUM(amount), 0) FROM invoices WHERE note LIKE ? ESCAPE '!'",
      "SELECT * FROM invoices FOR UPDATE SKIP LOCKED",
      "MERGE INTO invoices t USING (SELECT ? AS id, ? AS amount) s ON t.id = s.id WHEN MATCHED THEN UPDATE SET"
          + " amount = s.amount WHEN NOT MATCHED THEN INSERT (id, amount) VALUES (s.id, s.amount)",
      "WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT i.id FROM t JOIN"
          + " invoices i ON i.id = t.n",
      "SELECT note::varchar(10), to_char(amount, '999') FROM invoices WHERE id = ANY(?)",
      "SELECT i.* FROM invoices i JOIN LATERAL (SELECT * FROM tickets t WHERE t.customer_id = i.id LIMIT 1) x ON true",
      "SELECT SUBSTRING(note FROM 1 FOR 3), POSITION('a' IN note), TRIM(BOTH ' ' FROM note) FROM invoices"})
  void analyze_everydayPostgresStatements_notRejected(String sql) {
    StatementAnalysis a = pg(sql);

    assertThat(a.rejectionMessage()).isEmpty();
    assertThat(a.requiredScopes()).isNotEmpty().allMatch(s -> s.startsWith("db:public."));
  }

  @Test
  void withCacheSize_zero_refused() {
    assertThatThrownBy(() -> SqlAnalyzer.withCacheSize(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  @Test
  void forProduct_unknownDatabase_refusedNamingSupported() {
    assertThat(SqlDialect.forProduct("PostgreSQL")).isEqualTo(SqlDialect.POSTGRESQL);
    assertThatThrownBy(() -> SqlDialect.forProduct("Oracle")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("H2, PostgreSQL");
  }
}
