package io.nhipam.examples;

import static io.nhipam.examples.ScriptedChatModel.call;

import dev.langchain4j.service.AiServices;
import io.nhipam.credential.Credential;
import io.nhipam.jdbc.GuardedDataSource;
import io.nhipam.langchain4j.GuardedTools;
import io.nhipam.langchain4j.NhiPamCredentials;
import io.nhipam.scope.Scopes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * Story 1: {@code finance-bot} holds broad entitlements elsewhere, but here it gets a 5-minute
 * credential scoped to invoices. Reading an invoice works through a LangChain4j tool and through
 * JDBC; reading payroll is denied both ways, with the reason, and every decision is audited.
 */
public final class FinanceBotStory {
  private FinanceBotStory() {}

  public static AuditSummary run(StoryConsole console, Path workDir) {
    console.heading(1, "Finance bot with broad entitlements");
    try (ExampleEnvironment env = new ExampleEnvironment(workDir, "finance-bot")) {
      DataSource h2 = Database.finance();
      Credential cred = env.pam.mint("finance-bot", Scopes.of("invoices:read", "db:PUBLIC.INVOICES:select"),
          Duration.ofMinutes(5));
      console.note("minted " + cred.id() + " for finance-bot: " + cred.scopes() + ", valid 5 minutes");

      console.note("-- through LangChain4j tools (scripted chat model)");
      ScriptedChatModel model = new ScriptedChatModel(List.of(
          call("call-1", "getInvoice", "{\"id\":\"INV-1001\"}"),
          call("call-2", "getPayroll", "{\"employee\":\"cfo\"}")));
      Agents agent = AiServices.builder(Agents.class)
          .chatModel(model)
          .tools(GuardedTools.of(env.pam.guard(), new FinanceTools(h2)))
          .build();
      ToolTranscript.print(console, agent.chat("Summarise invoice INV-1001 and tell me what the CFO earns",
          NhiPamCredentials.parameters(cred)));

      console.note("-- through the guarded DataSource (embedded H2)");
      SqlConsole sql = new SqlConsole(console, GuardedDataSource.wrap(h2, env.pam.guard(), () -> cred));
      sql.query("SELECT invoices", "SELECT id, customer, amount FROM invoices WHERE id = 'INV-1001'");
      sql.query("SELECT payroll", "SELECT employee, salary FROM payroll");
      sql.query("UNION into payroll", "SELECT id, customer FROM invoices UNION SELECT employee, CAST(salary AS VARCHAR)"
          + " FROM payroll");

      AuditSummary summary = env.closeAndVerify();
      console.note(summary.line());
      return summary;
    }
  }
}
