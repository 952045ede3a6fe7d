package io.nhipam.mask;

import io.nhipam.secret.SecretFormat;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Keys and tokens that announce themselves with a fixed prefix: AWS access key ids, GitHub,
 * Slack, Stripe, Google, OpenAI and Anthropic keys, JWTs, PASETO tokens and PASERK secret keys,
 * and nhi-pam's own ephemeral secrets. Each method takes the start of a candidate (already at a
 * word boundary, first character checked by the scanner) and returns the end offset or -1.
 * Validators: the GitHub CRC-32, {@link SecretFormat#isWellFormed}, a JWT header that decodes to
 * JSON naming an algorithm.
 */
final class TokenDetector {
  /** Longest token matched (JWTs and PASETO tokens can carry large claims). */
  static final int MAX_LENGTH = 8 * 1024;

  private TokenDetector() {}

  /** AWS access key id: AKIA, ASIA, ABIA, ACCA or A3T + one, then 16 of [A-Z2-7]. */
  static int awsAccessKey(CharSequence s, int i) {
    int bodyStart;
    if (Chars.startsWith(s, i, "AKIA") || Chars.startsWith(s, i, "ASIA")
        || Chars.startsWith(s, i, "ABIA") || Chars.startsWith(s, i, "ACCA")) {
      bodyStart = i + 4;
    } else if (Chars.startsWith(s, i, "A3T") && i + 3 < s.length()
        && (Chars.isAsciiUpper(s.charAt(i + 3)) || Chars.isAsciiDigit(s.charAt(i + 3)))) {
      bodyStart = i + 4;
    } else {
      return -1;
    }
    int len = Chars.runLength(s, bodyStart, 17, c -> Chars.isAsciiUpper(c) || (c >= '2' && c <= '7'));
    int end = bodyStart + 16;
    return len == 16 && Chars.endsWord(s, end) ? end : -1;
  }

  /** Google API key: AIza + 35 of [A-Za-z0-9_-]. */
  static int googleApiKey(CharSequence s, int i) {
    if (!Chars.startsWith(s, i, "AIza")) {
      return -1;
    }
    int len = Chars.runLength(s, i + 4, 36, Chars::isBase64Url);
    return len == 35 ? i + 39 : -1;
  }

  /**
   * GitHub: {@code gh[pousr]_} + 30 base62 + 6 base62 of CRC-32 over those 30 (checked), or
   * {@code github_pat_} + 82 of [A-Za-z0-9_] (fine-grained tokens carry no public checksum).
   */
  static int githubToken(CharSequence s, int i) {
    if (Chars.startsWith(s, i, "github_pat_")) {
      int len = Chars.runLength(s, i + 11, 83, c -> Chars.isAsciiAlnum(c) || c == '_');
      return len == 82 ? i + 93 : -1;
    }
    if (i + 40 > s.length() || s.charAt(i + 1) != 'h' || s.charAt(i + 3) != '_') {
      return -1;
    }
    char kind = s.charAt(i + 2);
    if (kind != 'p' && kind != 'o' && kind != 'u' && kind != 's' && kind != 'r') {
      return -1;
    }
    int len = Chars.runLength(s, i + 4, 37, Chars::isBase62);
    if (len != 36) {
      return -1;
    }
    CRC32 crc = new CRC32();
    for (int k = i + 4; k < i + 34; k++) {
      crc.update(s.charAt(k));
    }
    long decoded = 0;
    for (int k = i + 34; k < i + 40; k++) {
      decoded = decoded * 62 + base62Value(s.charAt(k));
    }
    return decoded == crc.getValue() ? i + 40 : -1;
  }

  private static int base62Value(char c) {
    if (Chars.isAsciiDigit(c)) {
      return c - '0';
    }
    if (Chars.isAsciiUpper(c)) {
      return c - 'A' + 10;
    }
    return c - 'a' + 36;
  }

  /** Slack: xox[abposre]- or xapp- followed by at least 10 of [A-Za-z0-9-]. */
  static int slackToken(CharSequence s, int i) {
    int body;
    if (Chars.startsWith(s, i, "xapp-")) {
      body = i + 5;
    } else if (Chars.startsWith(s, i, "xox") && i + 4 < s.length() && s.charAt(i + 4) == '-'
        && "abposre".indexOf(s.charAt(i + 3)) >= 0) {
      body = i + 5;
    } else {
      return -1;
    }
    int len = Chars.runLength(s, body, 256, c -> Chars.isAsciiAlnum(c) || c == '-');
    return len >= 10 ? body + len : -1;
  }

  /** Stripe: sk_ or rk_, then live_ or test_, then at least 10 base62. */
  static int stripeKey(CharSequence s, int i) {
    if (!(Chars.startsWith(s, i, "sk_") || Chars.startsWith(s, i, "rk_"))) {
      return -1;
    }
    int body;
    if (Chars.startsWith(s, i + 3, "live_") || Chars.startsWith(s, i + 3, "test_")) {
      body = i + 8;
    } else {
      return -1;
    }
    int len = Chars.runLength(s, body, 256, Chars::isBase62);
    return len >= 10 && Chars.endsWord(s, body + len) ? body + len : -1;
  }

  /** Anthropic: sk-ant- then at least 32 of [A-Za-z0-9_-]. */
  static int anthropicKey(CharSequence s, int i) {
    if (!Chars.startsWith(s, i, "sk-ant-")) {
      return -1;
    }
    int len = Chars.runLength(s, i + 7, 512, Chars::isBase64Url);
    return len >= 32 ? i + 7 + len : -1;
  }

  /**
   * OpenAI: sk-proj-, sk-svcacct-, sk-admin- then at least 20 of [A-Za-z0-9_-]; or the classic
   * sk- + 48 base62 (with or without the T3BlbkFJ marker in the middle).
   */
  static int openAiKey(CharSequence s, int i) {
    if (!Chars.startsWith(s, i, "sk-") || Chars.startsWith(s, i, "sk-ant-")) {
      return -1;
    }
    for (String p : new String[] {"sk-proj-", "sk-svcacct-", "sk-admin-"}) {
      if (Chars.startsWith(s, i, p)) {
        int len = Chars.runLength(s, i + p.length(), 512, Chars::isBase64Url);
        return len >= 20 ? i + p.length() + len : -1;
      }
    }
    int len = Chars.runLength(s, i + 3, 49, Chars::isBase62);
    return len == 48 && Chars.endsWord(s, i + 51) ? i + 51 : -1;
  }

  /** nhi-pam ephemeral secret: the exact format and checksum of {@link SecretFormat}. */
  static int nhipamSecret(CharSequence s, int i) {
    int end = i + SecretFormat.LENGTH;
    if (end > s.length() || !Chars.startsWith(s, i, SecretFormat.PREFIX)) {
      return -1;
    }
    if (!Chars.endsWord(s, end) || !SecretFormat.isWellFormed(s.subSequence(i, end))) {
      return -1;
    }
    return end;
  }

  /**
   * JWT in compact form: a base64url header starting {@code eyJ} that decodes to a JSON object
   * naming {@code alg}, then two (JWS) or four (JWE) more dot-separated base64url segments.
   */
  static int jwt(CharSequence s, int i) {
    if (!Chars.startsWith(s, i, "eyJ")) {
      return -1;
    }
    int n = s.length();
    int limit = Math.min(n, i + MAX_LENGTH);
    int headerLen = Chars.runLength(s, i, limit - i, Chars::isBase64Url);
    if (headerLen < 10 || !headerNamesAlg(s, i, i + headerLen)) {
      return -1;
    }
    int k = i + headerLen;
    int dots = 0;
    int end = -1;
    while (k < limit && s.charAt(k) == '.' && dots < 4) {
      dots++;
      int len = Chars.runLength(s, k + 1, limit - k - 1, Chars::isBase64Url);
      k += 1 + len;
      if (dots >= 2) {
        end = k;
      }
    }
    if (end < 0 || (dots != 2 && dots != 4)) {
      return -1;
    }
    return end;
  }

  private static boolean headerNamesAlg(CharSequence s, int start, int end) {
    int len = Math.min(end - start, 1024) & ~3;
    byte[] decoded;
    try {
      decoded = Base64.getUrlDecoder().decode(s.subSequence(start, start + len).toString());
    } catch (IllegalArgumentException e) {
      return false;
    }
    String header = new String(decoded, StandardCharsets.ISO_8859_1);
    return header.startsWith("{\"") && (header.contains("\"alg\"") || header.contains("\"enc\""));
  }

  /**
   * PASETO token {@code v1..v4.local|public.<payload>[.<footer>]}, or a PASERK secret key
   * {@code k1..k4.local|secret|local-wrap|secret-wrap|local-pw|secret-pw|seal.<data>}.
   */
  static int paseto(CharSequence s, int i) {
    int n = s.length();
    if (i + 4 > n) {
      return -1;
    }
    char v = s.charAt(i);
    char d = s.charAt(i + 1);
    if ((v != 'v' && v != 'k') || d < '1' || d > '4' || s.charAt(i + 2) != '.') {
      return -1;
    }
    String[] purposes =
        v == 'v'
            ? new String[] {"local.", "public."}
            : new String[] {"local-wrap.", "secret-wrap.", "local-pw.", "secret-pw.", "local.",
                "secret.", "seal."};
    int body = -1;
    for (String p : purposes) {
      if (Chars.startsWith(s, i + 3, p)) {
        body = i + 3 + p.length();
        break;
      }
    }
    if (body < 0) {
      return -1;
    }
    int limit = Math.min(n, i + MAX_LENGTH);
    int len = Chars.runLength(s, body, limit - body, c -> Chars.isBase64Url(c) || (v == 'k' && c == '.'));
    if (len < 20) {
      return -1;
    }
    int end = body + len;
    if (v == 'v' && end + 1 < limit && s.charAt(end) == '.' && Chars.isBase64Url(s.charAt(end + 1))) {
      end += 1 + Chars.runLength(s, end + 1, limit - end - 1, Chars::isBase64Url);
    }
    return end;
  }
}
