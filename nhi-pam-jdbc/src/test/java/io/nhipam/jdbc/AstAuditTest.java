package io.nhipam.jdbc;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nhipam.error.ReasonCode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import org.junit.jupiter.api.Test;

class AstAuditTest {
  @Test
  void verify_nodeTheWalkersDidNotReach_refusedNamingIt() throws Exception {
    Statement st = CCJSqlParserUtil.parse("SELECT id FROM invoices WHERE amount > (SELECT MAX(salary) FROM payroll)");
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(st);

    assertThatThrownBy(() -> AstAudit.verify(st, seen)).isInstanceOfSatisfying(SqlRejectedException.class, e -> {
      org.assertj.core.api.Assertions.assertThat(e.reason()).isEqualTo(ReasonCode.SQL_UNPARSEABLE);
      org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("did not reach");
    });
  }

  @Test
  void verify_everyNodeReached_passes() throws Exception {
    Statement st = CCJSqlParserUtil.parse("SELECT 1");
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(st);

    assertThatCode(() -> AstAudit.verify(st, seen)).doesNotThrowAnyException();
  }
}
