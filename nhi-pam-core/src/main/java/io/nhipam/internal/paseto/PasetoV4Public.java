package io.nhipam.internal.paseto;

import io.nhipam.internal.paseto.PasetoException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * PASETO version 4, purpose {@code public}: Ed25519 signatures over the pre-authentication
 * encoding of header, message, footer and implicit assertion.
 *
 * <p>A token reads {@code v4.public.<base64url(message || signature)>[.<base64url(footer)>]}.
 * Parsing is strict and in this order: the length cap (before anything is decoded), the exact
 * header {@code v4.public.} (every other version and purpose, {@code none} and upper case are
 * refused), three or four dot-separated parts, canonical base64url, at least the 64 bytes of a
 * signature, then the signature. Nothing in the token selects the algorithm or the key.
 */
public final class PasetoV4Public {
  /** Default cap on a token's length in characters; longer tokens are refused undecoded. */
  public static final int MAX_TOKEN_CHARS = 8192;

  static final String HEADER = "v4.public.";
  private static final byte[] HEADER_BYTES = HEADER.getBytes(StandardCharsets.US_ASCII);
  private static final int SIG = Ed25519Keys.SIGNATURE_BYTES;

  private PasetoV4Public() {}

  /** Signs a token, refusing one longer than {@link #MAX_TOKEN_CHARS}. */
  public static String sign(
      Ed25519PrivateKeyParameters privateKey,
      byte[] message,
      byte[] footer,
      byte[] implicitAssertion) {
    return sign(privateKey, message, footer, implicitAssertion, MAX_TOKEN_CHARS);
  }

  /**
   * Signs a token.
   *
   * @param footer the footer bytes, empty for no footer
   * @param implicitAssertion bytes bound into the signature but not carried in the token, empty
   *     for none; the verifier must pass the same bytes
   * @param maxTokenChars the token the verifier will accept must not be longer than this
   * @throws PasetoException of kind {@link Kind#TOO_LARGE} if the token would exceed the cap
   */
  public static String sign(
      Ed25519PrivateKeyParameters privateKey,
      byte[] message,
      byte[] footer,
      byte[] implicitAssertion,
      int maxTokenChars) {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(footer, "footer");
    Objects.requireNonNull(implicitAssertion, "implicitAssertion");
    requirePositive(maxTokenChars);
    long length = HEADER.length() + Base64Url.encodedLength((long) message.length + SIG)
        + (footer.length == 0 ? 0 : 1 + Base64Url.encodedLength(footer.length));
    if (length > maxTokenChars) {
      throw new PasetoException(
          Kind.TOO_LARGE,
          "the token would be " + length + " characters long, above the limit of "
              + maxTokenChars + " that verifiers accept; carry fewer claims or raise the limit"
              + " on both sides");
    }
    byte[] signature =
        Ed25519Keys.sign(privateKey, Pae.encode(HEADER_BYTES, message, footer, implicitAssertion));
    byte[] body = Arrays.copyOf(message, message.length + SIG);
    System.arraycopy(signature, 0, body, message.length, SIG);
    StringBuilder token = new StringBuilder((int) length).append(HEADER).append(Base64Url.encode(body));
    if (footer.length > 0) {
      token.append('.').append(Base64Url.encode(footer));
    }
    return token.toString();
  }

  /** Verifies a token of at most {@link #MAX_TOKEN_CHARS} characters. */
  public static Verified verify(
      String token, Ed25519PublicKeyParameters publicKey, byte[] implicitAssertion) {
    return verify(token, publicKey, implicitAssertion, MAX_TOKEN_CHARS);
  }

  /**
   * Verifies a token and returns its message and footer.
   *
   * @param implicitAssertion the same bytes the signer passed, empty for none
   * @param maxTokenChars longer tokens are refused before any decoding
   * @throws PasetoException of kind {@link Kind#TOO_LARGE}, {@link
   *     Kind#WRONG_VERSION_OR_PURPOSE}, {@link Kind#MALFORMED} or {@link Kind#BAD_SIGNATURE}
   */
  public static Verified verify(
      String token,
      Ed25519PublicKeyParameters publicKey,
      byte[] implicitAssertion,
      int maxTokenChars) {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(implicitAssertion, "implicitAssertion");
    Parts parts = Parts.of(token, maxTokenChars);
    byte[] body = Base64Url.decode(token, HEADER.length(), parts.payloadEnd, "token payload");
    if (body.length < SIG) {
      throw new PasetoException(
          Kind.MALFORMED,
          "the token payload decodes to " + body.length + " bytes, fewer than the " + SIG
              + " bytes of an Ed25519 signature; the token was truncated");
    }
    byte[] footer = parts.footer(token);
    byte[] message = Arrays.copyOf(body, body.length - SIG);
    byte[] signature = Arrays.copyOfRange(body, body.length - SIG, body.length);
    byte[] signed = Pae.encode(HEADER_BYTES, message, footer, implicitAssertion);
    if (!Ed25519Keys.verify(publicKey, signed, signature)) {
      throw new PasetoException(
          Kind.BAD_SIGNATURE,
          "the token's signature does not verify with the selected public key: the token was"
              + " altered, signed by another key, or signed with another implicit assertion");
    }
    return new Verified(message, footer);
  }

  /** The footer of a token of at most {@link #MAX_TOKEN_CHARS} characters, unverified. */
  public static byte[] peekFooter(String token) {
    return peekFooter(token, MAX_TOKEN_CHARS);
  }

  /**
   * The footer bytes of a token, empty if it has none, <b>not verified</b>: use them only to
   * select the key to verify with, then trust the footer that {@link #verify} returns.
   *
   * @throws PasetoException as {@link #verify} does for the token's shape
   */
  public static byte[] peekFooter(String token, int maxTokenChars) {
    return Parts.of(token, maxTokenChars).footer(token);
  }

  private static void requirePositive(int maxTokenChars) {
    if (maxTokenChars <= HEADER.length()) {
      throw new IllegalArgumentException(
          "maxTokenChars must exceed the header length " + HEADER.length() + ", got "
              + maxTokenChars);
    }
  }

  /** Where the payload and footer sit in a token whose shape has been checked. */
  private static final class Parts {
    final int payloadEnd;
    final int footerStart;

    private Parts(int payloadEnd, int footerStart) {
      this.payloadEnd = payloadEnd;
      this.footerStart = footerStart;
    }

    static Parts of(String token, int maxTokenChars) {
      Objects.requireNonNull(token, "token");
      requirePositive(maxTokenChars);
      if (token.length() > maxTokenChars) {
        throw new PasetoException(
            Kind.TOO_LARGE,
            "the token is " + token.length() + " characters long, above the limit of "
                + maxTokenChars + "; it was refused without being decoded");
      }
      if (!token.startsWith(HEADER)) {
        throw new PasetoException(
            Kind.WRONG_VERSION_OR_PURPOSE,
            "the token " + describeHeader(token) + ", but only 'v4.public.' is accepted; tokens"
                + " of other versions, the local purpose and unsigned tokens are refused");
      }
      int dot = token.indexOf('.', HEADER.length());
      if (dot < 0) {
        requireNonEmptyPayload(token.length());
        return new Parts(token.length(), -1);
      }
      requireNonEmptyPayload(dot);
      if (token.indexOf('.', dot + 1) >= 0) {
        throw new PasetoException(
            Kind.MALFORMED,
            "the token has more than 4 dot-separated parts; a v4.public token is"
                + " 'v4.public.<payload>' optionally followed by '.<footer>'");
      }
      if (dot == token.length() - 1) {
        throw new PasetoException(
            Kind.MALFORMED,
            "the token ends with a dot but no footer; a token without footer has no trailing"
                + " dot");
      }
      return new Parts(dot, dot + 1);
    }

    private static void requireNonEmptyPayload(int payloadEnd) {
      if (payloadEnd == HEADER.length()) {
        throw new PasetoException(Kind.MALFORMED, "the token has an empty payload");
      }
    }

    byte[] footer(String token) {
      return footerStart < 0
          ? new byte[0]
          : Base64Url.decode(token, footerStart, token.length(), "token footer");
    }

    /** Names the header without echoing token text other than a known version and purpose. */
    private static String describeHeader(String token) {
      for (String version : new String[] {"v1", "v2", "v3", "v4"}) {
        for (String purpose : new String[] {"local", "public"}) {
          if (token.startsWith(version + "." + purpose + ".")) {
            return "is a " + version + "." + purpose + " token";
          }
        }
      }
      return "does not start with a known PASETO header";
    }
  }

  /** The message and footer of a token whose signature verified. */
  public static final class Verified {
    private final byte[] message;
    private final byte[] footer;

    Verified(byte[] message, byte[] footer) {
      this.message = message;
      this.footer = footer;
    }

    /** The signed message (a copy). */
    public byte[] message() {
      return message.clone();
    }

    /** The signed footer, empty if the token has none (a copy). */
    public byte[] footer() {
      return footer.clone();
    }

    @Override
    public String toString() {
      return "Verified[message=<redacted " + message.length + " bytes>, footer=<redacted "
          + footer.length + " bytes>]";
    }
  }
}
