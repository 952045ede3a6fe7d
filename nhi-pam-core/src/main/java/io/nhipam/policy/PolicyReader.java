package io.nhipam.policy;

import com.fasterxml.jackson.core.JsonToken;
import io.nhipam.identity.Identity;
import io.nhipam.identity.IdentityKind;
import io.nhipam.policy.PolicyCursor.Loc;
import io.nhipam.policy.PolicyCursor.Located;
import io.nhipam.scope.Scope;
import io.nhipam.scope.ScopeSyntaxException;
import io.nhipam.scope.Scopes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Walks one policy document (YAML or JSON, through {@link PolicyCursor}) and builds the
 * {@link Policy}. Every rule of the file format lives here; the cursor supplies tokens and
 * positions. Nothing is shared between calls, so a failed read leaves nothing behind.
 */
final class PolicyReader {
  static final int VERSION = 1;

  private static final Set<String> ROOT_FIELDS = Set.of("version", "identities", "masking");
  private static final Set<String> IDENTITY_FIELDS = Set.of(
      "kind", "owner", "labels", "allow", "deny", "maxTtl", "reveal", "maxRows", "rowLimitAction");
  private static final Set<String> MASKING_FIELDS = Set.of("detectors", "columns");
  private static final String KINDS = Arrays.stream(IdentityKind.values())
      .map(Enum::name).collect(Collectors.joining(", "));
  private static final String SCOPE_HINT = "a scope such as invoices:read or a pattern such as db:finance.*:select";

  private final PolicyCursor c;
  private final Policy.Builder policy = Policy.builder();

  private PolicyReader(PolicyCursor cursor) {
    this.c = cursor;
    policy.source(cursor.source());
  }

  static Policy read(PolicyCursor cursor) {
    return new PolicyReader(cursor).document();
  }

  private Policy document() {
    if (c.next() == null) {
      throw c.fail(new Loc(1, 1), "the policy is empty; expected " + c.mappingWord()
          + " with version: " + VERSION + " and identities");
    }
    Loc root = c.loc();
    boolean[] seen = new boolean[2];
    c.fields("the policy (top level)", ROOT_FIELDS, (name, keyLoc) -> {
      switch (name) {
        case "version" -> {
          version();
          seen[0] = true;
        }
        case "identities" -> {
          identities(keyLoc);
          seen[1] = true;
        }
        default -> masking();
      }
    });
    c.expectEnd();
    if (!seen[0]) {
      throw c.fail(root, "the policy has no version; add 'version: " + VERSION + "' at the top");
    }
    if (!seen[1]) {
      throw c.fail(root, "the policy has no identities; add an 'identities' section with at least one"
          + " identity (kind, owner, allow, maxTtl)");
    }
    return policy.build();
  }

  private void version() {
    Located<Integer> v = c.integer("version");
    if (v.value() != VERSION) {
      throw c.fail(v.loc(), "unsupported policy version " + v.value() + "; this library reads version " + VERSION);
    }
  }

  private void identities(Loc keyLoc) {
    int[] count = {0};
    c.entries("identities", (id, idLoc) -> {
      if (!Identity.isValidId(id)) {
        throw c.fail(idLoc, "identity id '" + PolicyCursor.printable(id) + "' is not valid: use 1-128 ASCII"
            + " letters, digits and -_.@, starting with a letter or digit");
      }
      policy.identity(identity(id));
      count[0]++;
    });
    if (count[0] == 0) {
      throw c.fail(keyLoc, "identities is empty: a policy must define at least one identity");
    }
  }

  /** What one identity's mapping said so far; checked as a whole once the mapping ends. */
  private static final class Draft {
    final Map<String, Loc> at = new LinkedHashMap<>();
    final Map<String, String> labels = new LinkedHashMap<>();
    final List<Scope> allow = new ArrayList<>();
    final List<Scope> deny = new ArrayList<>();
    final Set<String> reveal = new LinkedHashSet<>();
    @Nullable IdentityKind kind;
    @Nullable String owner;
    @Nullable Duration maxTtl;
    @Nullable Integer maxRows;
    IdentityPolicy.@Nullable RowLimitAction rowLimitAction;
  }

  private IdentityPolicy identity(String id) {
    String ctx = "identity '" + id + "'";
    Loc start = c.loc();
    Draft d = new Draft();
    c.fields(ctx, IDENTITY_FIELDS, (name, keyLoc) -> {
      d.at.put(name, keyLoc);
      switch (name) {
        case "kind" -> d.kind = kind(ctx);
        case "owner" -> d.owner = owner(ctx);
        case "labels" -> labels(ctx, d.labels);
        case "allow" -> scopes("allow of " + ctx, d.allow);
        case "deny" -> scopes("deny of " + ctx, d.deny);
        case "maxTtl" -> d.maxTtl = maxTtl(ctx);
        case "reveal" -> reveal(ctx, d.reveal);
        case "maxRows" -> d.maxRows = maxRows(ctx);
        default -> d.rowLimitAction = rowLimitAction(ctx);
      }
    });
    IdentityKind kind = requirePresent(ctx, start, d.kind, "kind", "one of " + KINDS);
    String owner = requirePresent(ctx, start, d.owner, "owner",
        "the accountable human or team, e.g. owner: team-finance@example.com");
    requirePresent(ctx, start, d.at.get("allow"), "allow", "a list of scopes; write allow: [] to grant nothing");
    Duration maxTtl = requirePresent(ctx, start, d.maxTtl, "maxTtl",
        "the longest life a credential may have, " + PolicyValues.TTL_HINT);
    Loc rowActionAt = d.at.get("rowLimitAction");
    if (rowActionAt != null && d.maxRows == null) {
      throw c.fail(rowActionAt, "rowLimitAction of " + ctx + " has no effect without maxRows;"
          + " add maxRows or remove rowLimitAction");
    }
    try {
      IdentityPolicy.Builder b = IdentityPolicy.builder(new Identity(id, kind, owner, d.labels))
          .allow(Scopes.copyOf(d.allow))
          .deny(Scopes.copyOf(d.deny))
          .maxTtl(maxTtl)
          .reveal(d.reveal);
      if (d.maxRows != null) {
        b.maxRows(d.maxRows, d.rowLimitAction == null ? IdentityPolicy.RowLimitAction.DENY : d.rowLimitAction);
      }
      return b.build();
    } catch (IllegalArgumentException | ScopeSyntaxException e) {
      // every rule is checked above with a precise position; this is the value types' own guard
      throw c.fail(start, ctx + ": " + e.getMessage(), e);
    }
  }

  private <T> T requirePresent(String ctx, Loc start, @Nullable T value, String field, String expected) {
    if (value == null) {
      throw c.fail(start, ctx + " has no " + field + "; expected " + expected);
    }
    return value;
  }

  private IdentityKind kind(String ctx) {
    Located<String> s = c.string("kind of " + ctx, "one of " + KINDS);
    for (IdentityKind k : IdentityKind.values()) {
      if (k.name().equals(s.value())) {
        return k;
      }
    }
    throw c.fail(s.loc(), "unknown kind '" + PolicyCursor.printable(s.value()) + "' for " + ctx
        + "; expected one of " + KINDS);
  }

  private String owner(String ctx) {
    Located<String> s = c.string("owner of " + ctx, "the accountable human or team, e.g. team-finance@example.com");
    PolicyValues.ownerProblem(s.value()).ifPresent(p -> {
      throw c.fail(s.loc(), "owner of " + ctx + ": " + p);
    });
    return s.value();
  }

  private void labels(String ctx, Map<String, String> labels) {
    c.entries("labels of " + ctx, (key, keyLoc) -> {
      PolicyValues.labelKeyProblem(key).ifPresent(p -> {
        throw c.fail(keyLoc, p);
      });
      Located<String> v = c.string("label '" + key + "' of " + ctx, "quote numbers and booleans, e.g. tier: \"1\"");
      PolicyValues.labelValueProblem(key, v.value()).ifPresent(p -> {
        throw c.fail(v.loc(), p);
      });
      labels.put(key, v.value());
    });
  }

  private void scopes(String what, List<Scope> out) {
    for (Located<String> s : c.strings(what, SCOPE_HINT)) {
      try {
        out.add(Scope.of(s.value()));
      } catch (ScopeSyntaxException e) {
        throw c.fail(s.loc(), what + ": " + e.getMessage(), e);
      }
    }
  }

  private Duration maxTtl(String ctx) {
    if (c.current() == JsonToken.VALUE_NUMBER_INT) {
      throw c.fail(c.loc(), "maxTtl of " + ctx + " is a bare number; give it a unit: "
          + PolicyValues.TTL_HINT);
    }
    Located<String> s = c.string("maxTtl of " + ctx, PolicyValues.TTL_HINT);
    Duration ttl;
    try {
      ttl = PolicyValues.parseTtl(s.value());
    } catch (IllegalArgumentException e) {
      throw c.fail(s.loc(), "maxTtl of " + ctx + ": " + e.getMessage(), e);
    }
    PolicyValues.ttlProblem(ttl).ifPresent(p -> {
      throw c.fail(s.loc(), p + " (" + ctx + ")");
    });
    return ttl;
  }

  private void reveal(String ctx, Set<String> out) {
    for (Located<String> s : c.strings("reveal of " + ctx, PolicyValues.DETECTOR_HINT)) {
      if (!PolicyValues.isDetectorId(s.value())) {
        throw c.fail(s.loc(), "reveal of " + ctx + ": '" + PolicyCursor.printable(s.value()) + "' is not "
            + PolicyValues.DETECTOR_HINT);
      }
      out.add(s.value());
    }
  }

  private Integer maxRows(String ctx) {
    Located<Integer> n = c.integer("maxRows of " + ctx);
    if (n.value() < 1) {
      throw c.fail(n.loc(), "maxRows of " + ctx + " must be at least 1, was " + n.value()
          + "; remove maxRows for no limit");
    }
    return n.value();
  }

  private IdentityPolicy.RowLimitAction rowLimitAction(String ctx) {
    Located<String> s = c.string("rowLimitAction of " + ctx, "deny or truncate");
    return switch (s.value()) {
      case "deny" -> IdentityPolicy.RowLimitAction.DENY;
      case "truncate" -> IdentityPolicy.RowLimitAction.TRUNCATE;
      default -> throw c.fail(s.loc(), "unknown rowLimitAction '" + PolicyCursor.printable(s.value()) + "' for "
          + ctx + "; expected deny or truncate");
    };
  }

  private void masking() {
    c.fields("masking", MASKING_FIELDS, (name, keyLoc) -> {
      if (name.equals("detectors")) {
        c.entries("masking detectors", (detector, dLoc) -> {
          if (!PolicyValues.isDetectorId(detector)) {
            throw c.fail(dLoc, "masking detector '" + PolicyCursor.printable(detector) + "' is not "
                + PolicyValues.DETECTOR_HINT);
          }
          policy.maskDetector(detector, action("masking action for detector '" + detector + "'"));
        });
      } else {
        c.entries("masking columns", (column, colLoc) -> {
          PolicyValues.columnProblem(column).ifPresent(p -> {
            throw c.fail(colLoc, "masking column: " + p);
          });
          policy.maskColumn(column, action("masking action for column '" + column + "'"));
        });
      }
    });
  }

  private String action(String what) {
    Located<String> s = c.string(what, PolicyValues.ACTION_HINT);
    if (!PolicyValues.isMaskAction(s.value())) {
      throw c.fail(s.loc(), what + ": '" + PolicyCursor.printable(s.value()) + "' is not " + PolicyValues.ACTION_HINT);
    }
    return s.value();
  }
}
