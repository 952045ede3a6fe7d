package io.nhipam.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nhipam.error.ReasonCode;
import io.nhipam.identity.Identity;
import io.nhipam.identity.IdentityKind;
import io.nhipam.internal.paseto.Footer;
import io.nhipam.internal.paseto.PasetoException;
import io.nhipam.internal.paseto.PasetoV4Public;
import io.nhipam.internal.paseto.StrictJson;
import io.nhipam.policy.IdentityPolicy;
import io.nhipam.scope.Scope;
import io.nhipam.scope.ScopeSyntaxException;
import io.nhipam.scope.Scopes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.jspecify.annotations.Nullable;

/**
 * Claims to PASETO v4.public token and back. Decoding is strict: every claim is required to have
 * exactly its type, unknown claims are refused, and the times must be consistent. Error messages
 * name the claim, never its value or the token.
 */
final class TokenCodec {
  /** Longest delegation chain a token may carry. */
  static final int MAX_DELEGATION_DEPTH = 5;

  private static final byte[] NO_IMPLICIT = new byte[0];
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> KNOWN =
      Set.of("iss", "sub", "aud", "iat", "nbf", "exp", "jti", "scope", "kind", "epc", "lid", "act");

  private TokenCodec() {}

  static String encode(Claims c, KeyRing ring) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("iss", c.issuer);
    root.put("sub", c.subject);
    root.put("aud", c.audience);
    root.put("iat", c.issuedAt.toString());
    root.put("nbf", c.notBefore.toString());
    root.put("exp", c.expiresAt.toString());
    root.put("jti", c.id);
    root.put("scope", String.join(" ", c.scopes.values()));
    root.put("kind", c.kind.name());
    root.put("epc", c.epoch);
    if (c.leaseId != null) {
      root.put("lid", c.leaseId);
    }
    ObjectNode holder = root;
    for (Credential.Actor a : c.chain) {
      ObjectNode act = holder.putObject("act");
      act.put("sub", a.subject());
      act.put("jti", a.credentialId());
      act.put("epc", a.identityEpoch());
      holder = act;
    }
    byte[] message;
    try {
      message = MAPPER.writeValueAsBytes(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("claims could not be serialised", e);
    }
    String kid = ring.activeKeyId();
    return PasetoV4Public.sign(ring.signingKey(), message, Footer.forPid(kid), NO_IMPLICIT);
  }

  /** Verifies the signature and decodes the claims; does not check time, issuer or audience. */
  static Decoded decode(String token, KeyRing ring) {
    String kid;
    ObjectNode json;
    try {
      kid = Footer.parseKid(PasetoV4Public.peekFooter(token));
      Ed25519PublicKeyParameters key = ring.verificationKey(kid);
      if (key == null) {
        throw new UnknownKeyException("token was signed by key " + kid + ", which is not in the key ring"
            + " (it holds " + ring.keyIds() + "); import that key's k4.public, or re-mint the credential");
      }
      json = StrictJson.parseClaims(PasetoV4Public.verify(token, key, NO_IMPLICIT).message());
    } catch (PasetoException e) {
      throw map(e);
    }
    return new Decoded(readClaims(json), kid);
  }

  private static CredentialException map(PasetoException e) {
    switch (e.kind()) {
      case BAD_SIGNATURE:
        return new CredentialSignatureException("token signature does not verify: it was altered, or signed"
            + " by a different key with the same id", e);
      case WRONG_VERSION_OR_PURPOSE:
        return new MalformedCredentialException(ReasonCode.WRONG_VERSION_OR_PURPOSE,
            "token refused: " + e.getMessage() + "; nhi-pam accepts only PASETO v4.public tokens", e);
      default:
        return new MalformedCredentialException(ReasonCode.MALFORMED, "token refused: " + e.getMessage(), e);
    }
  }

  private static Claims readClaims(ObjectNode json) {
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!KNOWN.contains(name)) {
        throw malformed("unknown claim '" + printable(name) + "'");
      }
    }
    Claims c = new Claims();
    c.issuer = text(json, "iss");
    c.subject = text(json, "sub");
    if (!Identity.isValidId(c.subject)) {
      throw malformed("claim 'sub' is not a valid identity id");
    }
    c.audience = text(json, "aud");
    c.issuedAt = time(json, "iat");
    c.notBefore = time(json, "nbf");
    c.expiresAt = time(json, "exp");
    if (!c.expiresAt.isAfter(c.issuedAt)) {
      throw malformed("claim 'exp' is not after 'iat'");
    }
    if (c.notBefore.isBefore(c.issuedAt) || !c.notBefore.isBefore(c.expiresAt)) {
      throw malformed("claim 'nbf' is not between 'iat' and 'exp'");
    }
    if (Duration.between(c.issuedAt, c.expiresAt).compareTo(IdentityPolicy.ABSOLUTE_MAX_TTL) > 0) {
      throw malformed("credential lifetime exceeds " + IdentityPolicy.ABSOLUTE_MAX_TTL);
    }
    c.id = text(json, "jti");
    if (!Ids.isCredentialId(c.id)) {
      throw malformed("claim 'jti' is not an nhi-pam credential id");
    }
    c.scopes = scopes(text(json, "scope"));
    try {
      c.kind = IdentityKind.valueOf(text(json, "kind"));
    } catch (IllegalArgumentException e) {
      throw malformed("claim 'kind' is not an identity kind");
    }
    c.epoch = epoch(json.get("epc"), "epc");
    JsonNode lid = json.get("lid");
    if (lid != null) {
      if (!lid.isTextual() || !Ids.isLeaseId(lid.textValue())) {
        throw malformed("claim 'lid' is not an nhi-pam lease id");
      }
      c.leaseId = lid.textValue();
    }
    c.chain = chain(json.get("act"));
    return c;
  }

  private static List<Credential.Actor> chain(@Nullable JsonNode act) {
    List<Credential.Actor> chain = new ArrayList<>();
    while (act != null) {
      if (!act.isObject() || chain.size() >= MAX_DELEGATION_DEPTH) {
        throw malformed("claim 'act' is not a delegation chain of at most " + MAX_DELEGATION_DEPTH + " links");
      }
      for (Iterator<String> it = act.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!name.equals("sub") && !name.equals("jti") && !name.equals("epc") && !name.equals("act")) {
          throw malformed("unknown member '" + printable(name) + "' in claim 'act'");
        }
      }
      String sub = text(act, "sub");
      String jti = text(act, "jti");
      if (!Identity.isValidId(sub) || !Ids.isCredentialId(jti)) {
        throw malformed("claim 'act' names an invalid identity or credential id");
      }
      chain.add(new Credential.Actor(jti, sub, epoch(act.get("epc"), "act.epc")));
      act = act.get("act");
    }
    return chain;
  }

  private static Scopes scopes(String value) {
    if (value.isEmpty()) {
      throw malformed("claim 'scope' is empty");
    }
    String[] parts = value.split(" ", -1);
    List<Scope> scopes = new ArrayList<>(parts.length);
    for (String p : parts) {
      try {
        scopes.add(Scope.of(p));
      } catch (ScopeSyntaxException e) {
        throw malformed("claim 'scope' holds an invalid scope");
      }
    }
    return Scopes.copyOf(scopes);
  }

  private static long epoch(@Nullable JsonNode n, String name) {
    if (n == null || !n.canConvertToLong() || !n.isIntegralNumber() || n.longValue() < 0) {
      throw malformed("claim '" + name + "' must be a non-negative integer");
    }
    return n.longValue();
  }

  private static String text(JsonNode json, String name) {
    JsonNode n = json.get(name);
    if (n == null) {
      throw malformed("claim '" + name + "' is missing");
    }
    if (!n.isTextual()) {
      throw malformed("claim '" + name + "' must be a string");
    }
    return n.textValue();
  }

  private static Instant time(JsonNode json, String name) {
    String t = text(json, name);
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      throw malformed("claim '" + name + "' is not an RFC 3339 UTC time");
    }
  }

  private static MalformedCredentialException malformed(String problem) {
    return new MalformedCredentialException(ReasonCode.MALFORMED, "token refused: " + problem);
  }

  private static String printable(String s) {
    return s.length() > 40 || !s.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f)
        ? "<" + s.length() + " chars>" : s;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Claims and the id of the key that verified them. */
  record Decoded(Claims claims, String keyId) {}
}
