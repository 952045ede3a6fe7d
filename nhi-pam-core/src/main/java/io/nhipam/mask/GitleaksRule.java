package io.nhipam.mask;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;

/**
 * One gitleaks rule compiled for RE2/J: its pattern, which group is the secret, the entropy
 * floor, and the allowlists that apply without a file path (regexes on the secret, the match or
 * the line, and stopwords). The secret alone is the masked span, as gitleaks reports it.
 */
final class GitleaksRule {
  /** An allowlist regex and what it is tested against. */
  record Allow(Pattern pattern, Target target) {}

  enum Target {
    SECRET,
    MATCH,
    LINE
  }

  private final String detectorId;
  private final Pattern pattern;
  private final int secretGroup;
  private final double entropy;
  private final List<Allow> allows;
  private final List<String> stopwords;

  GitleaksRule(
      String detectorId, Pattern pattern, int secretGroup, double entropy, List<Allow> allows,
      List<String> stopwords) {
    this.detectorId = detectorId;
    this.pattern = pattern;
    this.secretGroup = secretGroup;
    this.entropy = entropy;
    this.allows = List.copyOf(allows);
    this.stopwords = List.copyOf(stopwords);
  }

  String detectorId() {
    return detectorId;
  }

  /** Adds the secrets this rule finds in {@code s} at or after {@code from}. */
  void scan(CharSequence s, int from, Findings out) {
    Matcher m = pattern.matcher(s);
    int pos = from;
    while (pos <= s.length() && m.find(pos)) {
      int mStart = m.start();
      int mEnd = m.end();
      pos = mEnd > mStart ? mEnd : mStart + 1;
      int group = secretGroup;
      if (group == 0 && m.groupCount() > 0) {
        for (int g = 1; g <= m.groupCount(); g++) {
          if (m.start(g) >= 0 && m.end(g) > m.start(g)) {
            group = g;
            break;
          }
        }
      }
      int start = group == 0 ? mStart : m.start(group);
      int end = group == 0 ? mEnd : m.end(group);
      if (start < from || end <= start) {
        continue;
      }
      if (entropy > 0 && Chars.entropy(s, start, end) < entropy) {
        continue;
      }
      if (allowed(s, start, end, mStart, mEnd)) {
        continue;
      }
      out.add(start, end, detectorId, false);
    }
  }

  private boolean allowed(CharSequence s, int start, int end, int mStart, int mEnd) {
    if (allows.isEmpty() && stopwords.isEmpty()) {
      return false;
    }
    String secret = s.subSequence(start, end).toString();
    String lower = secret.toLowerCase(Locale.ROOT);
    for (String w : stopwords) {
      if (lower.contains(w)) {
        return true;
      }
    }
    for (Allow a : allows) {
      CharSequence target;
      switch (a.target()) {
        case MATCH:
          target = s.subSequence(mStart, mEnd);
          break;
        case LINE:
          target = line(s, mStart, mEnd);
          break;
        default:
          target = secret;
          break;
      }
      if (a.pattern().matcher(target).find()) {
        return true;
      }
    }
    return false;
  }

  private static CharSequence line(CharSequence s, int start, int end) {
    int a = start;
    while (a > 0 && s.charAt(a - 1) != '\n') {
      a--;
    }
    int b = end;
    while (b < s.length() && s.charAt(b) != '\n') {
      b++;
    }
    return s.subSequence(a, b);
  }
}
