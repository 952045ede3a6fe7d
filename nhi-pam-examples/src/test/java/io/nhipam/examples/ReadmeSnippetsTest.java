package io.nhipam.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.nhipam.NhiPam;
import io.nhipam.audit.AuditLog;
import io.nhipam.audit.AuditSigner;
import io.nhipam.audit.ChainedFileAuditSink;
import io.nhipam.credential.Credential;
import io.nhipam.credential.CredentialLease;
import io.nhipam.credential.KeyRing;
import io.nhipam.credential.SecretLease;
import io.nhipam.error.ReasonCode;
import io.nhipam.guard.Decision;
import io.nhipam.guard.Guard;
import io.nhipam.mask.MaskAction;
import io.nhipam.mask.MaskResult;
import io.nhipam.mask.Masker;
import io.nhipam.policy.PolicyLoader;
import io.nhipam.scope.Scopes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every code snippet of the README, compiled and run, so the README cannot rot. */
class ReadmeSnippetsTest {
  @TempDir Path dir;
  private final byte[] auditMacKey = random(32);
  private final byte[] auditSeed = random(32);
  private final List<String> deployed = new ArrayList<>();
  private NhiPam pam;

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }

  @BeforeEach
  void policyFileInWorkingDirectory() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/nhi-policy.yaml")) {
      Files.copy(in, dir.resolve("nhi-policy.yaml"));
    }
  }

  @AfterEach
  void close() {
    if (pam != null) {
      pam.close();
    }
  }

  private Path at(String name) {
    return dir.resolve(name);
  }

  @Test
  void firstScreen() {
    // --- README first screen (Path.of(..) replaced by at(..) to write into a temp dir) ---
    NhiPam pam = NhiPam.builder()
        .policy(PolicyLoader.load(at("nhi-policy.yaml")))
        .keyRing(KeyRing.generate())
        .audit(AuditLog.of(ChainedFileAuditSink.builder(at("audit.jsonl"))
            .macKey(auditMacKey).signer(AuditSigner.ed25519(auditSeed, "audit-1")).build()))
        .build();

    Credential cred = pam.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    Decision payroll = pam.guard().check(cred, "payroll:read");   // DENY, DENIED_BY_RULE payroll:**
    String safe = pam.guard().mask(cred, "paid with 4111 1111 1111 1111"); // paid with **** **** **** 1111
    // ---
    this.pam = pam;
    assertThat(payroll.reason()).isEqualTo(ReasonCode.DENIED_BY_RULE);
    assertThat(payroll.rule()).contains("payroll:**");
    assertThat(safe).isEqualTo("paid with **** **** **** 1111");
  }

  private NhiPam pam() {
    pam = NhiPam.builder().policy(PolicyLoader.load(at("nhi-policy.yaml"))).keyRing(KeyRing.generate())
        .audit(AuditLog.of(io.nhipam.audit.AuditSinks.inMemory())).build();
    return pam;
  }

  @Test
  void credentials() {
    NhiPam pam = pam();
    Credential cred = pam.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    String token = cred.token();                   // hand this to the agent; cred.toString() prints <redacted>
    Credential same = pam.verify(token);           // signature (cached per token), issuer, audience, time, revocation
    Credential child = pam.attenuate(cred, Scopes.of("invoices:read"), Duration.ofMinutes(2));
    Credential sub = pam.delegate(cred, "sub-agent", Scopes.of("invoices:read"), Duration.ofMinutes(2));
    pam.revoke(cred);                              // cred, child and sub stop working when this returns
    pam.revokeIdentity("finance-bot");             // every credential finance-bot holds, in O(1)

    assertThat(same.id()).isEqualTo(cred.id());
    assertThat(cred.toString()).contains("<redacted>").doesNotContain(token);
    assertThat(pam.guard().check(child, "invoices:read").reason()).isEqualTo(ReasonCode.REVOKED);
    assertThat(pam.guard().check(sub, "invoices:read").reason()).isEqualTo(ReasonCode.REVOKED);
  }

  private void deploy(Credential c) {
    deployed.add(c.id());
  }

  private void upload(String secret) {
    deployed.add(secret);
  }

  @Test
  void leasesAndSecrets() {
    NhiPam pam = pam();
    Credential[] held = new Credential[2];
    String[] secretSeen = new String[1];

    try (CredentialLease build = pam.lease("ci-pipeline", Scopes.of("deploy:prod"), Duration.ofMinutes(5))) {
      deploy(build.credential());
      held[0] = build.credential();
      build.renew(Duration.ofMinutes(5));        // at most maxTtl from first issue; the old token is revoked
      held[1] = build.credential();
    }                                            // revoked here; closing twice is harmless

    try (SecretLease key = pam.leaseSecret("ci-pipeline", "deploy-key",
        Scopes.of("secrets:deploy-key:read"), Duration.ofMinutes(10))) {
      upload(key.secret().reveal());             // key.secret() prints <redacted>
      secretSeen[0] = key.secret().reveal();
      assertThat(pam.guard().checkSecret(secretSeen[0], "secrets:deploy-key:read").isAllowed()).isTrue();
    }                                            // the secret stops working here, or at its TTL

    assertThat(pam.guard().check(held[0], "deploy:prod").reason()).isEqualTo(ReasonCode.REVOKED);
    assertThat(pam.guard().check(held[1], "deploy:prod").reason()).isEqualTo(ReasonCode.REVOKED);
    assertThat(pam.guard().checkSecret(secretSeen[0], "secrets:deploy-key:read").reason())
        .isEqualTo(ReasonCode.INVALID_SECRET);
  }

  private String loadInvoice() {
    return "invoice 42 paid by card 4111 1111 1111 1111";
  }

  private String loadInvoice(String id) {
    return "invoice " + id + " paid by card 4111 1111 1111 1111";
  }

  @Test
  void guardAndDecisions() {
    NhiPam pam = pam();
    Credential cred = pam.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));

    Decision d = pam.guard().check(cred, "payroll:read", "tool-call-17");  // correlation id for the audit record
    d.isDenied();      // true
    d.reason();        // ReasonCode.DENIED_BY_RULE
    d.rule();          // Optional[payroll:**]
    d.message();       // "credential cr_... for finance-bot is denied payroll:read by rule payroll:** in its policy ..."

    pam.guard().require(cred, "invoices:read");   // throws AccessDeniedException(decision) when denied

    Supplier<String> guarded = Guard.decorateSupplier(pam.guard(), () -> cred, "invoices:read", () -> loadInvoice());
    Function<String, String> f = pam.guard().decorator(() -> cred, "invoices:read").function(id -> loadInvoice(id));

    assertThat(d.isDenied()).isTrue();
    assertThat(d.reason()).isEqualTo(ReasonCode.DENIED_BY_RULE);
    assertThat(d.rule()).contains("payroll:**");
    assertThat(d.message()).contains("for finance-bot is denied payroll:read by rule payroll:** in its policy");
    assertThat(guarded.get()).isEqualTo("invoice 42 paid by card **** **** **** 1111");
    assertThat(f.apply("7")).isEqualTo("invoice 7 paid by card **** **** **** 1111");
  }

  @Test
  void masking() {
    Path gitleaks = Path.of(System.getProperty("nhipam.shared.dir", "../shared"), "testdata/gitleaks/gitleaks.toml");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(gitleaks) || "true".equals(System.getenv("CI")),
        "shared gitleaks rules not found at " + gitleaks + "; skipping the masking snippet");
    Masker masker = Masker.builder().defaultDetectors()
        .action("email", MaskAction.partial(1, 4))
        .gitleaksRules(gitleaks)          // your existing gitleaks rules, run through RE2/J
        .build();
    MaskResult r = masker.mask("card 4111-1111-1111-1111, key AKIAIOSFODNN7EXAMPLE");
    r.text();              // card ****-****-****-1111, key [REDACTED:AWS-ACCESS-KEY]
    r.report().counts();   // {aws-access-key=1, card=1} — positions and counts, never the values

    assertThat(r.text()).isEqualTo("card ****-****-****-1111, key [REDACTED:AWS-ACCESS-KEY]");
    assertThat(r.report().counts()).containsEntry("card", 1).containsEntry("aws-access-key", 1);
  }

  // ---------------------------------------------------------------- LangChain4j

  static final class Invoices {
    String find(String id) {
      return "invoice " + id + " paid with 4111 1111 1111 1111";
    }
  }

  static final Invoices invoices = new Invoices();

  static class InvoiceTools {
    @dev.langchain4j.agent.tool.Tool("Reads one invoice") @io.nhipam.langchain4j.RequiresScope("invoices:read")
    public String getInvoice(String id) { return invoices.find(id); }
  }

  interface Agent {
    dev.langchain4j.service.Result<String> chat(@dev.langchain4j.service.UserMessage String message,
        dev.langchain4j.invocation.InvocationParameters parameters);
  }

  @Test
  void langchain4jTools() {
    NhiPam pam = pam();
    Credential cred = pam.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    dev.langchain4j.model.chat.ChatModel model = new ScriptedChatModel(List.of(
        ScriptedChatModel.call("c1", "getInvoice", "{\"id\":\"42\"}")));

    Agent agent = dev.langchain4j.service.AiServices.builder(Agent.class)
        .chatModel(model)
        .tools(io.nhipam.langchain4j.GuardedTools.of(pam.guard(), new InvoiceTools()))      // List<AiServiceTool>
        .build();
    var answer = agent.chat("Show invoice 42", io.nhipam.langchain4j.NhiPamCredentials.parameters(cred)); // the credential rides in InvocationParameters

    assertThat(answer.toolExecutions()).singleElement().satisfies(t -> {
      assertThat(t.hasFailed()).isFalse();
      assertThat(t.result()).isEqualTo("invoice 42 paid with **** **** **** 1111");
    });
  }

  // ---------------------------------------------------------------- JDBC

  private Credential current;

  private Credential currentCredential() {
    return current;
  }

  @Test
  void jdbcDataSource() throws Exception {
    NhiPam pam = pam();
    current = pam.mint("finance-bot", Scopes.of("db:PUBLIC.INVOICES:select"), Duration.ofMinutes(5));
    javax.sql.DataSource dataSource = Database.finance();
    String[] denied = new String[1];

    javax.sql.DataSource guarded = io.nhipam.jdbc.GuardedDataSource.wrap(dataSource, pam.guard(), () -> currentCredential());
    try (java.sql.Connection c = guarded.getConnection(); java.sql.Statement s = c.createStatement()) {
      s.executeQuery("SELECT id, amount FROM invoices");   // needs db:PUBLIC.INVOICES:select (H2 names)
      try {
        s.executeQuery("SELECT salary FROM payroll");         // GuardedSQLException, SQLState 42501, e.decision()
      } catch (io.nhipam.jdbc.GuardedSQLException e) {
        denied[0] = e.getSQLState() + " " + e.decision().reason();
      }
    }
    assertThat(denied[0]).isEqualTo("42501 DENIED_BY_RULE");
  }

  // ---------------------------------------------------------------- audit

  @Test
  void auditSection() {
    KeyRing keyRing = KeyRing.generate();
    ChainedFileAuditSink sink = ChainedFileAuditSink.builder(at("audit.jsonl"))
        .macKey(auditMacKey)                       // 32+ random bytes, kept apart from the log
        .signer(keyRing.auditSigner())             // or AuditSigner.ed25519(seed, keyId)
        .checkpointEvery(1000)
        .rotateAtBytes(64L << 20)                  // the chain continues across files
        .build();
    AuditLog log = AuditLog.builder(sink).async(10_000).build();   // bounded queue; back-pressure, never drops

    pam = NhiPam.builder().policy(PolicyLoader.load(at("nhi-policy.yaml"))).keyRing(keyRing).audit(log).build();
    pam.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
    pam.close();
    pam = null;
    io.nhipam.audit.VerificationResult r = io.nhipam.audit.AuditVerifier.verify(ChainedFileAuditSink.segments(at("audit.jsonl")),
        auditMacKey, java.util.Map.of(keyRing.activeKeyId(), keyRing.publicKeyBytes(keyRing.activeKeyId())));
    assertThat(r.ok()).as(r.toString()).isTrue();
    assertThat(r.events()).isEqualTo(2);
  }

  // ---------------------------------------------------------------- the annotated policy file

  @Test
  void policySection_yamlInTheReadmeLoads() throws IOException {
    Path readme = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "README.md");
    if (!Files.exists(readme)) {
      readme = Path.of("..", "README.md");
    }
    String text = Files.readString(readme);
    int start = text.indexOf("```yaml\n") + "```yaml\n".length();
    String yaml = text.substring(start, text.indexOf("```", start));

    io.nhipam.policy.Policy policy = PolicyLoader.parseYaml(yaml, "README.md");
    io.nhipam.policy.IdentityPolicy bot = policy.find("finance-bot");
    assertThat(bot).isNotNull();
    assertThat(bot.maxRows()).hasValue(500);
    assertThat(bot.effectiveAllow().values()).contains("pii:card:reveal", "reports:*:read");
    assertThat(policy.columnActions()).containsEntry("db:PUBLIC.CUSTOMERS.CARD_NUMBER", "last4");
  }
}
