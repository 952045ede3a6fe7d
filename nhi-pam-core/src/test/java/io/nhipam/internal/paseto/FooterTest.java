package io.nhipam.internal.paseto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nhipam.internal.paseto.PasetoException.Kind;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FooterTest {
  private static final String PID = "k4.pid.9ShR3xc8-qVJ_di0tc9nx0IDIqbatdeM2mqLFBJsKRHs";

  private static AbstractThrowableAssert<?, ? extends Throwable> assertBadFooter(String json) {
    return assertThatThrownBy(() -> Footer.parseKid(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_FOOTER));
  }

  @Test
  void forPid_writesTheCanonicalKidObject() {
    assertThat(new String(Footer.forPid(PID), StandardCharsets.US_ASCII))
        .isEqualTo("{\"kid\":\"" + PID + "\"}");
    assertThat(Footer.forPid(PID)).hasSize(Footer.CANONICAL_BYTES);
  }

  @Test
  void parseKid_canonicalFooter_returnsThePid() {
    assertThat(Footer.parseKid(Footer.forPid(PID))).isEqualTo(PID);
  }

  @Test
  void forPid_notAPid_isBadKey() {
    assertThatThrownBy(() -> Footer.forPid("https://keys.example/k1"))
        .isInstanceOfSatisfying(PasetoException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_KEY));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"kid\":\"" + PID + "\",\"jku\":\"https://attacker.example/keys.json\"}",
      "{\"jku\":\"https://attacker.example/keys.json\",\"kid\":\"" + PID + "\"}",
      "{\"kid\":\"" + PID + "\",\"x5u\":\"https://attacker.example/cert.pem\"}",
      "{\"kid\":\"" + PID + "\",\"jwk\":{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}}",
      "{\"kid\":\"" + PID + "\",\"wpk\":\"k4.local-wrap.pie.AAAA\"}",
      "{\"kid\":\"" + PID + "\",\"key\":\"k4.public.11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}",
      "{\"jku\":\"https://attacker.example/keys.json\"}",
      "{\"kid\":\"" + PID + "\",\"alg\":\"none\"}",
      "{}"})
  void parseKid_anyMemberBesideKid_isBadFooter(String json) {
    assertBadFooter(json)
        .hasMessageContaining("exactly one, 'kid'")
        .hasMessageNotContaining("attacker.example")
        .hasMessageNotContaining("11qYAYKx");
  }

  @Test
  void parseKid_duplicateKid_isBadFooter() {
    assertBadFooter("{\"kid\":\"" + PID + "\",\"kid\":\"" + PID + "\"}")
        .hasMessageContaining("appears twice");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"kid\":\"zVhMiPBP9fRf2snEcT7gFTioeA9COcNy9DfgL1W60haN\"}",
      "{\"kid\":\"k4.lid.9ShR3xc8-qVJ_di0tc9nx0IDIqbatdeM2mqLFBJsKRHs\"}",
      "{\"kid\":\"https://attacker.example/key\"}",
      "{\"kid\":\"k4.public.11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}"})
  void parseKid_kidNotAPid_isBadFooter(String json) {
    assertBadFooter(json).hasMessageContaining("not a k4.pid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"kid\":42}", "{\"kid\":null}", "{\"kid\":[\"" + PID + "\"]}", "{\"kid\":{}}"})
  void parseKid_kidNotAString_isBadFooter(String json) {
    assertBadFooter(json).hasMessageContaining("must be a string");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{ \"kid\":\"" + PID + "\"}",
      "{\"kid\" : \"" + PID + "\"}",
      "{\"kid\":\"" + PID + "\"}\n",
      "{\"ki\\u0064\":\"" + PID + "\"}",
      "{\"kid\":\"k4.pid.\\u0039ShR3xc8-qVJ_di0tc9nx0IDIqbatdeM2mqLFBJsKRHs\"}"})
  void parseKid_nonCanonicalSpelling_isBadFooter(String json) {
    assertBadFooter(json).hasMessageContaining("canonical form");
  }

  @ParameterizedTest
  @ValueSource(strings = {"arbitrary-string-that-isn't-json", "[\"" + PID + "\"]", "\"" + PID + "\"",
      "{\"kid\":\"" + PID + "\"", "{\"kid\":\"" + PID + "\"} {}"})
  void parseKid_notOneJsonObject_isBadFooter(String json) {
    assertBadFooter(json).hasMessageNotContaining(PID);
  }

  @Test
  void parseKid_empty_isBadFooter() {
    assertBadFooter("").hasMessageContaining("no footer");
  }

  @Test
  void parseKid_overTheSizeCap_isBadFooter() {
    String padded = "{\"kid\":\"" + PID + "\"" + " ".repeat(Footer.MAX_FOOTER_BYTES) + "}";
    assertBadFooter(padded).hasMessageContaining("above the limit of " + Footer.MAX_FOOTER_BYTES);
  }
}
