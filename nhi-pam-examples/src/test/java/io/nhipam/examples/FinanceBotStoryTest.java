package io.nhipam.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinanceBotStoryTest {
  @Test
  void financeBot_readsInvoicesBothWays_isDeniedPayrollBothWaysWithReasons(@TempDir Path dir) {
    StoryOutput out = StoryOutput.of(FinanceBotStory::run, dir);

    assertThat(out.text()).containsPattern("ALLOW +tool getInvoice\\(INV-1001\\) +model received: invoice INV-1001: Acme GmbH");
    assertThat(out.text()).containsPattern("DENY +tool getPayroll\\(cfo\\) +model received: .*denied payroll:read by rule payroll:\\*\\*");
    assertThat(out.text()).doesNotContain("185000");
    assertThat(out.text()).containsPattern("ALLOW +SELECT invoices +INV-1001 \\| Acme GmbH \\| 1200.00");
    assertThat(out.text()).containsPattern("DENY +SELECT payroll +DENIED_BY_RULE: .*db:PUBLIC.PAYROLL:select");
    assertThat(out.text()).containsPattern("DENY +UNION into payroll +DENIED_BY_RULE");
    assertThat(out.summary().chainOk()).isTrue();
    assertThat(out.summary().denials()).isGreaterThanOrEqualTo(3);
    assertThat(out.text()).contains("chain OK");
  }
}
