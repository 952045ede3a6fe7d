package io.nhipam.mask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Masks one JSON tree for one call. Two passes, both iterative (no depth can overflow the stack)
 * and visiting nodes in the same order, so a node is known by its visit number: the first pass
 * finds what to change, the second, only if something changed, copies the tree with the changes.
 * Field names are scanned too. JSON pointers are built only for what is reported.
 */
final class JsonMasker {
  private final Masker masker;
  private final Set<String> revealed;
  /** Depth of the deepest JSON-pointer rule; deeper nodes cannot match one. -1: no such rule. */
  private final int pointerRuleDepth;
  private final Map<Integer, JsonNode> replacements = new HashMap<>();
  private final Map<Integer, Map<String, String>> renames = new HashMap<>();
  private final List<Finding> findings = new ArrayList<>();

  JsonMasker(Masker masker, Set<String> revealed) {
    this.masker = masker;
    this.revealed = revealed;
    int depth = -1;
    for (String rule : masker.fieldRules().keySet()) {
      if (rule.startsWith("/")) {
        depth = Math.max(depth, (int) rule.chars().filter(c -> c == '/').count());
      }
    }
    this.pointerRuleDepth = depth;
  }

  /** A node to look at, with the way back to the root for its pointers. */
  private record Visit(
      JsonNode node, int index, @Nullable Visit parent, String segment, String originalSegment,
      @Nullable String rule, int depth) {
    String pointer(boolean original) {
      StringBuilder b = new StringBuilder();
      ArrayDeque<String> parts = new ArrayDeque<>();
      for (Visit v = this; v != null && v.parent() != null; v = v.parent()) {
        parts.push(original ? v.originalSegment() : v.segment());
      }
      for (String p : parts) {
        b.append('/').append(p);
      }
      return b.toString();
    }
  }

  MaskedJson mask(JsonNode root) {
    int counter = 0;
    ArrayDeque<Visit> stack = new ArrayDeque<>();
    stack.push(new Visit(root, counter++, null, "", "", null, 0));
    while (!stack.isEmpty()) {
      Visit v = stack.pop();
      JsonNode node = v.node();
      if (node.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          String name = maskName(v, e.getKey());
          Visit child = new Visit(
              e.getValue(), counter++, v, escape(name), escape(e.getKey()), null, v.depth() + 1);
          String rule = v.rule() != null ? v.rule() : ruleFor(child, e.getKey());
          stack.push(rule == null ? child
              : new Visit(e.getValue(), child.index(), v, child.segment(), child.originalSegment(),
                  rule, child.depth()));
        }
      } else if (node.isArray()) {
        for (int k = 0; k < node.size(); k++) {
          String seg = Integer.toString(k);
          stack.push(new Visit(node.get(k), counter++, v, seg, seg, v.rule(), v.depth() + 1));
        }
      } else {
        scalar(v);
      }
    }
    MaskReport report = MaskReport.of(findings);
    if (replacements.isEmpty() && renames.isEmpty()) {
      return new MaskedJson(root, report);
    }
    return new MaskedJson(copy(root), report);
  }

  private @Nullable String ruleFor(Visit child, String name) {
    Map<String, MaskAction> rules = masker.fieldRules();
    if (rules.isEmpty()) {
      return null;
    }
    if (child.depth() <= pointerRuleDepth) {
      String pointer = child.pointer(true);
      if (rules.containsKey(pointer)) {
        return pointer;
      }
    }
    return rules.containsKey(name) && !name.startsWith("/") ? name : null;
  }

  private String maskName(Visit parent, String name) {
    MaskResult r = masker.mask(name, revealed);
    if (r.report().isEmpty()) {
      return name;
    }
    String pointer = parent.pointer(false) + "/" + escape(r.text());
    for (Finding f : r.report().findings()) {
      findings.add(new Finding(f.detector(), f.start(), f.end(), f.revealed(), pointer));
    }
    if (!r.text().equals(name)) {
      renames.computeIfAbsent(parent.index(), p -> new HashMap<>()).put(name, r.text());
    }
    return r.text();
  }

  private void scalar(Visit v) {
    JsonNode node = v.node();
    if (!node.isTextual() && !node.isNumber()) {
      return;
    }
    String text = node.asText();
    if (v.rule() != null) {
      String id = DetectorIds.FIELD_PREFIX + v.rule();
      boolean isRevealed = revealed.contains(id);
      findings.add(new Finding(id, 0, text.length(), isRevealed, v.pointer(false)));
      if (!isRevealed) {
        StringBuilder b = new StringBuilder();
        Rewriter.apply(b, text, 0, text.length(), id, false, masker.policy());
        replacements.put(v.index(), TextNode.valueOf(b.toString()));
      }
      return;
    }
    Findings found = new Findings();
    masker.scanner().scan(text, 0, revealed, found);
    if (found.isEmpty()) {
      return;
    }
    Rewriter.Output out = Rewriter.rewrite(
        text, 0, text.length(), found, masker.policy(), revealed, 0, v.pointer(false));
    findings.addAll(out.findings());
    if (!out.text().equals(text)) {
      replacements.put(v.index(), TextNode.valueOf(out.text()));
    }
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private record Copy(JsonNode src, JsonNode dst, int index) {}

  /** Copies the whole tree with replacements and renames, numbering nodes as {@link #mask} did. */
  private JsonNode copy(JsonNode root) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    int counter = 0;
    JsonNode rootCopy = shell(root, counter++, f);
    ArrayDeque<Copy> stack = new ArrayDeque<>();
    stack.push(new Copy(root, rootCopy, 0));
    while (!stack.isEmpty()) {
      Copy c = stack.pop();
      JsonNode src = c.src();
      if (src.isObject() && c.dst().isObject()) {
        Map<String, String> rename = renames.getOrDefault(c.index(), Map.of());
        ObjectNode o = (ObjectNode) c.dst();
        Iterator<Map.Entry<String, JsonNode>> it = src.properties().iterator();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          String name = rename.getOrDefault(e.getKey(), e.getKey());
          while (o.has(name)) {
            name = name + "~"; // two names masked alike: keep both values
          }
          int index = counter++;
          JsonNode child = shell(e.getValue(), index, f);
          o.set(name, child);
          stack.push(new Copy(e.getValue(), child, index));
        }
      } else if (src.isArray() && c.dst().isArray()) {
        ArrayNode a = (ArrayNode) c.dst();
        for (int k = 0; k < src.size(); k++) {
          int index = counter++;
          JsonNode child = shell(src.get(k), index, f);
          a.add(child);
          stack.push(new Copy(src.get(k), child, index));
        }
      }
    }
    return rootCopy;
  }

  /** An empty container of the same kind, the replacement of a scalar, or the scalar itself. */
  private JsonNode shell(JsonNode src, int index, JsonNodeFactory f) {
    JsonNode r = replacements.get(index);
    if (r != null) {
      return r;
    }
    if (src.isObject()) {
      return f.objectNode();
    }
    if (src.isArray()) {
      return f.arrayNode();
    }
    return src;
  }
}
