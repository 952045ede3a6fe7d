package io.nhipam.credential;

import java.security.SecureRandom;
import java.util.Base64;

/** Random identifiers: {@code cr_} for credentials, {@code ls_} for leases, 128 bits each. */
final class Ids {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private Ids() {}

  static String credentialId(SecureRandom random) {
    return "cr_" + random128(random);
  }

  static String leaseId(SecureRandom random) {
    return "ls_" + random128(random);
  }

  private static String random128(SecureRandom random) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return B64.encodeToString(b);
  }

  static boolean isCredentialId(String s) {
    return s.length() == 25 && s.startsWith("cr_") && isB64(s);
  }

  static boolean isLeaseId(String s) {
    return s.length() == 25 && s.startsWith("ls_") && isB64(s);
  }

  private static boolean isB64(String s) {
    for (int i = 3; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
