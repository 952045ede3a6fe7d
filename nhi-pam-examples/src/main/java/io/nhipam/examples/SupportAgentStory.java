package io.nhipam.examples;

import static io.nhipam.examples.ScriptedChatModel.call;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import io.nhipam.credential.Credential;
import io.nhipam.jdbc.GuardedDataSource;
import io.nhipam.langchain4j.GuardedTools;
import io.nhipam.langchain4j.NhiPamCredentials;
import io.nhipam.scope.Scopes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Story 2: {@code support-agent} reads tickets whose free text and JSON hold card numbers in
 * several formats. Every tool result and every JDBC row it receives shows only the last four
 * digits; a second credential that explicitly carries {@code pii:card:reveal} sees them in clear,
 * and that reveal is audited.
 */
public final class SupportAgentStory {
  private SupportAgentStory() {}

  public static AuditSummary run(StoryConsole console, Path workDir) {
    return run(console, workDir, Map.of());
  }

  /** As {@link #run(StoryConsole, Path)}, with a real chat model if {@code env} names one (see {@link ChatModels}). */
  public static AuditSummary run(StoryConsole console, Path workDir, Map<String, String> variables) {
    console.heading(2, "AI support agent that would leak card numbers");
    try (ExampleEnvironment env = new ExampleEnvironment(workDir, "support-agent")) {
      DataSource h2 = Database.support();
      Credential agent = env.pam.mint("support-agent", Scopes.of("tickets:read", "db:PUBLIC.TICKETS:select"),
          Duration.ofMinutes(15));
      Credential supervisor = env.pam.mint("support-agent",
          Scopes.of("tickets:read", "db:PUBLIC.TICKETS:select", "pii:card:reveal"), Duration.ofMinutes(5));

      console.note("chat model: " + ChatModels.describe(variables));
      for (Credential cred : List.of(agent, supervisor)) {
        boolean reveals = cred == supervisor;
        console.note(reveals
            ? "-- a second credential " + cred.id() + " that carries pii:card:reveal (audited as a reveal)"
            : "-- credential " + cred.id() + " for support-agent: " + cred.scopes());
        ChatModel model = ChatModels.fromEnvironment(variables).orElseGet(() -> new ScriptedChatModel(List.of(
            call("call-1", "lookupTicket", "{\"id\":1}"),
            call("call-2", "lookupTicket", "{\"id\":2}"))));
        Agents assistant = AiServices.builder(Agents.class)
            .chatModel(model)
            .tools(GuardedTools.of(env.pam.guard(), new SupportTools(h2)))
            .build();
        ToolTranscript.print(console, assistant.chat("Look up tickets 1 and 2: what did the customers write about"
            + " their cards?", NhiPamCredentials.parameters(cred)));
        SqlConsole sql = new SqlConsole(console, GuardedDataSource.wrap(h2, env.pam.guard(), () -> cred));
        sql.query("SELECT tickets", "SELECT id, body, meta FROM tickets ORDER BY id");
      }
      AuditSummary summary = env.closeAndVerify();
      console.note(summary.line());
      return summary;
    }
  }
}
