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
 * The scanner's shortcuts over digit runs (short ids, quantities and years skipped; dates, amounts
 * and times sent only to the detectors their run length and next character allow; the rest of a
 * run skipped once nothing starts at its first digit) find exactly what sending every run through
 * every digit detector finds.
 */
class ScannerNumberSkipTest {
  private static final Set<String> ALL = Set.copyOf(DetectorIds.BUILT_IN);
  private static final Scanner SKIPPING = new Scanner(ALL, 2, null, true);
  private static final Scanner THOROUGH = new Scanner(ALL, 2, null, false);

  private static List<String> findings(Scanner scanner, String text) {
    Findings out = new Findings();
    scanner.scan(text, 0, Set.of(), out);
    List<String> list = new ArrayList<>();
    for (int k = 0; k < out.size(); k++) {
      list.add(out.start(k) + ".." + out.end(k) + " " + out.id(k) + (out.encoded(k) ? " encoded" : ""));
    }
    return list;
  }

  private static void assertSame(String text) {
    assertThat(findings(SKIPPING, text)).as(text).isEqualTo(findings(THOROUGH, text));
  }

  @Provide
  Arbitrary<String> numberText() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(20),
        Arbitraries.strings().withChars("0123456789 -.:/()+,_abcdefxyzXYZ=@#;\u200B４").ofMaxLength(6),
        Arbitraries.of(TestValues.VISA, TestValues.VISA_SPACED, "5500-0000-0000-0004", TestValues.IBAN_DE,
            "123-45-6789", "123 45 6789", "(415) 555-2671", "415.555.2671", "+1 415 555 2671", "10.0.0.1",
            "2001:db8::1", "12ab::1", "fe80::1", "SKU-", "id=", "#", "x", " ", "2026-03-14", "12:30:45",
            "12345.67", "1,234.50", "555 1234"));
    return pieces.list().ofMaxSize(12).map(l -> String.join("", l));
  }

  @Property(tries = 5000)
  void shortcut_findsWhatEveryDetectorFinds(@ForAll("numberText") String text) {
    assertSame(text);
  }

  @Example
  void shortcut_edgeCases() {
    for (String text : List.of("SKU-10123", "10123", "4111111111111", "411111111111", "123", "123-45-6789x",
        "4155552671", "415 555 2671", "10.0.0.1", "1.2.3.4.5", "2001:db8::1", "1234abcd", "12x", "12_34",
        "12,34", "12ab::1", "1a::2:3", "20ab:db8::1", "555-2671", "+14155552671", "(415)555-2671", "2024年", "12\u200B34", "1２3",
        "2026-03-14", "2026-03-14T12:30:45Z", "12345.67", "123.456.789.012", "1234:5678::9", "12345:1::2",
        "415 555 2671 x", "415-555-267", "078-05-1120", "219 09 9999", "123-45-67890", "1.2.3", "255.255.255.255",
        "0.0.0.0", "999.1.1.1", "4111 1111 1111 1111", "4111-1111-1111-1111 2027", "1234 5678")) {
      assertSame(text);
      assertSame("order " + text + " shipped");
    }
  }
}
