package io.nhipam.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.nhipam.audit.AuditLog;
import io.nhipam.credential.Credential;
import io.nhipam.credential.CredentialAuthority;
import io.nhipam.credential.KeyRing;
import io.nhipam.identity.Identity;
import io.nhipam.identity.IdentityKind;
import io.nhipam.policy.IdentityPolicy;
import io.nhipam.policy.Policy;
import io.nhipam.scope.Scopes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Security;
import java.security.spec.X509EncodedKeySpec;
import java.security.SignatureException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import java.text.ParseException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.time.Instant;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.paseto4j.commons.PublicKey;
import org.paseto4j.commons.Version;
import org.paseto4j.version4.Paseto;

/**
 * Token verify and mint. Ours: a PASETO v4.public token verified through {@link
 * CredentialAuthority#verify} with no cache (signature, strict JSON claims, issuer, audience,
 * expiry, revocation) and with the cache (the same token again: expiry and revocation only).
 * Peers on the same work: Bouncy Castle's raw Ed25519 verify of the very bytes our token signs
 * (the cost floor of any v4.public verify), paseto4j verifying our token (same format, like for
 * like), and Nimbus JOSE+JWT verifying an EdDSA and an ES256 JWT with the same claims (parse,
 * signature, claims JSON).
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenBenchmark {
  private static final String IDENTITY = "deploy-bot";
  private static final Scopes SCOPES = Scopes.of("invoices:read", "invoices:write", "db:finance.*:select");

  private CredentialAuthority uncached;
  private CredentialAuthority cached;
  private String token;
  private byte[] signedBytes;
  private byte[] signature;
  private Ed25519PublicKeyParameters bcPublicKey;
  private PublicKey pasetoKey;
  private String footer;
  private String eddsaJwt;
  private String es256Jwt;
  private Ed25519Verifier eddsaVerifier;
  private ECDSAVerifier es256Verifier;

  @Setup(Level.Trial)
  public void setUp() throws JOSEException, ParseException, SignatureException {
    QuietLogging.warnOnly();
    // paseto4j asks the JCA for provider "BC"; it must be registered once per JVM.
    if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
    Policy policy = Policy.builder().source("benchmark")
        .identity(IdentityPolicy.builder(Identity.of(IDENTITY, IdentityKind.PIPELINE, "platform-team"))
            .allow("invoices:*", "db:finance.*:select").maxTtl(Duration.ofHours(24)).build())
        .build();
    KeyRing keys = KeyRing.generate();
    uncached = CredentialAuthority.builder().keyRing(keys).policy(policy)
        .audit(AuditLog.of(new DiscardingAuditSink())).verifyCacheSize(0).build();
    cached = CredentialAuthority.builder().keyRing(keys).policy(policy)
        .audit(AuditLog.of(new DiscardingAuditSink())).build();
    Credential c = uncached.mint(IDENTITY, SCOPES, Duration.ofHours(24));
    token = c.token();

    // The bytes a v4.public signature covers: PAE("v4.public.", message, footer, "").
    String[] parts = token.split("\\.");
    byte[] body = Base64.getUrlDecoder().decode(parts[2]);
    byte[] message = Arrays.copyOf(body, body.length - 64);
    signature = Arrays.copyOfRange(body, body.length - 64, body.length);
    byte[] footerBytes = parts.length > 3 ? Base64.getUrlDecoder().decode(parts[3]) : new byte[0];
    footer = new String(footerBytes, StandardCharsets.UTF_8);
    signedBytes = pae("v4.public.".getBytes(StandardCharsets.US_ASCII), message, footerBytes, new byte[0]);
    byte[] pk = keys.publicKeyBytes(keys.activeKeyId());
    bcPublicKey = new Ed25519PublicKeyParameters(pk, 0);
    pasetoKey = new PublicKey(jcaEd25519(pk), Version.V4);
    String claimsJson = new String(message, StandardCharsets.UTF_8);

    OctetKeyPair okp = new OctetKeyPairGenerator(Curve.Ed25519).keyID("k1").generate();
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("k2").generate();
    JWTClaimsSet claims = jwtClaims(claimsJson);
    SignedJWT ed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID("k1").build(), claims);
    ed.sign(new Ed25519Signer(okp));
    eddsaJwt = ed.serialize();
    SignedJWT es = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k2").build(), claims);
    es.sign(new ECDSASigner(ec));
    es256Jwt = es.serialize();
    eddsaVerifier = new Ed25519Verifier(okp.toPublicJWK());
    es256Verifier = new ECDSAVerifier(ec.toPublicJWK());

    // Every path must succeed on its input before it is timed.
    if (!verifyRawBouncyCastle() || !verifyNimbusEdDsa() || !verifyNimbusEs256()
        || !Paseto.parse(pasetoKey, token, footer).equals(claimsJson)
        || !verifyUncached().id().equals(c.id()) || !verifyCached().id().equals(c.id())) {
      throw new IllegalStateException("a verifier rejected its own valid token; fix the setup");
    }
  }

  /** The same claims as a JWT carries them: PASETO's RFC 3339 times become NumericDates. */
  static JWTClaimsSet jwtClaims(String pasetoClaimsJson) {
    Map<String, Object> fields;
    try {
      fields = new ObjectMapper().readValue(pasetoClaimsJson, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("our own claims are not JSON", e);
    }
    JWTClaimsSet.Builder b = new JWTClaimsSet.Builder();
    for (Map.Entry<String, Object> f : fields.entrySet()) {
      boolean time = f.getKey().equals("iat") || f.getKey().equals("nbf") || f.getKey().equals("exp");
      b.claim(f.getKey(), time ? Date.from(Instant.parse((String) f.getValue())) : f.getValue());
    }
    return b.build();
  }

  /** A raw 32-byte Ed25519 public key as a JCA key (X.509 SubjectPublicKeyInfo wrapping). */
  static java.security.PublicKey jcaEd25519(byte[] raw) {
    byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    byte[] spki = Arrays.copyOf(prefix, prefix.length + raw.length);
    System.arraycopy(raw, 0, spki, prefix.length, raw.length);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot load an Ed25519 public key", e);
    }
  }

  static byte[] pae(byte[]... pieces) {
    int len = 8;
    for (byte[] p : pieces) {
      len += 8 + p.length;
    }
    byte[] out = new byte[len];
    int pos = le64(out, 0, pieces.length);
    for (byte[] p : pieces) {
      pos = le64(out, pos, p.length);
      System.arraycopy(p, 0, out, pos, p.length);
      pos += p.length;
    }
    return out;
  }

  private static int le64(byte[] out, int pos, long v) {
    for (int i = 0; i < 8; i++) {
      out[pos + i] = (byte) (i == 7 ? (v >>> 56) & 0x7f : v >>> (8 * i));
    }
    return pos + 8;
  }

  @Benchmark
  public Credential verifyUncached() {
    return uncached.verify(token);
  }

  @Benchmark
  public Credential verifyCached() {
    return cached.verify(token);
  }

  @Benchmark
  public boolean verifyRawBouncyCastle() {
    org.bouncycastle.crypto.signers.Ed25519Signer v = new org.bouncycastle.crypto.signers.Ed25519Signer();
    v.init(false, bcPublicKey);
    v.update(signedBytes, 0, signedBytes.length);
    return v.verifySignature(signature);
  }

  @Benchmark
  public String verifyPaseto4j() throws SignatureException {
    return Paseto.parse(pasetoKey, token, footer);
  }

  @Benchmark
  public boolean verifyNimbusEdDsa() throws ParseException, JOSEException {
    SignedJWT jwt = SignedJWT.parse(eddsaJwt);
    return jwt.verify(eddsaVerifier) && jwt.getJWTClaimsSet().getSubject() != null;
  }

  @Benchmark
  public boolean verifyNimbusEs256() throws ParseException, JOSEException {
    SignedJWT jwt = SignedJWT.parse(es256Jwt);
    return jwt.verify(es256Verifier) && jwt.getJWTClaimsSet().getSubject() != null;
  }

  /** Mint: policy ceiling, claims, PASETO sign, audit event (to a discarding sink), registry. */
  @Benchmark
  public Credential mint() {
    return uncached.mint(IDENTITY, SCOPES, Duration.ofMinutes(5));
  }
}
