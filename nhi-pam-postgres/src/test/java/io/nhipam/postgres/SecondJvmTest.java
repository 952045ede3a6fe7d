package io.nhipam.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.nhipam.NhiPam;
import io.nhipam.credential.Credential;
import io.nhipam.credential.KeyRing;
import io.nhipam.error.ReasonCode;
import io.nhipam.scope.Scopes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Revocation crosses a real process boundary: a second JVM started with the test class path. */
class SecondJvmTest {
  @Test
  void revoke_inThisJvm_otherProcessDenies_andItsIdentityRevocationReachesUs() throws Exception {
    try (PgFixture pg = PgFixture.create()) {
      PostgresRevocationStore store = pg.store(pg.pool("a", PgFixture.URL, 4), "jvm-a");
      KeyRing ring = KeyRing.generate();
      NhiPam a = pg.pam(ring, store);
      Credential cred = a.mint("finance-bot", Scopes.of("invoices:read"), Duration.ofMinutes(5));
      Credential pipeline = a.mint("ci-pipeline", Scopes.of("deploy:prod"), Duration.ofMinutes(5));

      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
          RemoteChecker.class.getName(), PgFixture.URL, PgFixture.USER, pg.schema.name(), pg.channel))
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      try {
        PrintWriter toChild = new PrintWriter(new OutputStreamWriter(child.getOutputStream(), StandardCharsets.US_ASCII),
            true);
        BufferedReader fromChild = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.US_ASCII));
        toChild.println(ring.exportSecretUnsafe(ring.activeKeyId()));
        toChild.println(cred.token());
        assertThat(readLine(fromChild)).isEqualTo("READY ALLOWED");

        a.revoke(cred);
        toChild.println("await-revoked");
        assertThat(readLine(fromChild)).isEqualTo("RESULT REVOKED");

        toChild.println("revoke-identity ci-pipeline");
        assertThat(readLine(fromChild)).isEqualTo("DONE 1");
        assertThat(PgFixture.await(PgFixture.BOUND.plusSeconds(1),
            () -> a.guard().check(pipeline, "deploy:prod").reason() == ReasonCode.REVOKED)).isTrue();
        toChild.println("quit");
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
      } finally {
        child.destroyForcibly();
      }
    }
  }

  private static String readLine(BufferedReader in) throws Exception {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return in.readLine();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).get(60, TimeUnit.SECONDS);
  }
}
