package io.nhipam.jdbc;

/** Checks that a normalised identifier can stand as one scope segment without ambiguity. */
final class Identifiers {
  private Identifiers() {}

  static boolean isScopeSafe(String id) {
    if (id.isEmpty() || id.length() > 63) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static void requireScopeSafe(String id) {
    if (!isScopeSafe(id)) {
      throw new IllegalArgumentException("identifier '" + printable(id) + "' cannot be named in a scope: use 1 to 63"
          + " letters, digits, '_' or '$'");
    }
  }

  static String printable(String s) {
    String cut = s.length() > 64 ? s.substring(0, 64) + "..." : s;
    StringBuilder sb = new StringBuilder(cut.length());
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      sb.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return sb.toString();
  }
}
