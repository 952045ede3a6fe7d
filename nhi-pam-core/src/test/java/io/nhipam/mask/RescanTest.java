package io.nhipam.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The windowed re-scan of {@link Masker#mask}'s own output gives exactly what re-scanning the whole
 * text gives: same text, same findings, on every pass.
 */
class RescanTest {
  private static final Masker DEFAULTS = Masker.builder().defaultDetectors().build();
  /** Actions whose replacements glue neighbours together (drop) or keep characters (partial). */
  private static final Masker GLUING = Masker.builder().defaultDetectors()
      .action(DetectorIds.IP, MaskAction.drop())
      .action(DetectorIds.EMAIL, MaskAction.drop())
      .action(DetectorIds.PRIVATE_KEY, MaskAction.partial(3, 3))
      .action(DetectorIds.AWS_ACCESS_KEY, MaskAction.pseudonym())
      .pseudonymKey(new byte[32])
      .build();
  private static final String PROSE = "the customer asked about an invoice from last month and we agreed to send"
      + " a corrected copy by email before friday; the shipment was delayed at warehouse two. ";

  private static Rewriter.Output mask(Masker m, String text, Set<String> revealed, Rescan.Mode mode) {
    Findings found = new Findings();
    m.scanner().scan(text, 0, revealed, found);
    return m.maskFound(text, found, revealed, mode);
  }

  private static void assertSameAsWhole(Masker m, String text, Set<String> revealed) {
    Rewriter.Output whole = mask(m, text, revealed, Rescan.Mode.WHOLE);
    Rewriter.Output windows = mask(m, text, revealed, Rescan.Mode.WINDOWS);
    Rewriter.Output auto = mask(m, text, revealed, Rescan.Mode.AUTO);
    assertThat(windows.text()).as("windows, text of %s", text).isEqualTo(whole.text());
    assertThat(windows.findings()).as("windows, findings of %s", text).isEqualTo(whole.findings());
    assertThat(auto.text()).as("auto, text of %s", text).isEqualTo(whole.text());
    assertThat(auto.findings()).as("auto, findings of %s", text).isEqualTo(whole.findings());
  }

  @Provide
  Arbitrary<String> riskyText() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.of(TestValues.VISA, TestValues.VISA_SPACED, "5500-0000-0000-0004", TestValues.IBAN_DE,
            "DE89 3704 0044 0532 0130 00", "123-45-6789", "bob@example.com", "+1 415 555 2671", "(415) 555-2671",
            "10.0.0.1", "fe80::1", TestValues.AWS_KEY_ID, "password=", "password = \"", "token: ", "api_key=",
            "secret=Zx9!kLm2Qp", "aws_secret_access_key=", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----",
            "eyJhbGciOiJIUzI1NiJ9", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlX2hlcmU",
            "NDExMTExMTExMTExMTExMQ==", "4111%201111%201111%201111", TestValues.nhipamSecret(5),
            TestValues.githubToken("abcdefghijklmnopqrstuvwxyz0123"), "４１１１", "４１１１４１１１", "\u200B",
            "%20", "==", "::", "@", "+", "(", ")", "-", ".", "*", "[", "]", "\"", ",", "{\"card\":\"", "\"}",
            PROSE, PROSE.substring(0, 60)),
        Arbitraries.strings().withChars("0123456789 -.@:=+/%_abcXYZ\n\t\"',;[]{}<>|").ofMaxLength(12),
        Arbitraries.strings().withChars(" \n").ofMinLength(1).ofMaxLength(3),
        Arbitraries.strings().ofMaxLength(6));
    return pieces.list().ofMaxSize(16).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<Set<String>> revealedSets() {
    return Arbitraries.of(Set.of(), Set.of(DetectorIds.EMAIL), Set.of(DetectorIds.CARD),
        Set.of(DetectorIds.IP, DetectorIds.PHONE));
  }

  @Property(tries = 2000)
  void windows_sameAsWholeRescan(@ForAll("riskyText") String text, @ForAll("revealedSets") Set<String> revealed) {
    assertSameAsWhole(DEFAULTS, text, revealed);
  }

  @Property(tries = 1000)
  void windows_sameAsWholeRescan_whenReplacementsGlueNeighbours(
      @ForAll("riskyText") String text, @ForAll("revealedSets") Set<String> revealed) {
    assertSameAsWhole(GLUING, text, revealed);
  }

  @Example
  void windows_trickyInputs_sameAsWholeRescan() {
    String pad = PROSE.repeat(3);
    List<String> inputs = List.of(
        "４１１１４１１１10.0.0.1", // fullwidth digits then an IP: the IP shows once the card is masked
        pad + "４１１１４１１１10.0.0.1" + pad,
        "bob@example.com+1 415 555 26710", "password=password=4111111111111111",
        "bob@example.com-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----",
        TestValues.VISA, // a finding that is the whole text
        TestValues.VISA + " " + pad, pad + TestValues.VISA, // at either edge
        TestValues.VISA + TestValues.VISA_SPACED + " 10.0.0.1 10.0.0.2", // adjacent findings
        pad + TestValues.VISA + " " + TestValues.VISA + pad + "bob@example.com" + pad + "10.0.0.1",
        pad + "api_key = \"" + TestValues.VISA + "\" and " + pad,
        pad.replace(' ', '_') + TestValues.VISA + pad.replace(' ', '-'), // no sync character for long stretches
        "{\"a\":\"" + TestValues.VISA + "\",\"b\":\"" + pad + "\",\"c\":\"10.0.0.1\"}");
    for (String text : inputs) {
      for (Set<String> revealed : List.of(Set.<String>of(), Set.of(DetectorIds.CARD), Set.of(DetectorIds.IP))) {
        assertSameAsWhole(DEFAULTS, text, revealed);
        assertSameAsWhole(GLUING, text, revealed);
      }
    }
  }

  /**
   * Replacements right after the start of a detector that reads past sync characters (a spaced
   * card, an IBAN, a phone, a PEM header, an assignment) and right before an assignment that reads
   * back over spaces and quotes: the windows must reach them.
   */
  @Example
  void windows_farReadersAroundReplacements_sameAsWholeRescan() {
    List<String> before = List.of("", "4111 1111 1111 ", "4111 ", "DE89 3704 0044 0532 0130 ", "GB82 WEST ", "+1 415 ",
        "(415) ", "-----BEGIN PRIVATE ", "password = ", "key: ", "token = \"", "123-", "10.0.0.", "fe80:", "x ");
    List<String> values = List.of("bob@example.com", "10.0.0.1", TestValues.VISA, TestValues.VISA_SPACED,
        "+1 415 555 2671", TestValues.AWS_KEY_ID, "123-45-6789", TestValues.IBAN_DE);
    List<String> glue = List.of("", " ", "-", "0", "1111", "a", "\"", ":", "=");
    List<String> after = List.of("", " 1111", "0130 00", " 555 2671", "PRIVATE KEY-----", ".1", " = hunter2hunter2XY",
        " password: \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"", "@example.com");
    for (String b : before) {
      for (String v : values) {
        for (String g : glue) {
          for (String a : after) {
            String text = PROSE + b + g + v + g + a + " " + PROSE;
            assertSameAsWhole(DEFAULTS, text, Set.of());
            assertSameAsWhole(GLUING, text, Set.of());
          }
        }
      }
    }
  }

  @Example
  void auto_longTextWithOneValue_scansWindowsOnly() {
    String text = PROSE.repeat(6) + "Card on file: " + TestValues.VISA_SPACED + ". " + PROSE.repeat(6);
    String first = DEFAULTS.maskOnePass(text, Set.of()).text();
    int at = first.indexOf("**** **** **** 1111");
    Findings again = new Findings();

    boolean windowed = Rescan.around(DEFAULTS.scanner(), first, new int[] {at, at + 19}, 1, Set.of(), again,
        Rescan.Mode.AUTO);

    assertThat(windowed).isTrue();
    assertThat(again.isEmpty()).isTrue();
  }

  @Example
  void auto_windowsCoveringMostOfTheText_rescansTheWholeText() {
    Findings again = new Findings();

    boolean windowed = Rescan.around(DEFAULTS.scanner(), "x **** **** **** 1111 y", new int[] {2, 21}, 1,
        Set.of(), again, Rescan.Mode.AUTO);

    assertThat(windowed).isFalse();
  }

  @Example
  void withGitleaksRules_rescansTheWholeText() {
    Masker m = Masker.builder().defaultDetectors().gitleaksRules(new java.io.StringReader(
        "[[rules]]\nid = \"demo\"\nregex = \'\'\'demo_[a-z]{8}\'\'\'\nkeywords = [\"demo_\"]\n")).build();
    String text = PROSE.repeat(10) + TestValues.VISA + " demo_abcdefgh";
    Findings again = new Findings();

    boolean windowed = Rescan.around(m.scanner(), text, new int[] {0, 1}, 1, Set.of(), again, Rescan.Mode.WINDOWS);

    assertThat(windowed).isFalse();
    assertThat(again.size()).isEqualTo(2); // the card and the rule's match, though far from the window
  }
}
