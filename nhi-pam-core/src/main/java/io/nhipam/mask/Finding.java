package io.nhipam.mask;

import java.util.Objects;

/**
 * One detected value: which detector found it and where, never the value itself.
 *
 * @param detector the detector id, e.g. {@code card} or {@code gitleaks:aws-access-token}
 * @param start offset of the first character in the input (in a stream: since it began)
 * @param end offset just past the last character in the input
 * @param revealed true when the value was left in clear because the caller may see it
 * @param pointer for JSON input, the JSON pointer of the string, number or field name holding
 *     the value (field names in it appear masked); empty for text
 */
public record Finding(String detector, long start, long end, boolean revealed, String pointer) {
  public Finding {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(pointer, "pointer");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("finding span [" + start + ", " + end + ") is invalid");
    }
  }

  /** Length of the original value in characters. */
  public long length() {
    return end - start;
  }
}
