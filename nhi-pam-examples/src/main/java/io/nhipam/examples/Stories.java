package io.nhipam.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the three acceptance stories, each with its own audit file, and exits non-zero if any
 * audit chain fails to verify. Usage: {@code Stories [work-directory]} (default
 * {@code target/nhi-pam-stories}).
 */
public final class Stories {
  private Stories() {}

  public static void main(String[] args) {
    Path workDir = Path.of(args.length > 0 ? args[0] : "target/nhi-pam-stories");
    List<AuditSummary> summaries = runAll(System.out, workDir);
    boolean ok = summaries.stream().allMatch(AuditSummary::chainOk);
    System.out.println();
    System.out.println(ok ? "All stories ran; every audit chain verified. Audit files are in " + workDir.toAbsolutePath()
        : "An audit chain did not verify: see above.");
    if (!ok) {
      System.exit(1);
    }
  }

  /** Runs every story, printing to {@code out}; returns each story's audit summary. */
  public static List<AuditSummary> runAll(PrintStream out, Path workDir) {
    StoryConsole console = new StoryConsole(out);
    List<AuditSummary> summaries = new ArrayList<>();
    summaries.add(FinanceBotStory.run(console, workDir));
    summaries.add(SupportAgentStory.run(console, workDir, System.getenv()));
    summaries.add(CiPipelineStory.run(console, workDir));
    return summaries;
  }
}
