package io.nhipam.internal.paseto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nhipam.internal.paseto.PasetoException.Kind;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertBadClaims(String json) {
    return assertThatThrownBy(() -> StrictJson.parseClaims(utf8(json)))
        .isInstanceOfSatisfying(
            PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_CLAIMS_JSON));
  }

  /** An object nested {@code depth} levels deep, the root counting as one. */
  private static String nested(int depth) {
    return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
  }

  @Test
  void parseClaims_plainObject_returnsTheTree() {
    ObjectNode claims = StrictJson.parseClaims(utf8(
        "{\"sub\":\"finance-bot\",\"scope\":[\"invoices:read\"],\"exp\":1893456000}"));
    assertThat(claims.get("sub").asText()).isEqualTo("finance-bot");
    assertThat(claims.get("scope").get(0).asText()).isEqualTo("invoices:read");
    assertThat(claims.get("exp").asLong()).isEqualTo(1893456000L);
  }

  @Test
  void parseClaims_duplicateMember_isRefusedWithoutNamingIt() {
    assertBadClaims("{\"scope\":\"invoices:read\",\"scope\":\"payroll:read\"}")
        .hasMessageContaining("appears twice")
        .hasMessageNotContaining("scope")
        .hasMessageNotContaining("payroll");
  }

  @Test
  void parseClaims_duplicateMemberInNestedObject_isRefused() {
    assertBadClaims("{\"act\":{\"sub\":\"a\",\"sub\":\"b\"}}").hasMessageContaining("appears twice");
  }

  @Test
  void parseClaims_nestingAtTheCap_isAccepted() {
    assertThat(StrictJson.parseClaims(utf8(nested(StrictJson.MAX_DEPTH)))).isNotNull();
    assertThat(StrictJson.parseClaims(utf8("{\"a\":" + "[".repeat(7) + "]".repeat(7) + "}")))
        .isNotNull();
  }

  @Test
  void parseClaims_nestingDeeperThanTheCap_isRefused() {
    assertBadClaims(nested(StrictJson.MAX_DEPTH + 1)).hasMessageContaining("deeper than 8");
    assertBadClaims("{\"a\":" + "[".repeat(8) + "]".repeat(8) + "}").hasMessageContaining("deeper than 8");
    assertBadClaims(nested(10_000)).hasMessageContaining("deeper than 8");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{} {}", "{}x", "{}]", "{\"a\":1}\n{\"a\":2}"})
  void parseClaims_contentAfterTheObject_isRefused(String json) {
    assertBadClaims(json);
  }

  @Test
  void parseClaims_secondObjectAfterTheFirst_saysSo() {
    assertBadClaims("{\"a\":1} {\"a\":2}").hasMessageContaining("content after the JSON object");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"claims\"", "42", "null", "true", "", "   "})
  void parseClaims_rootNotAnObject_isRefused(String json) {
    assertBadClaims(json).hasMessageContaining("must be a JSON object");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{'sub':'x'}", "{sub:\"x\"}", "{\"a\":1 /* c */}", "{\"a\":NaN}", "{\"a\":01}",
      "{\"a\":1,}", "{\"a\":tru}", "{\"a\":\"x\u0001\"}"})
  void parseClaims_lenientJson_isRefused(String json) {
    assertBadClaims(json).hasMessageContaining("not strict JSON");
  }

  @Test
  void parseClaims_badToken_messageGivesPositionNotText() {
    assertBadClaims("{\"secretish\":tru}")
        .hasMessageContaining("line 1, column")
        .hasMessageNotContaining("secretish")
        .hasMessageNotContaining("tru");
  }

  @Test
  void parseClaims_overlongStringOrNumber_isRefused() {
    assertBadClaims("{\"a\":\"" + "x".repeat(StrictJson.MAX_STRING_CHARS + 1) + "\"}")
        .hasMessageContaining("longer than allowed");
    assertBadClaims("{\"a\":" + "9".repeat(StrictJson.MAX_NUMBER_CHARS + 1) + "}")
        .hasMessageContaining("longer than allowed");
    assertBadClaims("{\"" + "n".repeat(StrictJson.MAX_NAME_CHARS + 1) + "\":1}")
        .hasMessageContaining("longer than allowed");
  }

  @Test
  void parseClaims_documentOverTheCap_isRefusedBeforeParsing() {
    byte[] big = new byte[StrictJson.MAX_CLAIMS_BYTES + 1];
    java.util.Arrays.fill(big, (byte) '[');
    assertThatThrownBy(() -> StrictJson.parseClaims(big))
        .isInstanceOfSatisfying(
            PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_CLAIMS_JSON))
        .hasMessageContaining("above the limit of " + StrictJson.MAX_CLAIMS_BYTES);
  }

  @Test
  void parseClaims_eachCallReturnsAnIndependentTree() {
    byte[] json = utf8("{\"a\":1}");
    ObjectNode first = StrictJson.parseClaims(json);
    first.put("a", 2);
    assertThat(StrictJson.parseClaims(json).get("a").asInt()).isEqualTo(1);
  }
}
