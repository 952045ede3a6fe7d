package io.nhipam.bench;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Peer 1, the obvious hand-written masker: one {@code java.util.regex} pattern per detector
 * family of nhi-pam's default set (ten patterns), each run over the whole text in turn, with the
 * same validators where a regex cannot decide (Luhn on cards, mod-97 on IBANs). Patterns are
 * written the usual way, with word boundaries and bounded repetition, not to be slow.
 */
final class RegexPerDetectorMasker {
  private static final Pattern CARD = Pattern.compile("\\b\\d(?:[ -]?\\d){12,18}\\b");
  private static final Pattern IBAN =
      Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b");
  private static final Pattern SSN =
      Pattern.compile("\\b(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}\\b");
  private static final Pattern EMAIL =
      Pattern.compile("\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}\\b");
  private static final Pattern PHONE =
      Pattern.compile("(?:\\+\\d{1,3}[ .-]?\\(?\\d{1,4}\\)?(?:[ .-]?\\d{2,4}){2,4}|\\(?\\b\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4})\\b");
  private static final Pattern IP = Pattern.compile(
      "\\b(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\b"
          + "|\\b(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}\\b"
          + "|\\b(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}:?){0,6}[0-9A-Fa-f]{1,4}\\b");
  private static final Pattern PREFIXED_KEY = Pattern.compile(
      "\\b(?:(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}"
          + "|gh[pousr]_[A-Za-z0-9]{36}|github_pat_\\w{82}"
          + "|xox[abposre]-[A-Za-z0-9-]{10,}|xapp-[A-Za-z0-9-]{10,}"
          + "|[sr]k_(?:live|test)_[A-Za-z0-9]{10,}"
          + "|AIza[A-Za-z0-9_-]{35}"
          + "|sk-ant-[A-Za-z0-9_-]{32,}|sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}|sk-[A-Za-z0-9]{48}"
          + "|nhipam_[A-Za-z0-9]{49})\\b");
  private static final Pattern PRIVATE_KEY = Pattern.compile(
      "-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----[\\s\\S]{1,8192}?-----END [A-Z ]{0,20}PRIVATE KEY-----");
  private static final Pattern JWT_PASETO = Pattern.compile(
      "\\beyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"
          + "|\\b[vk][1-4]\\.(?:local|public|secret)\\.[A-Za-z0-9_-]{20,}(?:\\.[A-Za-z0-9_-]+)?");
  private static final Pattern ASSIGNMENT = Pattern.compile(
      "(?i)[\\w.-]{0,40}(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|access[_-]?key"
          + "|private[_-]?key|credential|auth|bearer)[\\w.-]{0,40}[\"']?\\s{0,3}(?::=|=>|[:=])\\s{0,3}[\"']?"
          + "([^\\s\"',;&\\[\\]{}()<>*|\\\\]{6,256})");

  static final List<Pattern> PATTERNS =
      List.of(CARD, IBAN, SSN, EMAIL, PHONE, IP, PREFIXED_KEY, PRIVATE_KEY, JWT_PASETO, ASSIGNMENT);

  String mask(String text) {
    Spans found = new Spans();
    Matcher m = CARD.matcher(text);
    while (m.find()) {
      if (isCard(text, m.start(), m.end())) {
        found.add(m.start(), m.end());
      }
    }
    m = IBAN.matcher(text);
    while (m.find()) {
      if (mod97(text.substring(m.start(), m.end()))) {
        found.add(m.start(), m.end());
      }
    }
    addAll(SSN, text, found, 0);
    addAll(EMAIL, text, found, 0);
    addAll(PHONE, text, found, 0);
    addAll(IP, text, found, 0);
    addAll(PREFIXED_KEY, text, found, 0);
    addAll(PRIVATE_KEY, text, found, 0);
    addAll(JWT_PASETO, text, found, 0);
    addAll(ASSIGNMENT, text, found, 1);
    return found.apply(text);
  }

  private static void addAll(Pattern p, String text, Spans found, int group) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      found.add(m.start(group), m.end(group));
    }
  }

  private static boolean isCard(String text, int start, int end) {
    StringBuilder digits = new StringBuilder(19);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    return digits.length() >= 13 && digits.length() <= 19 && MaskInputs.luhn(digits);
  }

  private static boolean mod97(String iban) {
    String s = iban.replace(" ", "");
    String rearranged = s.substring(4) + s.substring(0, 4);
    int rem = 0;
    for (int i = 0; i < rearranged.length(); i++) {
      char c = rearranged.charAt(i);
      int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
      rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
    }
    return rem == 1;
  }
}
