package io.nhipam.langchain4j;

import static io.nhipam.langchain4j.ScriptedChatModel.call;
import static io.nhipam.langchain4j.ScriptedChatModel.callTools;
import static io.nhipam.langchain4j.ScriptedChatModel.echoToolResults;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import dev.langchain4j.service.AiServices;
import io.nhipam.audit.AuditEvent;
import io.nhipam.audit.AuditEventType;
import io.nhipam.credential.Credential;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** executeToolsConcurrently(): every tool call is checked with the credential of its own AI service call. */
class ConcurrentToolsTest {
  private static final int CALLS = 4;

  private final TestPam env = new TestPam();
  private final ScriptedChatModel model = new ScriptedChatModel();
  private final ExecutorService toolThreads = Executors.newFixedThreadPool(CALLS);
  private final ExecutorService callers = Executors.newFixedThreadPool(2);

  /** Each call waits until all four are inside the tool, so they really overlap. */
  static final class OverlappingTools {
    private final CyclicBarrier allInside = new CyclicBarrier(CALLS);

    @Tool("Reads an invoice, reporting which credential the call carried")
    @RequiresScope("invoices:read")
    String getInvoice(String id, InvocationParameters parameters) throws Exception {
      allInside.await(30, TimeUnit.SECONDS);
      Credential c = parameters.get(NhiPamCredentials.PARAMETER);
      return "invoice " + id + " read with " + c.id();
    }
  }

  @AfterEach
  void stop() {
    toolThreads.shutdownNow();
    callers.shutdownNow();
  }

  @Test
  void executeToolsConcurrently_twoConversationsAtOnce_eachCallCheckedWithItsOwnCredential() throws Exception {
    Credential alice = env.mint("finance-bot", "invoices:read");
    Credential bob = env.mint("finance-bot", "invoices:read");
    model.script("alice", callTools(call("a-1", "getInvoice", "{\"id\":\"1\"}"), call("a-2", "getInvoice",
        "{\"id\":\"2\"}")), echoToolResults());
    model.script("bob", callTools(call("b-1", "getInvoice", "{\"id\":\"3\"}"), call("b-2", "getInvoice",
        "{\"id\":\"4\"}")), echoToolResults());
    Assistant assistant = AiServices.builder(Assistant.class).chatModel(model)
        .tools(GuardedTools.of(env.guard(), new OverlappingTools()))
        .executeToolsConcurrently(toolThreads).build();

    Future<String> a = callers.submit(() -> assistant.chat("alice", NhiPamCredentials.parameters(alice)));
    Future<String> b = callers.submit(() -> assistant.chat("bob", NhiPamCredentials.parameters(bob)));

    assertThat(a.get(60, TimeUnit.SECONDS)).contains("invoice 1 read with " + alice.id())
        .contains("invoice 2 read with " + alice.id()).doesNotContain(bob.id());
    assertThat(b.get(60, TimeUnit.SECONDS)).contains("invoice 3 read with " + bob.id())
        .contains("invoice 4 read with " + bob.id()).doesNotContain(alice.id());
    Map<String, String> checkedWith = env.events(AuditEventType.ALLOW).stream()
        .collect(Collectors.toMap(e -> e.correlationId().orElseThrow(), e -> e.credentialId().orElseThrow()));
    assertThat(checkedWith).containsExactlyInAnyOrderEntriesOf(Map.of(
        "a-1", alice.id(), "a-2", alice.id(), "b-1", bob.id(), "b-2", bob.id()));
  }

  @Test
  void executeToolsConcurrently_oneCredentialRevoked_onlyItsCallsDenied() throws Exception {
    Credential alice = env.mint("finance-bot", "invoices:read");
    Credential bob = env.mint("finance-bot", "invoices:read");
    env.pam.revoke(bob);
    model.script("alice", callTools(call("a-1", "getInvoice", "{\"id\":\"1\"}"), call("a-2", "getInvoice",
        "{\"id\":\"2\"}")), echoToolResults());
    model.script("bob", callTools(call("b-1", "getInvoice", "{\"id\":\"3\"}"), call("b-2", "getInvoice",
        "{\"id\":\"4\"}")), echoToolResults());
    Assistant assistant = AiServices.builder(Assistant.class).chatModel(model)
        .tools(GuardedTools.of(env.guard(), new SimpleInvoiceTools()))
        .executeToolsConcurrently(toolThreads).build();

    Future<String> a = callers.submit(() -> assistant.chat("alice", NhiPamCredentials.parameters(alice)));
    Future<String> b = callers.submit(() -> assistant.chat("bob", NhiPamCredentials.parameters(bob)));

    assertThat(a.get(60, TimeUnit.SECONDS)).contains("invoice 1").contains("invoice 2");
    assertThat(b.get(60, TimeUnit.SECONDS)).doesNotContain("invoice 3").doesNotContain("invoice 4");
    List<AuditEvent> denials = env.events(AuditEventType.DENY);
    assertThat(denials).extracting(e -> e.correlationId().orElseThrow()).containsExactlyInAnyOrder("b-1", "b-2");
    assertThat(denials).allSatisfy(e -> assertThat(e.reason()).contains("REVOKED"));
  }

  static final class SimpleInvoiceTools {
    @Tool("Reads an invoice")
    @RequiresScope("invoices:read")
    String getInvoice(String id) {
      return "invoice " + id;
    }
  }
}
