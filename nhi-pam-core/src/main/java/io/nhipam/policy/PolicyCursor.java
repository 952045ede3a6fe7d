package io.nhipam.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A thin layer over a Jackson streaming parser that remembers where every token came from, so
 * that each error, syntactic or semantic, names the line and column of the offending text.
 *
 * <p>It also enforces what the schema walk must not have to think about: YAML anchors, aliases
 * and tags are refused outright (no alias can expand, so an alias bomb cannot do harm), and
 * keys are checked for duplicates here, with both positions in the message. Jackson's own
 * {@code STRICT_DUPLICATE_DETECTION} would also catch them, but could only name the second one.
 */
final class PolicyCursor {
  /** Where a value was written: one-based line and column. */
  record Loc(int line, int column) {}

  /** A value with the place it was written. */
  record Located<T>(T value, Loc loc) {}

  private final JsonParser parser;
  private final String source;
  private final PolicyLoader.Format format;

  PolicyCursor(JsonParser parser, String source, PolicyLoader.Format format) {
    this.parser = parser;
    this.source = source;
    this.format = format;
  }

  String source() {
    return source;
  }

  /** Advances to the next token, refusing YAML features a policy has no use for. */
  @Nullable JsonToken next() {
    JsonToken token;
    try {
      token = parser.nextToken();
    } catch (JsonProcessingException e) {
      throw syntaxError(e);
    } catch (IOException e) {
      throw new PolicyException(source, -1, -1, "could not read the policy: " + e.getMessage(), e);
    }
    if (token != null && parser instanceof YAMLParser yaml) {
      refuseYamlExtras(yaml);
    }
    return token;
  }

  private void refuseYamlExtras(YAMLParser yaml) {
    if (yaml.isCurrentAlias()) {
      throw fail(loc(), "YAML alias '*" + safeText() + "' is not allowed: policy files refuse all anchors and"
          + " aliases (this also defuses alias bombs); write the value out in full");
    }
    String anchor;
    String tag;
    try {
      anchor = yaml.getObjectId(); // the YAML anchor of the current node, if any
      tag = yaml.getTypeId(); // its explicit tag, if any
    } catch (IOException e) {
      throw syntaxError(e);
    }
    if (anchor != null) {
      throw fail(loc(), "YAML anchor '&" + printable(anchor) + "' is not allowed: policy files refuse all anchors"
          + " and aliases (this also defuses alias bombs); write each value out in full");
    }
    if (tag != null) {
      throw fail(loc(), "YAML tag '" + printable(tag) + "' is not allowed: write plain values; the policy"
          + " schema decides each value's type");
    }
  }

  /** Location of the current token. */
  Loc loc() {
    return toLoc(parser.currentTokenLocation());
  }

  private static Loc toLoc(@Nullable JsonLocation l) {
    if (l == null) {
      return new Loc(-1, -1);
    }
    return new Loc(l.getLineNr(), l.getColumnNr());
  }

  JsonToken current() {
    JsonToken t = parser.currentToken();
    if (t == null) {
      throw fail(loc(), "unexpected end of input");
    }
    return t;
  }

  PolicyException fail(Loc at, String problem) {
    return new PolicyException(source, at.line(), at.column(), problem, null);
  }

  PolicyException fail(Loc at, String problem, Throwable cause) {
    return new PolicyException(source, at.line(), at.column(), problem, cause);
  }

  private PolicyException syntaxError(IOException e) {
    Loc at = e instanceof JsonProcessingException jpe && jpe.getLocation() != null
        ? toLoc(jpe.getLocation()) : loc();
    String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    return fail(at, "malformed " + format + ": " + detail, e);
  }

  /** "a mapping", "a list", ... in the words of this format, for "expected X, found Y". */
  String describe(@Nullable JsonToken t) {
    if (t == null) {
      return "the end of the input";
    }
    return switch (t) {
      case START_OBJECT -> mappingWord();
      case START_ARRAY -> listWord();
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "an empty value (null)";
      default -> "'" + t.asString() + "'";
    };
  }

  String mappingWord() {
    return format == PolicyLoader.Format.YAML ? "a mapping (key: value)" : "an object";
  }

  String listWord() {
    return format == PolicyLoader.Format.YAML ? "a list" : "an array";
  }

  /** Fails unless the current token is {@code expected}; {@code what} names the value. */
  void expect(JsonToken expected, String what) {
    JsonToken t = current();
    if (t != expected) {
      String wanted = switch (expected) {
        case START_OBJECT -> mappingWord();
        case START_ARRAY -> listWord();
        default -> describe(expected);
      };
      throw fail(loc(), what + " must be " + wanted + ", found " + describe(t));
    }
  }

  /** The current token as a string value; {@code hint} says what a valid one looks like. */
  Located<String> string(String what, String hint) {
    JsonToken t = current();
    if (t != JsonToken.VALUE_STRING) {
      throw fail(loc(), what + " must be a string (" + hint + "), found " + describe(t));
    }
    return new Located<>(text(), loc());
  }

  String text() {
    try {
      return parser.getText();
    } catch (IOException e) {
      throw syntaxError(e);
    }
  }

  /** The current token as an int. */
  Located<Integer> integer(String what) {
    JsonToken t = current();
    try {
      if (t != JsonToken.VALUE_NUMBER_INT) {
        throw fail(loc(), what + " must be a whole number, found " + describe(t));
      }
      if (parser.getNumberType() != JsonParser.NumberType.INT) {
        throw fail(loc(), what + " is out of range: " + printable(parser.getText()));
      }
      return new Located<>(parser.getIntValue(), loc());
    } catch (IOException e) {
      throw syntaxError(e);
    }
  }

  private String safeText() {
    return printable(text());
  }

  /**
   * Reads a mapping with a fixed set of keys. The current token must be its start. For each key,
   * advances to the value and calls {@code onField(name, keyLocation)}, which must consume the
   * value (leave the cursor on its last token). Unknown and repeated keys are errors.
   */
  void fields(String what, Set<String> known, BiConsumer<String, Loc> onField) {
    entries(what, (name, keyLoc) -> {
      if (!known.contains(name)) {
        throw fail(keyLoc, "unknown field '" + printable(name) + "' in " + what + "; expected one of "
            + String.join(", ", new TreeSet<>(known)) + suggestion(name, known));
      }
      onField.accept(name, keyLoc);
    });
  }

  /**
   * Reads a mapping with free keys (ids, labels). Like {@link #fields} without the known-key check.
   */
  void entries(String what, BiConsumer<String, Loc> onEntry) {
    expect(JsonToken.START_OBJECT, what);
    Map<String, Loc> seen = new HashMap<>();
    while (true) {
      JsonToken t = next();
      if (t == JsonToken.END_OBJECT) {
        return;
      }
      if (t != JsonToken.FIELD_NAME) {
        throw fail(loc(), "expected a key in " + what + ", found " + describe(t));
      }
      String name = text();
      Loc keyLoc = loc();
      Loc first = seen.putIfAbsent(name, keyLoc);
      if (first != null) {
        throw fail(keyLoc, "duplicate key '" + printable(name) + "' in " + what + " (first at line " + first.line()
            + ", column " + first.column() + "): each key may appear only once, because a second one would"
            + " silently replace the first; merge them into one");
      }
      next();
      onEntry.accept(name, keyLoc);
    }
  }

  /**
   * Reads a list of strings; the current token must be its start. Empty strings and repeated
   * entries are errors.
   */
  List<Located<String>> strings(String what, String hint) {
    if (current() == JsonToken.VALUE_STRING && text().isEmpty()) {
      throw fail(loc(), what + " is empty; write [] for an empty list, or remove the key");
    }
    if (current() == JsonToken.VALUE_STRING) {
      throw fail(loc(), what + " must be " + listWord() + ", found a single string; write it as a list: [\""
          + printable(text()) + "\"]");
    }
    expect(JsonToken.START_ARRAY, what);
    List<Located<String>> out = new ArrayList<>();
    Map<String, Loc> seen = new HashMap<>();
    while (true) {
      JsonToken t = next();
      if (t == JsonToken.END_ARRAY) {
        return out;
      }
      Located<String> s = string("each entry of " + what, hint);
      if (s.value().isBlank()) {
        throw fail(s.loc(), "empty entry in " + what + ": every entry must be " + hint);
      }
      Loc first = seen.putIfAbsent(s.value(), s.loc());
      if (first != null) {
        throw fail(s.loc(), "'" + printable(s.value()) + "' is listed twice in " + what + " (first at line "
            + first.line() + ", column " + first.column() + "); remove one");
      }
      out.add(s);
    }
  }

  /** Fails unless the input has ended (a second YAML document or trailing JSON is an error). */
  void expectEnd() {
    JsonToken t = next();
    if (t != null) {
      throw fail(loc(), "unexpected content after the policy (" + describe(t) + "): a policy file holds exactly"
          + " one " + (format == PolicyLoader.Format.YAML ? "YAML document" : "JSON object"));
    }
  }

  /** Text made safe to quote in a message: control and non-ASCII characters escaped, length capped. */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder(Math.min(s.length(), 64));
    for (int i = 0; i < s.length() && i < 64; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        sb.append(c);
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    if (s.length() > 64) {
      sb.append("...");
    }
    return sb.toString();
  }

  private static String suggestion(String name, Set<String> known) {
    @Nullable String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(name.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best != null && bestDistance <= 2 ? " (did you mean '" + best + "'?)" : "";
  }

  /** Levenshtein distance; inputs are field names, so short. */
  private static int distance(String a, String b) {
    if (a.length() > 64 || b.length() > 64) {
      return Integer.MAX_VALUE;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] tmp = prev;
      prev = cur;
      cur = tmp;
    }
    return prev[b.length()];
  }
}
