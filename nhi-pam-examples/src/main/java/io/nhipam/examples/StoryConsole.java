package io.nhipam.examples;

import io.nhipam.guard.Decision;
import java.io.PrintStream;

/** Prints a story the way a person likes to read it: a heading, aligned ALLOW/DENY lines, short notes. */
public final class StoryConsole {
  private final PrintStream out;

  public StoryConsole(PrintStream out) {
    this.out = out;
  }

  public void heading(int number, String title) {
    out.println();
    out.println("== " + number + ". " + title + " " + "=".repeat(Math.max(3, 70 - title.length())));
  }

  /** One decision: {@code ALLOW  getInvoice  finance-bot  allowed by invoices:read}. */
  public void decision(String what, Decision d) {
    String verdict = d.isAllowed() ? "ALLOW" : "DENY ";
    String why = d.isAllowed() ? "granted by " + d.rule().orElse("?") : d.reason() + ": " + d.message();
    out.printf("  %s  %-28s %s%n", verdict, what, why);
  }

  /** A verdict without a Decision object (e.g. a secret refused at the door). */
  public void verdict(boolean allowed, String what, String why) {
    out.printf("  %s  %-28s %s%n", allowed ? "ALLOW" : "DENY ", what, why);
  }

  public void note(String text) {
    out.println("  " + text);
  }

  public void shown(String label, String text) {
    out.printf("  %-10s %s%n", label + ":", text);
  }
}
