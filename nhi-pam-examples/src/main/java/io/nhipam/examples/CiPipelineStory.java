package io.nhipam.examples;

import io.nhipam.credential.CredentialLease;
import io.nhipam.credential.SecretLease;
import io.nhipam.guard.Decision;
import io.nhipam.guard.Guard;
import io.nhipam.mask.MaskResult;
import io.nhipam.scope.Scopes;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Story 3: a CI/CD pipeline leases a deploy secret for ten minutes, uses it, and the lease closes
 * when the build step ends. The same string is then refused, and the masker recognises a leaked
 * copy in a log line by its prefix and checksum.
 */
public final class CiPipelineStory {
  private CiPipelineStory() {}

  public static AuditSummary run(StoryConsole console, Path workDir) {
    console.heading(3, "CI pipeline with an ephemeral deploy secret");
    try (ExampleEnvironment env = new ExampleEnvironment(workDir, "ci-pipeline")) {
      Guard guard = env.pam.guard();
      String leaked;
      try (CredentialLease build = env.pam.lease("ci-pipeline", Scopes.of("deploy:prod"), Duration.ofMinutes(5));
          SecretLease deployKey = env.pam.leaseSecret("ci-pipeline", "deploy-key",
              Scopes.of("secrets:deploy-key:read"), Duration.ofMinutes(10))) {
        console.note("build " + build.id() + " holds credential " + build.credential().id() + " for 5 minutes");
        console.note("leased secret deploy-key " + deployKey.grant().fingerprint() + ", printed as "
            + deployKey.secret() + ", valid until " + deployKey.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        leaked = deployKey.secret().reveal();
        console.decision("deploy target accepts key", guard.checkSecret(leaked, "secrets:deploy-key:read"));
        console.decision("key used for another job", guard.checkSecret(leaked, "deploy:prod"));
        console.decision("build deploys to prod", guard.check(build.credential(), "deploy:prod"));
        console.note("build step ends: both leases close (try-with-resources)");
      }
      Decision after = guard.checkSecret(leaked, "secrets:deploy-key:read");
      console.decision("same key after the build", after);

      String logLine = "2026-12-04T10:15:02Z deploy.sh: curl -H 'Authorization: Bearer " + leaked + "' https://deploy";
      MaskResult masked = env.pam.masker().mask(logLine);
      console.shown("leaked log", masked.text());
      console.note("masker found " + masked.report().counts() + " (recognised by prefix + checksum)");

      try (SecretLease shortLived = env.pam.leaseSecret("ci-pipeline", "deploy-key",
          Scopes.of("secrets:deploy-key:read"), Duration.ofMinutes(10))) {
        String second = shortLived.secret().reveal();
        env.clock.skip(Duration.ofMinutes(11));
        console.note("a second key is leased and the build hangs; 11 minutes later (TTL 10 minutes):");
        console.decision("hung build's key", guard.checkSecret(second, "secrets:deploy-key:read"));
      }
      AuditSummary summary = env.closeAndVerify();
      console.note(summary.line());
      return summary;
    }
  }
}
