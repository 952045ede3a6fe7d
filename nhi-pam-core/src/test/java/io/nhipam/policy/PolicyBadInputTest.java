package io.nhipam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad policy is refused with a {@link PolicyException} that names the source, the line and
 * column of the offending text, and what was expected there.
 */
class PolicyBadInputTest {
  @TempDir Path dir;

  /** A policy whose identity {@code finance-bot} has {@code lines} as its body, from line 4 on. */
  static String identity(String... lines) {
    return "version: 1\nidentities:\n  finance-bot:\n"
        + Arrays.stream(lines).map(l -> "    " + l + "\n").collect(Collectors.joining());
  }

  /** A valid identity (kind line 4, owner line 5, allow line 6) followed by {@code tail} on line 7. */
  static String minimal(String tail) {
    return identity("kind: AI_AGENT", "owner: team-finance@example.com", "allow: [\"invoices:read\"]", tail);
  }

  private static PolicyException yamlFails(String text) {
    try {
      PolicyLoader.parseYaml(text, "bad.yaml");
    } catch (PolicyException e) {
      assertThat(e.source()).contains("bad.yaml");
      assertThat(e.getMessage()).startsWith("policy bad.yaml:");
      return e;
    }
    throw new AssertionError("expected a PolicyException for:\n" + text);
  }

  private static PolicyException jsonFails(String text) {
    try {
      PolicyLoader.parseJson(text, "bad.json");
    } catch (PolicyException e) {
      assertThat(e.source()).contains("bad.json");
      return e;
    }
    throw new AssertionError("expected a PolicyException for:\n" + text);
  }

  /** One-based column of {@code needle} in one-based {@code line} of {@code text}. */
  private static int col(String text, int line, String needle) {
    String l = text.split("\n", -1)[line - 1];
    int i = l.indexOf(needle);
    assertThat(i).as("'%s' on line %d", needle, line).isNotNegative();
    return i + 1;
  }

  private static void assertAt(PolicyException e, int line, int column) {
    assertThat(e.line()).as("line of: %s", e.getMessage()).isEqualTo(line);
    assertThat(e.column()).as("column of: %s", e.getMessage()).isEqualTo(column);
    assertThat(e.getMessage()).contains("bad." + (e.getMessage().contains("bad.json") ? "json" : "yaml")
        + ":" + line + ":" + column + ": ");
  }

  // ---- unknown fields, duplicates, wrong types

  @Test
  void parseYaml_typoAlow_failsNamingFieldAndExpectedOnes() {
    String text = minimal("alow: [\"payroll:read\"]");
    PolicyException e = yamlFails(text);
    assertAt(e, 7, 5);
    assertThat(e.getMessage()).contains("unknown field 'alow' in identity 'finance-bot'; expected one of allow,"
        + " deny, kind, labels, maxRows, maxTtl, owner, reveal, rowLimitAction (did you mean 'allow'?)");
  }

  @Test
  void parseYaml_unknownTopLevelField_failsListingTopLevelFields() {
    String text = "version: 1\nidentites: {}\n";
    PolicyException e = yamlFails(text);
    assertAt(e, 2, 1);
    assertThat(e.getMessage()).contains("unknown field 'identites' in the policy (top level); expected one of"
        + " identities, masking, version (did you mean 'identities'?)");
  }

  @Test
  void parseYaml_unknownMaskingField_fails() {
    String text = minimal("maxTtl: 15m") + "masking:\n  columnz: {}\n";
    PolicyException e = yamlFails(text);
    assertAt(e, 9, 3);
    assertThat(e.getMessage()).contains("unknown field 'columnz' in masking; expected one of columns, detectors");
  }

  @Test
  void parseYaml_duplicateKey_failsNamingBothPositions() {
    String text = minimal("allow: [\"payroll:read\"]");
    PolicyException e = yamlFails(text);
    assertAt(e, 7, 5);
    assertThat(e.getMessage()).contains("duplicate key 'allow' in identity 'finance-bot' (first at line 6, column 5)")
        .contains("merge them into one");
  }

  @Test
  void parseYaml_duplicateIdentity_fails() {
    String text = minimal("maxTtl: 15m") + "  finance-bot: {}\n";
    PolicyException e = yamlFails(text);
    assertAt(e, 8, 3);
    assertThat(e.getMessage()).contains("duplicate key 'finance-bot' in identities (first at line 3, column 3)");
  }

  @Test
  void parseJson_duplicateKey_failsNamingBothPositions() {
    String text = "{\"version\": 1,\n \"version\": 1}";
    PolicyException e = jsonFails(text);
    assertAt(e, 2, 2);
    assertThat(e.getMessage()).contains("duplicate key 'version' in the policy (top level) (first at line 1, column 2)");
  }

  @Test
  void parseYaml_allowIsSingleString_failsSuggestingList() {
    String text = identity("kind: AI_AGENT", "owner: o@example.com", "allow: \"invoices:read\"", "maxTtl: 15m");
    PolicyException e = yamlFails(text);
    assertAt(e, 6, col(text, 6, "\"invoices"));
    assertThat(e.getMessage()).contains("allow of identity 'finance-bot' must be a list, found a single string;"
        + " write it as a list: [\"invoices:read\"]");
  }

  @Test
  void parseJson_allowIsObject_failsSayingArray() {
    String text = "{\"version\": 1, \"identities\": {\"b\": {\"allow\": {}}}}";
    PolicyException e = jsonFails(text);
    assertAt(e, 1, col(text, 1, "{}") );
    assertThat(e.getMessage()).contains("allow of identity 'b' must be an array, found an object");
  }

  @Test
  void parseYaml_allowEntryNotString_fails() {
    String text = identity("kind: AI_AGENT", "owner: o@example.com", "allow: [42]", "maxTtl: 15m");
    PolicyException e = yamlFails(text);
    assertAt(e, 6, col(text, 6, "42"));
    assertThat(e.getMessage()).contains("each entry of allow of identity 'finance-bot' must be a string (a scope such"
        + " as invoices:read or a pattern such as db:finance.*:select), found a number");
  }

  @Test
  void parseYaml_emptyValue_failsSayingNull() {
    String text = minimal("deny:");
    PolicyException e = yamlFails(text);
    assertAt(e, 7, 10);
    assertThat(e.getMessage()).contains("deny of identity 'finance-bot' is empty; write [] for an empty list, or"
        + " remove the key");
  }

  @Test
  void parseYaml_labelValueNumber_failsSayingQuoteIt() {
    String text = minimal("labels: {tier: 1}");
    PolicyException e = yamlFails(text);
    assertAt(e, 7, col(text, 7, "1}"));
    assertThat(e.getMessage()).contains("label 'tier' of identity 'finance-bot' must be a string (quote numbers and"
        + " booleans, e.g. tier: \"1\"), found a number");
  }

  @Test
  void parseYaml_labelKeyInvalid_fails() {
    String text = minimal("labels: {\"bad key\": x}");
    PolicyException e = yamlFails(text);
    assertAt(e, 7, col(text, 7, "\"bad"));
    assertThat(e.getMessage()).contains("label key 'bad key' is not valid");
  }

  @Test
  void parseYaml_rootIsList_fails() {
    PolicyException e = yamlFails("- version: 1\n");
    assertAt(e, 1, 1);
    assertThat(e.getMessage()).contains("the policy (top level) must be a mapping (key: value), found a list");
  }

  @Test
  void parseYaml_emptyDocument_fails() {
    PolicyException e = yamlFails("# nothing here\n");
    assertThat(e.getMessage()).contains("the policy is empty; expected a mapping (key: value) with version: 1"
        + " and identities");
  }

  @Test
  void parseYaml_secondDocument_fails() {
    String text = minimal("maxTtl: 15m") + "---\nversion: 1\n";
    PolicyException e = yamlFails(text);
    assertAt(e, 9, 1);
    assertThat(e.getMessage()).contains("unexpected content after the policy (a mapping (key: value)): a policy"
        + " file holds exactly one YAML document");
  }

  @Test
  void parseJson_trailingContent_fails() {
    String text = "{\"version\": 1, \"identities\": {\"b\": {\"kind\": \"BOT\", \"owner\": \"o\", \"allow\": [],"
        + " \"maxTtl\": \"1m\"}}}\n{}";
    PolicyException e = jsonFails(text);
    assertAt(e, 2, 1);
    assertThat(e.getMessage()).contains("exactly one JSON object");
  }

  @Test
  void parseJson_syntaxError_failsWithParserPosition() {
    String text = "{\"version\": 1\n \"identities\": {}}";
    PolicyException e = jsonFails(text);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(2);
    assertThat(e.getMessage()).contains("malformed JSON: Unexpected character ('\"'");
  }

  @Test
  void parseYaml_syntaxError_failsWithParserPosition() {
    String text = "version: 1\nidentities:\n  bot:\n    kind: \"BOT\n";
    PolicyException e = yamlFails(text);
    assertThat(e.line()).isEqualTo(4); // the line where the unterminated string began
    assertThat(e.column()).isPositive();
    assertThat(e.getMessage()).contains("malformed YAML: while scanning a quoted scalar")
        .contains("found unexpected end of stream");
  }

  // ---- scopes

  @Test
  void parseYaml_emptyScopeString_failsAtThatString() {
    String text = identity("kind: AI_AGENT", "owner: o@example.com", "allow: [\"invoices:read\", \"\"]", "maxTtl: 15m");
    PolicyException e = yamlFails(text);
    assertAt(e, 6, col(text, 6, "\"\""));
    assertThat(e.getMessage()).contains("empty entry in allow of identity 'finance-bot': every entry must be a scope");
  }

  @Test
  void parseYaml_blankScopeString_fails() {
    String text = identity("kind: AI_AGENT", "owner: o@example.com", "allow:", "  - \"  \"", "maxTtl: 15m");
    PolicyException e = yamlFails(text);
    assertAt(e, 7, col(text, 7, "\"  \""));
    assertThat(e.getMessage()).contains("empty entry in allow of identity 'finance-bot'");
  }

  @Test
  void parseYaml_doubleStarInMiddle_failsWithScopeReasonAtThatString() {
    String text = minimal("deny: [\"payroll:**:read\"]");
    PolicyException e = yamlFails(text);
    assertAt(e, 7, col(text, 7, "\"payroll"));
    assertThat(e.getMessage()).contains("deny of identity 'finance-bot': invalid scope 'payroll:**:read' at"
        + " position 8: '**' may only be the last segment");
    assertThat(e.getCause()).isInstanceOf(io.nhipam.scope.ScopeSyntaxException.class);
  }

  @Test
  void parseYaml_cyrillicLetterInScope_failsAsNonAscii() {
    String text = minimal("deny: [\"p\u0430yroll:read\"]");
    PolicyException e = yamlFails(text);
    assertAt(e, 7, col(text, 7, "\"p"));
    assertThat(e.getMessage()).contains("invalid scope 'p\\u0430yroll:read' at position 1: non-ASCII character");
  }

  @Test
  void parseJson_cyrillicLetterInScope_failsAsNonAscii() {
    String text = "{\"version\": 1, \"identities\": {\"b\": {\"allow\": [\"p\u0430yroll:read\"]}}}";
    PolicyException e = jsonFails(text);
    assertAt(e, 1, col(text, 1, "\"p\u0430"));
    assertThat(e.getMessage()).contains("non-ASCII character");
  }

  @Test
  void parseYaml_repeatedScope_fails() {
    String text = identity("kind: AI_AGENT", "owner: o@example.com", "allow:", "  - invoices:read",
        "  - invoices:read", "maxTtl: 15m");
    PolicyException e = yamlFails(text);
    assertAt(e, 8, 9);
    assertThat(e.getMessage()).contains("'invoices:read' is listed twice in allow of identity 'finance-bot'"
        + " (first at line 7, column 9)");
  }

  @Test
  void parseYaml_wildcardFirstSegment_fails() {
    String text = minimal("deny: [\"*:read\"]");
    PolicyException e = yamlFails(text);
    assertAt(e, 7, col(text, 7, "\"*"));
    assertThat(e.getMessage()).contains("the first segment (the resource) cannot be a wildcard");
  }

  // ---- YAML anchors, aliases, tags

  @Test
  void parseYaml_aliasBomb_refusedAtFirstAnchor() {
    StringBuilder bomb = new StringBuilder(minimal("maxTtl: 15m")).append("    labels:\n");
    bomb.append("      a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      bomb.append("      ").append(c).append(": &").append(c).append(" [")
          .append(String.join(",", java.util.Collections.nCopies(9, "*" + p))).append("]\n");
    }
    String text = bomb.toString();
    PolicyException e = yamlFails(text);
    assertAt(e, 9, col(text, 9, "&a"));
    assertThat(e.getMessage()).contains("YAML anchor '&a' is not allowed: policy files refuse all anchors and"
        + " aliases (this also defuses alias bombs)");
  }

  @Test
  void parseYaml_aliasWithoutAnchor_refused() {
    String text = minimal("deny: *scopes");
    PolicyException e = yamlFails(text);
    assertAt(e, 7, col(text, 7, "*scopes"));
    assertThat(e.getMessage()).contains("YAML alias '*scopes' is not allowed");
  }

  @Test
  void parseYaml_explicitTag_refused() {
    String text = minimal("maxTtl: !!str 15m");
    PolicyException e = yamlFails(text);
    assertAt(e, 7, col(text, 7, "!!str"));
    assertThat(e.getMessage()).contains("YAML tag 'tag:yaml.org,2002:str' is not allowed");
  }

  // ---- size and depth

  @Test
  void load_tenMegabyteFile_failsOnSizeBeforeParsing() throws IOException {
    Path big = dir.resolve("big.yaml");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(10L * 1024 * 1024); // all zero bytes: parsing it would fail differently
    }
    PolicyException e = null;
    try {
      PolicyLoader.load(big);
    } catch (PolicyException x) {
      e = x;
    }
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).isEqualTo("policy " + big + ": the policy is 10485760 bytes, over the limit of"
        + " 1048576 bytes (1 MiB); a policy file is small text, so check that this is the right file");
    assertThat(e.line()).isEqualTo(-1);
  }

  @Test
  void load_endlessStream_readsNoMoreThanTheCapPlusOne() {
    long[] served = {0};
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        served[0]++;
        return 'a';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        Arrays.fill(b, off, off + len, (byte) 'a');
        served[0] += len;
        return len;
      }
    };
    PolicyException e = null;
    try {
      PolicyLoader.load(endless, PolicyLoader.Format.YAML, "stdin");
    } catch (PolicyException x) {
      e = x;
    }
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("policy stdin: the policy is more than 1048576 bytes, over the limit");
    assertThat(served[0]).isLessThanOrEqualTo(PolicyLoader.MAX_BYTES + 1L);
  }

  @Test
  void parseJson_textOverCap_failsOnSize() {
    String text = "{\"version\": 1, \"pad\": \"" + "x".repeat(PolicyLoader.MAX_BYTES) + "\"}";
    PolicyException e = jsonFails(text);
    assertThat(e.getMessage()).contains("over the limit of 1048576 bytes");
  }

  @Test
  void parseYaml_multiByteTextOverCapInBytes_failsOnSize() {
    // 600,000 two-byte characters: under the cap in chars, over it in UTF-8 bytes
    String text = "version: 1\n# " + "\u00e9".repeat(600_000) + "\n";
    PolicyException e = yamlFails(text);
    assertThat(e.getMessage()).contains("the policy is 1200014 bytes, over the limit of 1048576 bytes");
  }

  @Test
  void parseYaml_deepNesting_refusedAtTheFirstUnexpectedLevel() {
    String text = minimal("owner2: x").replace("owner: team-finance@example.com",
        "owner: " + "[".repeat(10_000) + "]".repeat(10_000));
    PolicyException e = yamlFails(text);
    assertAt(e, 5, col(text, 5, "["));
    assertThat(e.getMessage()).contains("owner of identity 'finance-bot' must be a string (the accountable human"
        + " or team, e.g. team-finance@example.com), found a list");
  }

  @Test
  void parseJson_deepNesting_refusedAtTheFirstUnexpectedLevel() {
    String text = "{\"version\": 1, \"identities\": {\"b\": {\"labels\": {\"x\": " + "[".repeat(100_000);
    PolicyException e = jsonFails(text);
    assertAt(e, 1, col(text, 1, "[["));
    assertThat(e.getMessage()).contains("label 'x' of identity 'b' must be a string");
  }

  @Test
  void load_notUtf8_fails() {
    byte[] latin1 = "version: 1\nidentities: {caf\u00e9: {}}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    PolicyException e = null;
    try {
      PolicyLoader.load(new ByteArrayInputStream(latin1), PolicyLoader.Format.YAML, "latin1.yaml");
    } catch (PolicyException x) {
      e = x;
    }
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).isEqualTo("policy latin1.yaml: the policy is not valid UTF-8; save it as UTF-8");
  }

  @Test
  void load_unknownExtension_failsNamingTheFormats() throws IOException {
    Path txt = Files.writeString(dir.resolve("policy.txt"), "version: 1\n");
    PolicyException e = null;
    try {
      PolicyLoader.load(txt);
    } catch (PolicyException x) {
      e = x;
    }
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("cannot tell the policy format from the file name; name it *.yaml,"
        + " *.yml or *.json");
  }

  @Test
  void load_missingFile_failsSayingSo() {
    PolicyException e = null;
    try {
      PolicyLoader.load(dir.resolve("absent.yaml"));
    } catch (PolicyException x) {
      e = x;
    }
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("no such policy file");
  }

  // ---- identity fields

  @Test
  void parseYaml_maxTtlAboveCeiling_fails() {
    String text = minimal("maxTtl: 48h");
    PolicyException e = yamlFails(text);
    assertAt(e, 7, col(text, 7, "48h"));
    assertThat(e.getMessage()).contains("maxTtl 48h is above the absolute ceiling of 24h");
  }

  @Test
  void parseYaml_maxTtlIsoAboveCeiling_fails() {
    PolicyException e = yamlFails(minimal("maxTtl: P2D"));
    assertThat(e.getMessage()).contains("maxTtl 48h is above the absolute ceiling of 24h");
  }

  @Test
  void parseYaml_maxTtlBareNumber_failsAskingForUnit() {
    String text = minimal("maxTtl: 900");
    PolicyException e = yamlFails(text);
    assertAt(e, 7, col(text, 7, "900"));
    assertThat(e.getMessage()).contains("maxTtl of identity 'finance-bot' is a bare number; give it a unit: a"
        + " duration such as 30s, 15m, 2h, or ISO-8601 such as PT15M");
  }

  @Test
  void parseYaml_maxTtlNotADuration_fails() {
    String text = minimal("maxTtl: 15 minutes");
    PolicyException e = yamlFails(text);
    assertAt(e, 7, col(text, 7, "15"));
    assertThat(e.getMessage()).contains("maxTtl of identity 'finance-bot': '15 minutes' is not a duration such as"
        + " 30s, 15m, 2h, or ISO-8601 such as PT15M");
  }

  @Test
  void parseYaml_maxTtlZeroOrNegative_fails() {
    assertThat(yamlFails(minimal("maxTtl: 0s")).getMessage()).contains("maxTtl must be at least 1s, was 0s");
    assertThat(yamlFails(minimal("maxTtl: PT-5M")).getMessage()).contains("maxTtl must be at least 1s, was PT-5M");
    assertThat(yamlFails(minimal("maxTtl: PT0.5S")).getMessage()).contains("maxTtl must be at least 1s, was PT0.5S");
  }

  @Test
  void parseYaml_unknownKind_failsListingKinds() {
    String text = identity("kind: ROBOT", "owner: o@example.com", "allow: []", "maxTtl: 1m");
    PolicyException e = yamlFails(text);
    assertAt(e, 4, col(text, 4, "ROBOT"));
    assertThat(e.getMessage()).contains("unknown kind 'ROBOT' for identity 'finance-bot'; expected one of"
        + " SERVICE_ACCOUNT, WORKLOAD, PIPELINE, BOT, AI_AGENT");
  }

  @Test
  void parseYaml_kindInLowerCase_failsBecauseKindsAreExact() {
    PolicyException e = yamlFails(identity("kind: ai_agent", "owner: o@example.com", "allow: []", "maxTtl: 1m"));
    assertThat(e.getMessage()).contains("unknown kind 'ai_agent'");
  }

  @Test
  void parseYaml_missingOwner_failsAtIdentity() {
    String text = identity("kind: BOT", "allow: []", "maxTtl: 1m");
    PolicyException e = yamlFails(text);
    assertAt(e, 4, 5);
    assertThat(e.getMessage()).contains("identity 'finance-bot' has no owner; expected the accountable human or"
        + " team, e.g. owner: team-finance@example.com");
  }

  @Test
  void parseYaml_blankOwner_fails() {
    String text = identity("kind: BOT", "owner: \" \"", "allow: []", "maxTtl: 1m");
    PolicyException e = yamlFails(text);
    assertAt(e, 5, col(text, 5, "\" \""));
    assertThat(e.getMessage()).contains("owner of identity 'finance-bot': owner is blank: every non-human identity"
        + " needs an accountable human or team");
  }

  @Test
  void parseYaml_missingKindAllowOrTtl_failsNamingTheField() {
    assertThat(yamlFails(identity("owner: o@example.com", "allow: []", "maxTtl: 1m")).getMessage())
        .contains("identity 'finance-bot' has no kind; expected one of SERVICE_ACCOUNT");
    assertThat(yamlFails(identity("kind: BOT", "owner: o@example.com", "maxTtl: 1m")).getMessage())
        .contains("identity 'finance-bot' has no allow; expected a list of scopes; write allow: [] to grant nothing");
    assertThat(yamlFails(identity("kind: BOT", "owner: o@example.com", "allow: []")).getMessage())
        .contains("identity 'finance-bot' has no maxTtl; expected the longest life a credential may have");
  }

  @Test
  void parseYaml_invalidIdentityId_failsAtKey() {
    String text = "version: 1\nidentities:\n  \"finance bot\": {}\n";
    PolicyException e = yamlFails(text);
    assertAt(e, 3, 3);
    assertThat(e.getMessage()).contains("identity id 'finance bot' is not valid: use 1-128 ASCII letters");
  }

  @Test
  void parseYaml_identitiesEmpty_fails() {
    String text = "version: 1\nidentities: {}\n";
    PolicyException e = yamlFails(text);
    assertAt(e, 2, 1);
    assertThat(e.getMessage()).contains("identities is empty: a policy must define at least one identity");
  }

  @Test
  void parseYaml_identitiesMissing_fails() {
    PolicyException e = yamlFails("version: 1\n");
    assertAt(e, 1, 1);
    assertThat(e.getMessage()).contains("the policy has no identities; add an 'identities' section");
  }

  @Test
  void parseYaml_versionMissingOrWrong_fails() {
    PolicyException missing = yamlFails(minimal("maxTtl: 1m").replace("version: 1\n", ""));
    assertAt(missing, 1, 1);
    assertThat(missing.getMessage()).contains("the policy has no version; add 'version: 1' at the top");

    String text = minimal("maxTtl: 1m").replace("version: 1", "version: 2");
    PolicyException two = yamlFails(text);
    assertAt(two, 1, 10);
    assertThat(two.getMessage()).contains("unsupported policy version 2; this library reads version 1");

    assertThat(yamlFails(text.replace("version: 2", "version: \"1\"")).getMessage())
        .contains("version must be a whole number, found a string");
  }

  @Test
  void parseYaml_badRevealDetector_fails() {
    String text = minimal("maxTtl: 1m\n    reveal: [Card]");
    PolicyException e = yamlFails(text);
    assertAt(e, 8, col(text, 8, "Card"));
    assertThat(e.getMessage()).contains("reveal of identity 'finance-bot': 'Card' is not a detector id of lower-case"
        + " letters, digits and '-' such as card, or gitleaks:<rule-id>");
  }

  @Test
  void parseYaml_maxRowsBelowOne_fails() {
    String text = minimal("maxTtl: 1m\n    maxRows: 0");
    PolicyException e = yamlFails(text);
    assertAt(e, 8, col(text, 8, "0"));
    assertThat(e.getMessage()).contains("maxRows of identity 'finance-bot' must be at least 1, was 0");
  }

  @Test
  void parseYaml_maxRowsTooLarge_fails() {
    PolicyException e = yamlFails(minimal("maxTtl: 1m\n    maxRows: 99999999999"));
    assertThat(e.getMessage()).contains("maxRows of identity 'finance-bot' is out of range: 99999999999");
  }

  @Test
  void parseYaml_rowLimitActionUnknownOrAlone_fails() {
    String text = minimal("maxTtl: 1m\n    maxRows: 5\n    rowLimitAction: clip");
    PolicyException unknown = yamlFails(text);
    assertAt(unknown, 9, col(text, 9, "clip"));
    assertThat(unknown.getMessage()).contains("unknown rowLimitAction 'clip' for identity 'finance-bot';"
        + " expected deny or truncate");

    String alone = minimal("maxTtl: 1m\n    rowLimitAction: truncate");
    PolicyException e = yamlFails(alone);
    assertAt(e, 8, 5);
    assertThat(e.getMessage()).contains("rowLimitAction of identity 'finance-bot' has no effect without maxRows");
  }

  // ---- masking

  @Test
  void parseYaml_badMaskingAction_failsListingActions() {
    String text = minimal("maxTtl: 1m") + "masking:\n  detectors: {card: \"partial(1)\"}\n";
    PolicyException e = yamlFails(text);
    assertAt(e, 9, col(text, 9, "\"partial"));
    assertThat(e.getMessage()).contains("masking action for detector 'card': 'partial(1)' is not one of last4,"
        + " redact, pseudonym, drop, partial(<keep-start>,<keep-end>)");
  }

  @Test
  void parseYaml_badMaskingDetectorId_fails() {
    String text = minimal("maxTtl: 1m") + "masking:\n  detectors: {CARD: last4}\n";
    PolicyException e = yamlFails(text);
    assertAt(e, 9, col(text, 9, "CARD"));
    assertThat(e.getMessage()).contains("masking detector 'CARD' is not a detector id");
  }

  @Test
  void parseYaml_badMaskingColumn_fails() {
    String text = minimal("maxTtl: 1m") + "masking:\n  columns: {\"db:CUSTOMERS.CARD\": last4}\n";
    PolicyException e = yamlFails(text);
    assertAt(e, 9, col(text, 9, "\"db"));
    assertThat(e.getMessage()).contains("masking column: 'db:CUSTOMERS.CARD' is not a column scope"
        + " db:<schema>.<table>.<column>");
  }

  // ---- a failure leaves nothing behind

  @Test
  void parseYaml_badFileAfterGoodOne_goodPolicyUnchanged() throws IOException {
    Policy good = PolicyLoader.parseYaml(PolicyLoaderTest.resource("sample-policy.yaml"), "good.yaml");
    String before = PolicyText.describe(good);

    yamlFails(minimal("alow: [\"payroll:read\"]"));

    assertThat(PolicyText.describe(good)).isEqualTo(before);
    assertThat(good.find("finance-bot").allowedBy(io.nhipam.scope.Scope.of("payroll:read"))).isNull();
  }
}
