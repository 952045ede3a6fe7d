package io.nhipam.jdbc;

import java.util.Locale;

/** The kind of access a statement makes to a table; the last segment of a table scope. */
public enum Verb {
  SELECT,
  INSERT,
  UPDATE,
  DELETE;

  /** The scope form: {@code select}, {@code insert}, {@code update}, {@code delete}. */
  public String scopeName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
