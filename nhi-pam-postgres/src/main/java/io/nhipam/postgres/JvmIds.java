package io.nhipam.postgres;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The default name of this JVM in the shared tables: host, process id and a random suffix. */
final class JvmIds {
  private static final String DEFAULT = compute();

  private JvmIds() {}

  static String defaultId() {
    return DEFAULT;
  }

  static String check(String id) {
    if (id.isBlank() || id.length() > 128 || !id.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "a JVM id must be 1 to 128 printable ASCII characters without spaces");
    }
    return id;
  }

  private static String compute() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    byte[] suffix = new byte[3];
    new SecureRandom().nextBytes(suffix);
    String id = host + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(suffix);
    return id.length() > 128 ? id.substring(id.length() - 128) : id.replace(' ', '_');
  }
}
