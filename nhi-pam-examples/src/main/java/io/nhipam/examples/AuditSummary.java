package io.nhipam.examples;

import io.nhipam.audit.VerificationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a story's audit file holds, and whether its chain verified. */
public record AuditSummary(long records, long allows, long denials, long masks, boolean chainOk, String verdict,
    Path firstFile) {

  static AuditSummary of(List<Path> files, VerificationResult result) {
    long allows = 0;
    long denials = 0;
    long masks = 0;
    for (Path f : files) {
      try {
        for (String line : Files.readAllLines(f)) {
          if (line.contains("\"type\":\"ALLOW\"")) {
            allows++;
          } else if (line.contains("\"type\":\"DENY\"")) {
            denials++;
          } else if (line.contains("\"type\":\"MASK\"")) {
            masks++;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new AuditSummary(result.events(), allows, denials, masks, result.ok(), result.toString(), files.get(0));
  }

  /** One line for the console. */
  public String line() {
    return String.format("audit %s: %d events (%d allows, %d denials, %d masks), chain %s", firstFile.getFileName(),
        records, allows, denials, masks, chainOk ? "OK" : "BROKEN: " + verdict);
  }
}
