package io.nhipam.policy;

import io.nhipam.error.NhiPamException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A policy could not be loaded or is inconsistent. When it came from a file, {@link #source()},
 * {@link #line()} and {@link #column()} say where; the message says what was expected.
 */
public final class PolicyException extends NhiPamException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String source;
  private final int line;
  private final int column;

  public PolicyException(String message) {
    super(message);
    this.source = null;
    this.line = -1;
    this.column = -1;
  }

  public PolicyException(@Nullable String source, int line, int column, String problem, @Nullable Throwable cause) {
    super(format(source, line, column, problem), cause);
    this.source = source;
    this.line = line;
    this.column = column;
  }

  private static String format(@Nullable String source, int line, int column, String problem) {
    StringBuilder sb = new StringBuilder("policy ");
    sb.append(source == null ? "<input>" : source);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(problem).toString();
  }

  /** The file or name the policy came from. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /** One-based line of the problem, or -1 if unknown. */
  public int line() {
    return line;
  }

  /** One-based column of the problem, or -1 if unknown. */
  public int column() {
    return column;
  }
}
