package io.nhipam.policy;

import io.nhipam.scope.Scope;
import io.nhipam.scope.ScopeSyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value grammars of a policy file that are not scopes: durations, detector ids, masking
 * actions, masked column names, owners and labels. Each check returns the problem in words (for
 * the loader to place at a line and column), or empty when the value is fine.
 */
final class PolicyValues {
  static final String TTL_HINT = "a duration such as 30s, 15m, 2h, or ISO-8601 such as PT15M";
  static final String DETECTOR_HINT = "a detector id of lower-case letters, digits and '-' such as card,"
      + " or gitleaks:<rule-id>";
  static final String ACTION_HINT = "one of last4, redact, pseudonym, drop, partial(<keep-start>,<keep-end>)";
  static final String COLUMN_HINT = "a column scope db:<schema>.<table>.<column>";

  private static final Pattern SHORT_TTL = Pattern.compile("([0-9]{1,9})([smh])");
  private static final Pattern DETECTOR = Pattern.compile("(gitleaks:)?[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern ACTION = Pattern.compile("last4|redact|pseudonym|drop|partial\\([0-9]{1,3},[0-9]{1,3}\\)");
  private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._/-]{0,62})");
  private static final int MAX_OWNER = 256;
  private static final int MAX_LABEL_VALUE = 256;

  private PolicyValues() {}

  /**
   * Parses {@code 30s}, {@code 15m}, {@code 2h} or an ISO-8601 duration such as {@code PT15M}.
   *
   * @throws IllegalArgumentException if {@code text} is neither, with the reason
   */
  static Duration parseTtl(String text) {
    Matcher m = SHORT_TTL.matcher(text);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
    if (!text.startsWith("P")) {
      throw new IllegalArgumentException("'" + PolicyCursor.printable(text) + "' is not " + TTL_HINT);
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException("'" + PolicyCursor.printable(text) + "' is not " + TTL_HINT, e);
    }
  }

  /** Why {@code ttl} cannot be a maximum TTL, if it cannot. */
  static Optional<String> ttlProblem(Duration ttl) {
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
      return Optional.of("maxTtl must be at least 1s, was " + human(ttl));
    }
    if (ttl.compareTo(IdentityPolicy.ABSOLUTE_MAX_TTL) > 0) {
      return Optional.of("maxTtl " + human(ttl) + " is above the absolute ceiling of "
          + human(IdentityPolicy.ABSOLUTE_MAX_TTL) + " that no policy may exceed; short-lived credentials are"
          + " the point, so use a shorter maxTtl and renew the lease instead");
    }
    return Optional.empty();
  }

  private static String human(Duration d) {
    if (d.isNegative() || d.isZero()) {
      return d.isZero() ? "0s" : d.toString();
    }
    if (d.toNanosPart() == 0 && d.toSeconds() % 3600 == 0) {
      return d.toHours() + "h";
    }
    if (d.toNanosPart() == 0 && d.toSeconds() % 60 == 0) {
      return d.toMinutes() + "m";
    }
    return d.toNanosPart() == 0 ? d.toSeconds() + "s" : d.toString();
  }

  static boolean isDetectorId(String text) {
    return text.length() <= 64 && DETECTOR.matcher(text).matches();
  }

  static boolean isMaskAction(String text) {
    return ACTION.matcher(text).matches();
  }

  /** Why {@code text} is not a masked column name, if it is not. */
  static Optional<String> columnProblem(String text) {
    Scope scope;
    try {
      scope = Scope.of(text);
    } catch (ScopeSyntaxException e) {
      return Optional.of(e.getMessage());
    }
    boolean shape = scope.segmentCount() == 4 && scope.segment(0).equals("db")
        && text.startsWith("db:") && text.indexOf(':', 3) < 0;
    if (!shape || scope.segment(1).equals("**") || scope.segment(3).equals("**")) {
      return Optional.of("'" + PolicyCursor.printable(text) + "' is not " + COLUMN_HINT
          + " (segments may be '*' to match any one name)");
    }
    return Optional.empty();
  }

  /** Why {@code owner} cannot be an owner, if it cannot. */
  static Optional<String> ownerProblem(String owner) {
    if (owner.isBlank()) {
      return Optional.of("owner is blank: every non-human identity needs an accountable human or team,"
          + " e.g. owner: team-finance@example.com");
    }
    if (owner.length() > MAX_OWNER) {
      return Optional.of("owner is longer than " + MAX_OWNER + " characters");
    }
    if (owner.chars().anyMatch(Character::isISOControl)) {
      return Optional.of("owner contains a control character (line break, tab, ...); write it on one line");
    }
    return Optional.empty();
  }

  static Optional<String> labelKeyProblem(String key) {
    return LABEL_KEY.matcher(key).matches() ? Optional.empty()
        : Optional.of("label key '" + PolicyCursor.printable(key) + "' is not valid: use 1-63 ASCII letters, digits"
            + " and ._/-, starting with a letter or digit");
  }

  static Optional<String> labelValueProblem(String key, String value) {
    if (value.length() > MAX_LABEL_VALUE) {
      return Optional.of("label '" + key + "' is longer than " + MAX_LABEL_VALUE + " characters");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      return Optional.of("label '" + key + "' contains a control character (line break, tab, ...)");
    }
    return Optional.empty();
  }
}
