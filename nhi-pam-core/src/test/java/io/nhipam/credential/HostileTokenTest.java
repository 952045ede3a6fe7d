package io.nhipam.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nhipam.error.ReasonCode;
import io.nhipam.internal.paseto.Footer;
import io.nhipam.internal.paseto.PasetoV4Public;
import io.nhipam.scope.Scopes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed or forged token is refused with its reason and leaves no trace of itself in the message. */
class HostileTokenTest {
  private static final Fixtures.MutableClock CLOCK = new Fixtures.MutableClock(Fixtures.T0);
  private static final KeyRing RING = KeyRing.generate();
  private static final CredentialAuthority AUTHORITY = Fixtures.authority(CLOCK, RING, Fixtures.memoryAudit());

  private static String claims(String iat, String exp, String extra) {
    return "{\"iss\":\"nhi-pam\",\"sub\":\"finance-bot\",\"aud\":\"nhi-pam\",\"iat\":\"" + iat + "\",\"nbf\":\""
        + iat + "\",\"exp\":\"" + exp + "\",\"jti\":\"cr_AAAAAAAAAAAAAAAAAAAAAA\",\"scope\":\"invoices:read\","
        + "\"kind\":\"AI_AGENT\",\"epc\":0" + extra + "}";
  }

  /** Signs arbitrary claims with the ring's real key, as an insider or a bug might. */
  private static String forge(String json) {
    return PasetoV4Public.sign(RING.signingKey(), json.getBytes(StandardCharsets.UTF_8),
        Footer.forPid(RING.activeKeyId()), new byte[0]);
  }

  private static String valid() {
    return AUTHORITY.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5)).token();
  }

  static Stream<Arguments> hostile() {
    String good = valid();
    String body = good.substring("v4.public.".length(), good.lastIndexOf('.'));
    String footer = good.substring(good.lastIndexOf('.') + 1);
    return Stream.of(
        Arguments.of("none header", "none.public." + body + "." + footer, ReasonCode.WRONG_VERSION_OR_PURPOSE),
        Arguments.of("v3 header", "v3.public." + body + "." + footer, ReasonCode.WRONG_VERSION_OR_PURPOSE),
        Arguments.of("v4.local header", "v4.local." + body + "." + footer, ReasonCode.WRONG_VERSION_OR_PURPOSE),
        Arguments.of("upper-case header", "V4.PUBLIC." + body + "." + footer, ReasonCode.WRONG_VERSION_OR_PURPOSE),
        Arguments.of("padding", good + "=", ReasonCode.MALFORMED),
        Arguments.of("whitespace", "v4.public." + body.substring(0, 10) + " " + body.substring(10) + "." + footer,
            ReasonCode.MALFORMED),
        Arguments.of("five parts", good + ".eA", ReasonCode.MALFORMED),
        Arguments.of("no footer", "v4.public." + body, ReasonCode.MALFORMED),
        Arguments.of("jku footer", "v4.public." + body + "." + enc("{\"jku\":\"https://evil.example/keys\"}"),
            ReasonCode.MALFORMED),
        Arguments.of("embedded key footer", "v4.public." + body + "." + enc("{\"kid\":\"k4.pid.x\",\"wpk\":\"k4.public.AAAA\"}"),
            ReasonCode.MALFORMED),
        Arguments.of("truncated signature", "v4.public." + body.substring(0, body.length() - 8) + "." + footer,
            ReasonCode.BAD_SIGNATURE),
        Arguments.of("oversize", "v4.public." + "A".repeat(10_000_000), ReasonCode.MALFORMED),
        Arguments.of("exp before iat", forge(claims("2026-12-04T10:00:00Z", "2026-12-04T09:00:00Z", "")),
            ReasonCode.MALFORMED),
        Arguments.of("duplicate keys", forge(claims("2026-12-04T10:00:00Z", "2026-12-04T10:05:00Z",
            ",\"sub\":\"ci-pipeline\"")), ReasonCode.MALFORMED),
        Arguments.of("too deep", forge(claims("2026-12-04T10:00:00Z", "2026-12-04T10:05:00Z",
            ",\"act\":" + "{\"act\":".repeat(12) + "{}" + "}".repeat(12))), ReasonCode.MALFORMED),
        Arguments.of("unknown claim", forge(claims("2026-12-04T10:00:00Z", "2026-12-04T10:05:00Z",
            ",\"admin\":true")), ReasonCode.MALFORMED),
        Arguments.of("invalid scope", forge(claims("2026-12-04T10:00:00Z", "2026-12-04T10:05:00Z", "")
            .replace("invoices:read", "pаyroll:read")), ReasonCode.MALFORMED),
        Arguments.of("lifetime over a day", forge(claims("2026-12-04T10:00:00Z", "2026-12-09T10:00:00Z", "")),
            ReasonCode.MALFORMED),
        Arguments.of("numeric exp", forge(claims("2026-12-04T10:00:00Z", "x", "")
            .replace("\"exp\":\"x\"", "\"exp\":1796000000")), ReasonCode.MALFORMED),
        Arguments.of("non-alphabet footer", "v4.public." + body + "." + footer + "+/",
            ReasonCode.MALFORMED));
  }

  private static String enc(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void verify_hostileToken_refusedWithReasonAndNoEcho(String name, String token, ReasonCode expected) {
    assertThatThrownBy(() -> AUTHORITY.verify(token))
        .isInstanceOfSatisfying(CredentialException.class, e -> {
          assertThat(e.reason()).as(name).isEqualTo(expected);
          assertThat(e.getMessage()).doesNotContain(token.length() > 40 ? token.substring(10, 40) : token);
        });
  }

  @Test
  void verify_swappedSubject_badSignature() {
    String good = valid();
    String body = good.substring("v4.public.".length(), good.lastIndexOf('.'));
    byte[] raw = Base64.getUrlDecoder().decode(body);
    String json = new String(raw, 0, raw.length - 64, StandardCharsets.UTF_8);
    String swapped = json.replace("\"sub\":\"finance-bot\"", "\"sub\":\"ci-pipeline\"");
    byte[] forgedMsg = swapped.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[forgedMsg.length + 64];
    System.arraycopy(forgedMsg, 0, out, 0, forgedMsg.length);
    System.arraycopy(raw, raw.length - 64, out, forgedMsg.length, 64);
    String forged = "v4.public." + Base64.getUrlEncoder().withoutPadding().encodeToString(out)
        + good.substring(good.lastIndexOf('.'));

    assertThatThrownBy(() -> AUTHORITY.verify(forged))
        .isInstanceOfSatisfying(CredentialSignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.BAD_SIGNATURE));
  }

  @Test
  void verify_replayAfterRevoke_revoked() {
    Credential c = AUTHORITY.verify(valid());
    AUTHORITY.revoke(c);

    assertThatThrownBy(() -> AUTHORITY.verify(c.token()))
        .isInstanceOfSatisfying(CredentialRevokedException.class,
            e -> assertThat(e.reason()).isEqualTo(ReasonCode.REVOKED));
  }

  @Test
  void verify_wrongKeyType_refusedAtImport() {
    assertThatThrownBy(() -> RING.importPublic("k4.local.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
        .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.MALFORMED))
        .hasMessageNotContaining("AAAAAAAAAAAAAAAAAAAA");
  }
}
