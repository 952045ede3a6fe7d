package io.nhipam.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast path of {@link Scanner} (a {@code String} scanned over its ISO-8859-1 bytes, quiet
 * blocks of eight passed at once) finds exactly what the character-by-character pass finds,
 * which is what any other {@code CharSequence} (here a {@code StringBuilder}) still takes.
 */
class ScannerPathsTest {
  private static final Masker DEFAULTS = Masker.builder().defaultDetectors().build();
  private static final Masker DEPTH_ZERO = Masker.builder().defaultDetectors().decodeDepth(0).build();
  private static final String PROSE = "the customer asked about an invoice from last month and we agreed to send"
      + " a corrected copy by email before friday; the shipment was delayed at warehouse two. ";

  /**
   * What a scan adds, one line per finding: over the bytes for a {@code String} whenever it can be
   * (whether or not it looks like prose), character by character for anything else.
   */
  private static List<String> scan(Masker m, CharSequence text, Set<String> revealed) {
    Findings found = new Findings();
    if (!(text instanceof String)
        || !m.scanner().scanOverBytes((String) text, m.scanner().decodeDepth(), revealed, found)) {
      m.scanner().scan(text, 0, revealed, found);
    }
    List<String> lines = new ArrayList<>();
    for (int k = 0; k < found.size(); k++) {
      lines.add(found.start(k) + ".." + found.end(k) + " " + found.id(k) + (found.encoded(k) ? " encoded" : ""));
    }
    return lines;
  }

  private static void assertSamePaths(Masker m, String text, Set<String> revealed) {
    assertThat(scan(m, text, revealed)).as("findings of %s", text)
        .isEqualTo(scan(m, new StringBuilder(text), revealed));
    MaskResult fast = m.mask(text, revealed);
    MaskResult slow = m.mask(new StringBuilder(text), revealed);
    assertThat(fast.text()).as("masked %s", text).isEqualTo(slow.text());
    assertThat(fast.report().findings()).as("report of %s", text).isEqualTo(slow.report().findings());
    assertThat(fast.report().counts()).isEqualTo(slow.report().counts());
    assertThat(fast.report().revealedCounts()).isEqualTo(slow.report().revealedCounts());
  }

  @Provide
  Arbitrary<String> riskyText() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.of(TestValues.VISA, TestValues.VISA_SPACED, "5500-0000-0000-0004", TestValues.IBAN_DE,
            "DE89 3704 0044 0532 0130 00", "123-45-6789", "bob@example.com", "+1 415 555 2671", "(415) 555-2671",
            "10.0.0.1", "fe80::1", "be:ef", TestValues.AWS_KEY_ID, "password=", "token: ", "api_key=",
            "secret=Zx9!kLm2Qp", "aws_secret_access_key=", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlX2hlcmU", "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
            "xoxb-123456789012-abcdefghijkl", "NDExMTExMTExMTExMTExMQ==", "4111%201111%201111%201111",
            "34313131313131313131313131313131", TestValues.nhipamSecret(5),
            TestValues.githubToken("abcdefghijklmnopqrstuvwxyz0123"),
            // non-ASCII: full-width and other Unicode digits, Latin-1 letters, characters beyond U+00FF
            // (a '?' in the bytes), surrogate pairs, lone surrogates, zero-width characters
            "４１１１", "４１１１４１１１", "٤١١١", "\u0967\u0968", "é", "ß", "\u00A0", "\u00B2", "\u00FF", "\u0100",
            "\u0130", "😀", "\uD800", "\uDC00", "\u200B", "?", "??", "a?b", "ü4111", "4111ü", "Ä",
            "%20", "==", "::", "@", "+", "(", ")", "-", ".", "_", "/", "*", "\"", ",", "{\"card\":\"", "\"}",
            "abcdefgh", "abcdefghi", "abcdefg", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "a1b2c3d4e5f6g7h8i9",
            "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", PROSE, PROSE.substring(0, 60)),
        Arbitraries.strings().withChars("0123456789 -.@:=+/%_?abcdefgkxsnrevAKSXYZé４\u0100\n\t\"',;[]{}<>|")
            .ofMaxLength(12),
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20),
        Arbitraries.strings().withChars(" \n").ofMinLength(1).ofMaxLength(3),
        Arbitraries.strings().ofMaxLength(6));
    return pieces.list().ofMaxSize(20).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<Set<String>> revealedSets() {
    return Arbitraries.of(Set.of(), Set.of(DetectorIds.EMAIL), Set.of(DetectorIds.CARD));
  }

  @Property(tries = 5000)
  void stringPath_findsWhatTheCharPathFinds(
      @ForAll("riskyText") String text, @ForAll("revealedSets") Set<String> revealed) {
    assertSamePaths(DEFAULTS, text, revealed);
  }

  @Property(tries = 1000)
  void stringPath_findsWhatTheCharPathFinds_withoutDecoding(@ForAll("riskyText") String text) {
    assertSamePaths(DEPTH_ZERO, text, Set.of());
  }

  /** Text made mostly of what quiet blocks hold, with the characters that end them sprinkled in. */
  @Provide
  Arbitrary<String> nearlyQuietText() {
    return Arbitraries.strings()
        .withChars("abcdefghiknrsvxyzABCDEFKSZ0123456789     ,,..:_%~/-=@+(?\n")
        .ofMinLength(Scanner.LATIN1_MIN).ofMaxLength(300);
  }

  @Property(tries = 3000)
  void stringPath_nearlyQuietText_findsWhatTheCharPathFinds(@ForAll("nearlyQuietText") String text) {
    assertSamePaths(DEFAULTS, text, Set.of());
    assertSamePaths(DEPTH_ZERO, text, Set.of());
  }

  @Property(tries = 2000)
  void stringPath_anyCharacters_findsWhatTheCharPathFinds(@ForAll String text) {
    assertSamePaths(DEFAULTS, text, Set.of());
  }

  @Example
  void stringPath_edges_findWhatTheCharPathFinds() {
    String pad = "x".repeat(Scanner.LATIN1_MIN);
    List<String> inputs = List.of(
        pad + TestValues.VISA, TestValues.VISA + " " + pad, // a value at either end
        "?" + pad + "?", "\u0100" + pad, pad + "\u0100", // a character beyond U+00FF at either end
        pad + " ４１１１１１１１１１１１１１１１", pad + " ４１１１ １１１１ １１１１ １１１１", // full-width card
        pad + " é" + TestValues.VISA, pad + " \u0100" + TestValues.VISA, // a word character before the digits
        pad + " ?" + TestValues.VISA, pad + " Ā" + TestValues.AWS_KEY_ID, pad + " ?" + TestValues.AWS_KEY_ID,
        pad + " A?" + TestValues.AWS_KEY_ID, pad + " \u0100KIA" + TestValues.AWS_KEY_ID.substring(4),
        pad + " 😀" + TestValues.VISA + " 😀", // surrogate pairs: the bytes would be shorter, the char path runs
        pad + " \uD800" + TestValues.VISA, // a lone surrogate is one '?'
        "ab".repeat(40) + " " + TestValues.AWS_KEY_ID, "abcdefgh".repeat(8) + "é" + TestValues.VISA,
        "abcdefg" + "\u00e9" + "abcdefgh" + " " + TestValues.VISA_SPACED + " " + "z".repeat(31),
        pad + " " + "NDExMTExMTExMTExMTExMQ==", "NDExMTExMTExMTExMTExMQ==" + pad.replace('x', ' '),
        pad + " fe80::1 be:ef:00::1 " + pad,
        // hex words whose colon lies past the block they start in, at every offset
        "abcdefg be:ef " + pad, "abcdef beef:1 " + pad, "abcde dead:beef::1 " + pad, "a cafe fade:: " + pad,
        // runs of 15, 16 and 17 characters ending at every offset of a block
        "ab " + "q".repeat(15) + " " + pad, "ab " + "q".repeat(16) + ". " + pad, "ab" + "NDExMTExMTExMTEx" + " " + pad,
        "NDExMTExMTExMTExMTExMQ.. " + pad, pad + " NDExMTExMTExMTExMTExMQ", pad + "NDExMTExMTExMTExMTExMQ",
        // numbers and token prefixes at every offset of a block
        "a 4111111111111111 b " + pad, "ab 4111111111111111 " + pad, "abc, 123-45-6789 " + pad,
        "abcdefg " + TestValues.AWS_KEY_ID + " " + pad, "abcdefgh " + TestValues.AWS_KEY_ID + " " + pad,
        "abcdefghi " + TestValues.IBAN_DE + " " + pad);
    List<String> all = new ArrayList<>(inputs);
    for (int k = 0; k <= 16; k++) { // an encoded value of exactly MIN_RUN characters, at every offset
      String lead = "abcdefgh ijklmnop".substring(0, k);
      all.add(lead + " 31302e302e302e31 " + pad);
      all.add(lead + " 31302e302e302e31. " + pad);
      all.add(lead + " x31302e302e302e31 " + pad);
      all.add(lead + " 31302e302e302e31");
      all.add(lead + " NDExMTExMTExMTExMTExMQ " + pad);
    }
    assertThat(scan(DEFAULTS, "ab 31302e302e302e31 " + pad, Set.of()))
        .containsExactly("3..19 ip encoded"); // the hex of 10.0.0.1: a run of exactly MIN_RUN
    for (String text : all) {
      for (Set<String> revealed : List.of(Set.<String>of(), Set.of(DetectorIds.CARD))) {
        assertSamePaths(DEFAULTS, text, revealed);
      }
    }
    assertThat(DEFAULTS.mask(pad + " ４１１１ １１１１ １１１１ １１１１", Set.of()).report().counts())
        .containsEntry(DetectorIds.CARD, 1); // the bytes path still sees full-width digits
    assertThat(DEFAULTS.mask(pad + " \u0100KIA" + TestValues.AWS_KEY_ID.substring(4), Set.of()).changed())
        .isFalse(); // 'Ā' is read as itself, not as the '?' or 'A' its byte might suggest
  }

  @Example
  void numberSkip_afterADigitBeyondAscii_stillStartsTheRunAfterIt() {
    // A full-width digit is no run character: the encoded card after it starts a run of its own,
    // which skipping the rest of the number after the last digit would pass over unseen.
    for (String text : List.of("ab-４１１１NDExMTExMTExMTExMTExMQ==", "ab-４１１１NDExMTExMTExMTExMTExMQ== " + PROSE)) {
      assertThat(scan(DEFAULTS, text, Set.of())).as(text).containsExactly("7..31 card encoded");
      assertThat(scan(DEFAULTS, new StringBuilder(text), Set.of())).as(text).containsExactly("7..31 card encoded");
    }
    // after an ASCII digit, the rest of a number or word is skipped and nothing in it is lost
    assertThat(scan(DEFAULTS, "SKU-10042 x9" + TestValues.VISA + " 9" + TestValues.VISA, Set.of())).isEmpty();
    assertThat(scan(DEFAULTS, "1" + TestValues.VISA + " " + TestValues.VISA, Set.of())).containsExactly("18..34 card");
  }
}
