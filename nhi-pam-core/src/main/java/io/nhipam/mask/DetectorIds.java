package io.nhipam.mask;

import java.util.List;

/**
 * The stable ids of the built-in detectors. Policies and reveal grants name detectors by these
 * ids (the guard maps a scope {@code pii:<id>:reveal} to the id); rules loaded from a gitleaks
 * file are named {@code gitleaks:<rule-id>}; per-field JSON rules are named {@code field:<rule>}.
 */
public final class DetectorIds {
  /** Payment card numbers: 13-19 digits, Luhn and known IIN ranges. */
  public static final String CARD = "card";
  /** International bank account numbers: mod-97 and the per-country length. */
  public static final String IBAN = "iban";
  /** US social security numbers in the {@code 123-45-6789} form, invalid ranges excluded. */
  public static final String SSN = "ssn";
  /** E-mail addresses. */
  public static final String EMAIL = "email";
  /** Phone numbers: E.164 ({@code +44 20 7946 0958}) and North American national forms. */
  public static final String PHONE = "phone";
  /** IPv4 and IPv6 addresses. */
  public static final String IP = "ip";
  /** AWS access key ids ({@code AKIA...}, {@code ASIA...}). */
  public static final String AWS_ACCESS_KEY = "aws-access-key";
  /** AWS secret access keys next to their keyword. */
  public static final String AWS_SECRET_KEY = "aws-secret-key";
  /** GitHub tokens ({@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_}, {@code ghr_} with their CRC-32, and {@code github_pat_}). */
  public static final String GITHUB_TOKEN = "github-token";
  /** Slack tokens ({@code xoxb-}, {@code xoxp-}, ...). */
  public static final String SLACK_TOKEN = "slack-token";
  /** Stripe secret and restricted keys ({@code sk_live_}, {@code rk_test_}, ...). */
  public static final String STRIPE_KEY = "stripe-key";
  /** Google API keys ({@code AIza...}). */
  public static final String GOOGLE_API_KEY = "google-api-key";
  /** OpenAI API keys ({@code sk-proj-...}, {@code sk-...T3BlbkFJ...}). */
  public static final String OPENAI_KEY = "openai-key";
  /** Anthropic API keys ({@code sk-ant-...}). */
  public static final String ANTHROPIC_KEY = "anthropic-key";
  /** PEM private-key blocks. */
  public static final String PRIVATE_KEY = "private-key";
  /** JSON Web Tokens (JWS and JWE compact forms). */
  public static final String JWT = "jwt";
  /** PASETO tokens of any version and purpose. */
  public static final String PASETO = "paseto";
  /** nhi-pam ephemeral secrets (prefix and checksum, see {@code io.nhipam.secret.SecretFormat}). */
  public static final String NHIPAM_SECRET = "nhipam-secret";
  /** A high-entropy value assigned to a keyword such as {@code password}, {@code secret}, {@code token}. */
  public static final String GENERIC_SECRET = "generic-secret";

  /** Prefix of the ids of detectors loaded from a gitleaks rule file. */
  public static final String GITLEAKS_PREFIX = "gitleaks:";
  /** Prefix of the ids of per-field JSON rules. */
  public static final String FIELD_PREFIX = "field:";

  /** Every built-in detector id, in the order the scanner tries them. */
  public static final List<String> BUILT_IN =
      List.of(
          CARD, IBAN, SSN, EMAIL, PHONE, IP, AWS_ACCESS_KEY, AWS_SECRET_KEY, GITHUB_TOKEN,
          SLACK_TOKEN, STRIPE_KEY, GOOGLE_API_KEY, OPENAI_KEY, ANTHROPIC_KEY, PRIVATE_KEY, JWT,
          PASETO, NHIPAM_SECRET, GENERIC_SECRET);

  private DetectorIds() {}

  /** Whether {@code id} names a built-in detector. */
  public static boolean isBuiltIn(String id) {
    return BUILT_IN.contains(id);
  }
}
