package io.nhipam.postgres;

import io.nhipam.NhiPam;
import io.nhipam.audit.AuditLog;
import io.nhipam.audit.AuditSinks;
import io.nhipam.credential.Credential;
import io.nhipam.credential.KeyRing;
import io.nhipam.error.ReasonCode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The second JVM of {@link SecondJvmTest}: an NhiPam on the shared schema, driven over stdin.
 *
 * <p>Arguments: jdbc url, user, schema, channel. Stdin: the signing key (k4.secret), the token to
 * check, then commands: {@code await-revoked} (polls until the check is REVOKED or 10 s pass,
 * prints {@code RESULT <reason>}) and {@code revoke-identity <id>} (prints {@code DONE <epoch>}).
 */
public final class RemoteChecker {
  private RemoteChecker() {}

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(args[0]);
    ds.setUser(args[1]);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
    KeyRing ring = KeyRing.fromSecret(in.readLine());
    try (PostgresRevocationStore store = PostgresRevocationStore.builder(ds)
            .schema(PostgresSchema.named(args[2])).channel(args[3]).stalenessBound(PgFixture.BOUND)
            .heartbeatInterval(Duration.ofMillis(200)).catchUpInterval(Duration.ofMillis(500))
            .jvmId("jvm-remote").build();
        NhiPam pam = NhiPam.builder().policy(PgFixture.policy()).keyRing(ring).revocationStore(store)
            .audit(AuditLog.of(AuditSinks.inMemory())).build()) {
      Credential cred = pam.verify(in.readLine());
      PgFixture.await(Duration.ofSeconds(10), () -> store.unavailableReason() == null);
      System.out.println("READY " + pam.guard().check(cred, "invoices:read").reason());
      System.out.flush();
      String line;
      while ((line = in.readLine()) != null) {
        if (line.equals("await-revoked")) {
          PgFixture.await(Duration.ofSeconds(10),
              () -> pam.guard().check(cred, "invoices:read").reason() == ReasonCode.REVOKED);
          System.out.println("RESULT " + pam.guard().check(cred, "invoices:read").reason());
        } else if (line.startsWith("revoke-identity ")) {
          pam.revokeIdentity(line.substring("revoke-identity ".length()));
          System.out.println("DONE " + store.identityEpoch(line.substring("revoke-identity ".length())));
        } else if (line.equals("quit")) {
          break;
        }
        System.out.flush();
      }
    }
  }
}
