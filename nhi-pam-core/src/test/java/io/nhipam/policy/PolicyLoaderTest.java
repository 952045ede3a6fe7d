package io.nhipam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.nhipam.identity.IdentityKind;
import io.nhipam.scope.Scope;
import io.nhipam.scope.Scopes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The happy path: the sample policy, in YAML and in JSON, and the ways to hand it over. */
class PolicyLoaderTest {
  @TempDir Path dir;

  static String resource(String name) throws IOException {
    try (InputStream in = PolicyLoaderTest.class.getResourceAsStream(name)) {
      assertThat(in).as("test resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void parseYaml_samplePolicy_readsEveryIdentityAndMaskingRule() throws IOException {
    Policy policy = PolicyLoader.parseYaml(resource("sample-policy.yaml"), "sample-policy.yaml");

    assertThat(policy.source()).isEqualTo("sample-policy.yaml");
    assertThat(policy.identities()).extracting(p -> p.identity().id())
        .containsExactly("finance-bot", "support-agent", "ci-pipeline");

    IdentityPolicy finance = policy.find("finance-bot");
    assertThat(finance).isNotNull();
    assertThat(finance.identity().kind()).isEqualTo(IdentityKind.AI_AGENT);
    assertThat(finance.identity().owner()).isEqualTo("team-finance@example.com");
    assertThat(finance.identity().labels()).isEqualTo(Map.of("env", "prod", "cost-centre", "4711"));
    assertThat(finance.allow()).isEqualTo(Scopes.of("invoices:read", "db:PUBLIC.INVOICES:select"));
    assertThat(finance.deny()).isEqualTo(Scopes.of("payroll:**"));
    assertThat(finance.maxTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(finance.reveal()).isEmpty();
    assertThat(finance.maxRows()).isEqualTo(OptionalInt.empty());
    assertThat(finance.allowedBy(Scope.of("invoices:read"))).isEqualTo(Scope.of("invoices:read"));
    assertThat(finance.deniedBy(Scope.of("payroll:salary:read"))).isEqualTo(Scope.of("payroll:**"));

    IdentityPolicy support = policy.find("support-agent");
    assertThat(support).isNotNull();
    assertThat(support.maxTtl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(support.reveal()).containsExactly("card");
    assertThat(support.effectiveAllow().contains(Scope.of("pii:card:reveal"))).isTrue();
    assertThat(support.maxRows()).isEqualTo(OptionalInt.of(500));
    assertThat(support.rowLimitAction()).isEqualTo(IdentityPolicy.RowLimitAction.TRUNCATE);

    IdentityPolicy ci = policy.find("ci-pipeline");
    assertThat(ci).isNotNull();
    assertThat(ci.identity().kind()).isEqualTo(IdentityKind.PIPELINE);
    assertThat(ci.maxTtl()).isEqualTo(Duration.ofMinutes(30));

    assertThat(policy.detectorActions()).isEqualTo(Map.of("card", "last4", "email", "partial(1,4)"));
    assertThat(policy.columnActions()).isEqualTo(Map.of("db:PUBLIC.CUSTOMERS.CARD_NUMBER", "last4"));
  }

  @Test
  void parseJson_samePolicyAsYaml_equivalentResult() throws IOException {
    Policy yaml = PolicyLoader.parseYaml(resource("sample-policy.yaml"), "sample-policy.yaml");
    Policy json = PolicyLoader.parseJson(resource("sample-policy.json"), "sample-policy.json");

    assertThat(PolicyText.describe(json)).isEqualTo(PolicyText.describe(yaml));
    assertThat(json.source()).isEqualTo("sample-policy.json");
  }

  @Test
  void load_yamlAndJsonFiles_chooseFormatByExtension() throws IOException {
    Path yml = Files.writeString(dir.resolve("policy.yml"), resource("sample-policy.yaml"));
    Path yaml = Files.writeString(dir.resolve("policy.YAML"), resource("sample-policy.yaml"));
    Path json = Files.writeString(dir.resolve("policy.json"), resource("sample-policy.json"));

    String expected = PolicyText.describe(PolicyLoader.parseYaml(resource("sample-policy.yaml"), "x"));
    assertThat(PolicyText.describe(PolicyLoader.load(yml))).isEqualTo(expected);
    assertThat(PolicyText.describe(PolicyLoader.load(yaml))).isEqualTo(expected);
    assertThat(PolicyText.describe(PolicyLoader.load(json))).isEqualTo(expected);
    assertThat(PolicyLoader.load(json).source()).isEqualTo(json.toString());
  }

  @Test
  void load_inputStream_readsAndSkipsByteOrderMark() throws IOException {
    byte[] text = resource("sample-policy.yaml").getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xef;
    withBom[1] = (byte) 0xbb;
    withBom[2] = (byte) 0xbf;
    System.arraycopy(text, 0, withBom, 3, text.length);

    Policy policy = PolicyLoader.load(new ByteArrayInputStream(withBom), PolicyLoader.Format.YAML, "stream");

    assertThat(policy.source()).isEqualTo("stream");
    assertThat(policy.identities()).hasSize(3);
  }

  @Test
  void parseYaml_ttlForms_allParse() {
    Map<String, Duration> forms = Map.of(
        "30s", Duration.ofSeconds(30), "15m", Duration.ofMinutes(15), "2h", Duration.ofHours(2),
        "PT15M", Duration.ofMinutes(15), "PT1H30M", Duration.ofMinutes(90), "P1D", Duration.ofHours(24),
        "24h", Duration.ofHours(24), "1s", Duration.ofSeconds(1));
    forms.forEach((text, expected) -> {
      Policy p = PolicyLoader.parseYaml(PolicyBadInputTest.minimal("maxTtl: " + text), "ttl.yaml");
      assertThat(p.find("finance-bot")).as(text).isNotNull();
      assertThat(p.find("finance-bot").maxTtl()).as(text).isEqualTo(expected);
    });
  }

  @Test
  void parseYaml_maxRowsWithoutAction_defaultsToDeny() {
    Policy p = PolicyLoader.parseYaml(PolicyBadInputTest.minimal("maxTtl: 15m\n    maxRows: 10"), "rows.yaml");
    IdentityPolicy ip = p.find("finance-bot");
    assertThat(ip).isNotNull();
    assertThat(ip.maxRows()).isEqualTo(OptionalInt.of(10));
    assertThat(ip.rowLimitAction()).isEqualTo(IdentityPolicy.RowLimitAction.DENY);
  }

  @Test
  void parseYaml_emptyAllowList_grantsNothing() {
    Policy p = PolicyLoader.parseYaml("""
        version: 1
        identities:
          idle-bot: {kind: BOT, owner: ops@example.com, allow: [], maxTtl: 1m}
        """, "idle.yaml");
    IdentityPolicy ip = p.find("idle-bot");
    assertThat(ip).isNotNull();
    assertThat(ip.allow().isEmpty()).isTrue();
    assertThat(ip.allowedBy(Scope.of("invoices:read"))).isNull();
  }

  @Test
  void parseYaml_gitleaksRevealAndWildcardColumn_accepted() {
    Policy p = PolicyLoader.parseYaml("""
        version: 1
        identities:
          sec-bot: {kind: BOT, owner: sec@example.com, allow: [], maxTtl: 1m, reveal: ["gitleaks:aws-access-token"]}
        masking:
          columns: {"db:*.*.SSN": redact}
        """, "reveal.yaml");
    IdentityPolicy ip = p.find("sec-bot");
    assertThat(ip).isNotNull();
    assertThat(ip.reveal()).isEqualTo(Set.of("gitleaks:aws-access-token"));
    assertThat(ip.allowedBy(Scope.of("pii:gitleaks:aws-access-token:reveal"))).isNotNull();
    assertThat(p.columnActions()).isEqualTo(Map.of("db:*.*.SSN", "redact"));
  }
}
