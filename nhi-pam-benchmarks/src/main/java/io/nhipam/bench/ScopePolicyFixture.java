package io.nhipam.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The shared policy of the scope benchmark: 1,000 identities × 10 scope patterns, half of them
 * wildcards, and a fixed list of concrete requests that each hit the allow path, some through a
 * literal pattern, some through {@code *}, some through {@code **}.
 */
final class ScopePolicyFixture {
  static final int IDENTITIES = 1_000;
  static final int REQUESTS = 64;

  private ScopePolicyFixture() {}

  static String identity(int i) {
    return String.format("svc-%04d", i);
  }

  /**
   * The 10 patterns of identity {@code i}: app{i%100}:res0..4:* (one segment), app:res5..8:read
   * (literal), app:logs:** (tail).
   */
  static List<String> patterns(int i) {
    String app = "app" + (i % 100);
    List<String> out = new ArrayList<>(10);
    for (int k = 0; k < 5; k++) {
      out.add(app + ":res" + k + ":*");
    }
    for (int k = 5; k < 9; k++) {
      out.add(app + ":res" + k + ":read");
    }
    out.add(app + ":logs:**");
    return out;
  }

  /** Request {@code r}: which identity asks, and for what concrete scope (always allowed). */
  static int requestIdentity(int r) {
    return (r * 7919) % IDENTITIES;
  }

  static String requestScope(int r) {
    int i = requestIdentity(r);
    String app = "app" + (i % 100);
    switch (r % 3) {
      case 0:
        return app + ":res" + (r % 5) + ":write"; // via res<k>:*
      case 1:
        return app + ":res" + (5 + r % 4) + ":read"; // literal
      default:
        return app + ":logs:2026:12:04"; // via logs:**
    }
  }
}
