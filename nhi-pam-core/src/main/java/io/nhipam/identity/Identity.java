package io.nhipam.identity;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A non-human principal: a service account, workload, pipeline, bot or AI agent.
 *
 * <p>Every identity has an owner, the human or team answerable for it. Ids are 1–128 characters
 * of ASCII letters, digits and {@code -_.@}; they appear in tokens and audit records, so the
 * grammar is strict.
 *
 * @param id the stable identifier, e.g. {@code finance-bot}
 * @param kind what sort of principal it is
 * @param owner the accountable human or team, e.g. {@code team-finance@example.com}
 * @param labels free-form, sorted key/value labels (environment, cost centre, ...)
 */
public record Identity(String id, IdentityKind kind, String owner, Map<String, String> labels) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,127}");

  public Identity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(labels, "labels");
    if (!isValidId(id)) {
      throw new IllegalArgumentException("identity id '" + id + "' is not valid: use 1-128 ASCII letters,"
          + " digits and -_.@, starting with a letter or digit");
    }
    if (owner.isBlank()) {
      throw new IllegalArgumentException("identity '" + id + "' has no owner: every non-human identity"
          + " needs an accountable human or team");
    }
    labels = ImmutableSortedMap.copyOf(labels);
  }

  /** An identity without labels. */
  public static Identity of(String id, IdentityKind kind, String owner) {
    return new Identity(id, kind, owner, Map.of());
  }

  /** Whether {@code id} satisfies the identity id grammar. */
  public static boolean isValidId(String id) {
    return id.length() <= 128 && ID.matcher(id).matches();
  }
}
