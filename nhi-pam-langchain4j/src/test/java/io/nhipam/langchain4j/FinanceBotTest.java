package io.nhipam.langchain4j;

import static io.nhipam.langchain4j.ScriptedChatModel.call;
import static io.nhipam.langchain4j.ScriptedChatModel.callTools;
import static io.nhipam.langchain4j.ScriptedChatModel.echoToolResults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.invocation.InvocationParameters;
import dev.langchain4j.service.AiServices;
import io.nhipam.audit.AuditEvent;
import io.nhipam.audit.AuditEventType;
import io.nhipam.credential.Credential;
import io.nhipam.error.ReasonCode;
import io.nhipam.guard.AccessDeniedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Acceptance story 1 through real AiServices: invoices allowed, payroll denied with the reason the model reads. */
class FinanceBotTest {
  private final TestPam env = new TestPam();
  private final FinanceTools tools = new FinanceTools();
  private final ScriptedChatModel model = new ScriptedChatModel();

  private Assistant assistant(DenialMode mode, boolean rethrow) {
    AiServices<Assistant> b = AiServices.builder(Assistant.class).chatModel(model)
        .tools(GuardedTools.builder(env.guard()).tools(tools).denialMode(mode).build());
    if (rethrow) {
      b.toolExecutionErrorHandler(GuardedTools.rethrowDenials());
    }
    return b.build();
  }

  private Assistant assistant() {
    return assistant(DenialMode.TELL_MODEL, false);
  }

  @Test
  void chat_invoiceWithInvoiceScope_toolRunsAndModelGetsResult() {
    Credential c = env.mint("finance-bot", "invoices:read");
    model.script("invoice 42?", callTools(call("call-1", "getInvoice", "{\"id\":\"42\"}")), echoToolResults());

    String answer = assistant().chat("invoice 42?", NhiPamCredentials.parameters(c));

    assertThat(answer).contains("invoice 42: 1200.00 EUR");
    ToolExecutionResultMessage seen = model.toolResult("call-1");
    assertThat(seen.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(tools.invoiceCalls).hasValue(1);
    assertThat(env.events(AuditEventType.ALLOW)).anySatisfy(e -> {
      assertThat(e.correlationId()).contains("call-1");
      assertThat(e.scope()).contains("invoices:read");
      assertThat(e.credentialId()).contains(c.id());
    });
  }

  @Test
  void chat_payrollWithoutPayrollScope_modelReceivesMissingScopeReasonAndToolNeverRuns() {
    Credential c = env.mint("finance-bot", "invoices:read");
    model.script("payroll of ann?", callTools(call("call-p", "getPayroll", "{\"employee\":\"ann\"}")), echoToolResults());

    String answer = assistant().chat("payroll of ann?", NhiPamCredentials.parameters(c));

    ToolExecutionResultMessage seen = model.toolResult("call-p");
    assertThat(seen.isError()).isTrue();
    assertThat(seen.text()).contains("lacks scope payroll:read").contains(c.id()).contains("finance-bot");
    assertThat(seen.attributes()).containsEntry(GuardedToolExecutor.DENIAL_REASON_ATTRIBUTE, "MISSING_SCOPE");
    assertThat(answer).contains("getPayroll error").contains("lacks scope payroll:read");
    assertThat(tools.payrollCalls).hasValue(0);
    AuditEvent deny = env.events(AuditEventType.DENY).get(0);
    assertThat(deny.reason()).contains(ReasonCode.MISSING_SCOPE.name());
    assertThat(deny.correlationId()).contains("call-p");
    assertThat(deny.scope()).contains("payroll:read");
  }

  @Test
  void chat_invoiceThenPayrollInOneTurn_firstAllowedSecondDenied() {
    Credential c = env.mint("finance-bot", "invoices:read");
    model.script("both please",
        callTools(call("c-inv", "getInvoice", "{\"id\":\"7\"}"), call("c-pay", "getPayroll", "{\"employee\":\"bo\"}")),
        echoToolResults());

    assistant().chat("both please", NhiPamCredentials.parameters(c));

    assertThat(model.toolResult("c-inv").text()).contains("invoice 7");
    assertThat(model.toolResult("c-pay").text()).contains("lacks scope payroll:read");
  }

  @Test
  void chat_credentialRevokedBetweenTwoToolCalls_secondCallDeniedRevoked() {
    Credential c = env.mint("finance-bot", "invoices:read");
    model.script("two invoices",
        callTools(call("first", "getInvoice", "{\"id\":\"1\"}")),
        request -> {
          env.pam.revoke(c);   // the operator pulls the plug while the agent is mid-conversation
          return callTools(call("second", "getInvoice", "{\"id\":\"2\"}")).apply(request);
        },
        echoToolResults());

    assistant().chat("two invoices", NhiPamCredentials.parameters(c));

    assertThat(model.toolResult("first").text()).contains("invoice 1");
    ToolExecutionResultMessage second = model.toolResult("second");
    assertThat(second.isError()).isTrue();
    assertThat(second.text()).containsIgnoringCase("revoked");
    assertThat(tools.invoiceCalls).hasValue(1);
    assertThat(env.events(AuditEventType.DENY)).anySatisfy(e -> {
      assertThat(e.reason()).contains(ReasonCode.REVOKED.name());
      assertThat(e.correlationId()).contains("second");
    });
  }

  @Test
  void chat_credentialExpiredMidConversation_deniedExpired() {
    Credential c = env.mint("finance-bot", "invoices:read");
    model.script("late",
        callTools(call("early", "getInvoice", "{\"id\":\"1\"}")),
        request -> {
          env.clock.advance(Duration.ofMinutes(10));
          return callTools(call("late-call", "getInvoice", "{\"id\":\"2\"}")).apply(request);
        },
        echoToolResults());

    assistant().chat("late", NhiPamCredentials.parameters(c));

    assertThat(model.toolResult("late-call").text()).containsIgnoringCase("expire");
    assertThat(env.events(AuditEventType.DENY)).anySatisfy(e ->
        assertThat(e.reason()).contains(ReasonCode.EXPIRED.name()));
  }

  @Test
  void chat_noCredential_deniedNoCredentialNotCrash() {
    model.script("anon", callTools(call("anon-1", "getInvoice", "{\"id\":\"1\"}")), echoToolResults());

    String answer = assistant().chat("anon", new InvocationParameters());

    assertThat(model.toolResult("anon-1").text()).contains("no credential presented for invoices:read");
    assertThat(answer).contains("getInvoice error");
    assertThat(tools.invoiceCalls).hasValue(0);
    assertThat(env.events(AuditEventType.DENY)).anySatisfy(e ->
        assertThat(e.reason()).contains(ReasonCode.NO_CREDENTIAL.name()));
  }

  @Test
  void chat_parameterHoldsATokenStringNotACredential_deniedMalformed() {
    Credential c = env.mint("finance-bot", "invoices:read");
    model.script("string cred", callTools(call("s-1", "getInvoice", "{\"id\":\"1\"}")), echoToolResults());

    assistant().chat("string cred", InvocationParameters.from(NhiPamCredentials.PARAMETER, c.token()));

    ToolExecutionResultMessage seen = model.toolResult("s-1");
    assertThat(seen.text()).contains("holds a java.lang.String").doesNotContain(c.token());
    assertThat(env.events(AuditEventType.DENY)).anySatisfy(e -> {
      assertThat(e.reason()).contains(ReasonCode.MALFORMED.name());
      assertThat(e.correlationId()).contains("s-1");
    });
    assertThat(tools.invoiceCalls).hasValue(0);
  }

  @Test
  void chat_credentialForAnotherAudience_deniedWrongAudience() {
    TestPam other = new TestPam("another-service", env.pam.authority().keyRing());
    Credential foreign = other.mint("finance-bot", "invoices:read");
    model.script("foreign", callTools(call("f-1", "getInvoice", "{\"id\":\"1\"}")), echoToolResults());

    assistant().chat("foreign", NhiPamCredentials.parameters(foreign));

    assertThat(model.toolResult("f-1").text()).contains("another-service");
    assertThat(env.events(AuditEventType.DENY)).anySatisfy(e ->
        assertThat(e.reason()).contains(ReasonCode.WRONG_AUDIENCE.name()));
    assertThat(tools.invoiceCalls).hasValue(0);
  }

  @Test
  void chat_throwModeWithRethrowHandler_accessDeniedReachesCallerUnwrapped() {
    Credential c = env.mint("finance-bot", "invoices:read");
    model.script("payroll!", callTools(call("t-1", "getPayroll", "{\"employee\":\"ann\"}")), echoToolResults());
    Assistant strict = assistant(DenialMode.THROW, true);

    assertThatThrownBy(() -> strict.chat("payroll!", NhiPamCredentials.parameters(c)))
        .isExactlyInstanceOf(AccessDeniedException.class)
        .satisfies(e -> {
          AccessDeniedException denied = (AccessDeniedException) e;
          assertThat(denied.reason()).isEqualTo(ReasonCode.MISSING_SCOPE);
          assertThat(denied.decision().scope()).isEqualTo("payroll:read");
          assertThat(denied.decision().credentialId()).contains(c.id());
        });
    assertThat(tools.payrollCalls).hasValue(0);
    assertThat(model.toolResultsSeen()).isEmpty();
  }

  @Test
  void chat_throwModeAllowedCall_runsNormally() {
    Credential c = env.mint("finance-bot", "invoices:read");
    model.script("inv strict", callTools(call("t-2", "getInvoice", "{\"id\":\"9\"}")), echoToolResults());

    String answer = assistant(DenialMode.THROW, true).chat("inv strict", NhiPamCredentials.parameters(c));

    assertThat(answer).contains("invoice 9");
  }

  @Test
  void chat_throwModeWithoutRethrowHandler_toolStillRefusedAndModelReadsDenial() {
    Credential c = env.mint("finance-bot", "invoices:read");
    model.script("payroll lax", callTools(call("t-3", "getPayroll", "{\"employee\":\"ann\"}")), echoToolResults());

    assistant(DenialMode.THROW, false).chat("payroll lax", NhiPamCredentials.parameters(c));

    assertThat(model.toolResult("t-3").text()).contains("lacks scope payroll:read");
    assertThat(tools.payrollCalls).hasValue(0);
  }

  @Test
  void chat_boundCredentialSupplier_usedWithoutInvocationParameters() {
    Credential c = env.mint("finance-bot", "invoices:read");
    model.script("bound", callTools(call("b-1", "getInvoice", "{\"id\":\"5\"}")), echoToolResults());
    Assistant bound = AiServices.builder(Assistant.class).chatModel(model)
        .tools(GuardedTools.builder(env.guard()).tools(tools).credentials(() -> c).build()).build();

    assertThat(bound.chatWithoutParameters("bound")).contains("invoice 5");
    assertThat(env.events(AuditEventType.ALLOW)).anySatisfy(e -> assertThat(e.credentialId()).contains(c.id()));
  }
}
