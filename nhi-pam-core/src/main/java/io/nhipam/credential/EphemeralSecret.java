package io.nhipam.credential;

import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * The plaintext of an ephemeral secret, handed out once at issue. Prints as {@code <redacted>};
 * {@link #reveal()} gives the string to pass to the system that needs it. The issuer keeps only
 * a hash, so a lost secret cannot be recovered, only re-issued.
 */
public final class EphemeralSecret implements Destroyable {
  private final char[] value;
  private volatile boolean destroyed;

  EphemeralSecret(String value) {
    this.value = value.toCharArray();
  }

  /** The secret itself. Pass it on; never log it. */
  public String reveal() {
    if (destroyed) {
      throw new IllegalStateException("this secret was destroyed after use");
    }
    return new String(value);
  }

  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(value, '\0');
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public String toString() {
    return "<redacted>";
  }
}
