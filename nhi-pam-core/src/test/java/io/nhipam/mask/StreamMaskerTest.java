package io.nhipam.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamMaskerTest {
  private static final Masker MASKER = Masker.builder().defaultDetectors().build();
  private static final String SAMPLE = "Hi, card 4111 1111 1111 1111 and mail bob@example.com, "
      + "IBAN DE89 3704 0044 0532 0130 00, key " + TestValues.nhipamSecret(3)
      + " ssn 123-45-6789 end.";

  @Test
  void stream_everySplitPoint_sameAsWholeText() {
    String expected = MASKER.mask(SAMPLE).text();
    for (int split = 0; split <= SAMPLE.length(); split++) {
      StringBuilder out = new StringBuilder();
      StreamMasker s = MASKER.stream(out, Set.of());
      s.write(SAMPLE.substring(0, split));
      s.write(SAMPLE.substring(split));
      s.close();
      assertThat(out.toString()).as("split at %d", split).isEqualTo(expected);
      assertThat(s.report().counts()).isEqualTo(MASKER.mask(SAMPLE).report().counts());
    }
  }

  @Test
  void stream_oneCharAtATimeAcrossHoldBacks_sameAsWholeText() {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      big.append("line ").append(i).append(' ').append(SAMPLE).append('\n');
    }
    String text = big.toString();
    StringBuilder out = new StringBuilder();
    StreamMasker s = MASKER.stream(out, Set.of());
    for (int i = 0; i < text.length(); i += 7) {
      s.write(text.substring(i, Math.min(text.length(), i + 7)));
    }
    s.close();
    MaskResult whole = MASKER.mask(text);
    assertThat(out.toString()).isEqualTo(whole.text());
    assertThat(s.report().counts()).isEqualTo(whole.report().counts());
    assertThat(s.report().findings()).isEqualTo(whole.report().findings());
  }

  @Test
  void stream_smallChunks_heldBackUntilClose() {
    StringBuilder out = new StringBuilder();
    StreamMasker s = MASKER.stream(out, Set.of());
    s.write("4111 1111 ");
    assertThat(out).isEmpty();
    assertThat(s.pending()).isEqualTo(10);
    s.write("1111 1111");
    s.flush();
    assertThat(out.toString()).isEqualTo("**** **** **** 1111");
  }

  @Test
  void stream_writeAfterClose_fails() {
    StreamMasker s = MASKER.stream(new StringBuilder(), Set.of());
    s.close();
    assertThatThrownBy(() -> s.write("x")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void writer_splitWrites_masked() throws IOException {
    StringWriter target = new StringWriter();
    try (MaskingWriter w = MASKER.writer(target, Set.of())) {
      w.write("pay 4111 11");
      w.flush();
      w.write("11 1111 1111 now");
    }
    assertThat(target.toString()).isEqualTo("pay **** **** **** 1111 now");
  }

  @Test
  void reader_smallReads_masked() throws IOException {
    Reader source = new Reader() {
      private final StringReader inner = new StringReader(SAMPLE);

      @Override
      public int read(char[] cbuf, int off, int len) throws IOException {
        return inner.read(cbuf, off, Math.min(len, 3));
      }

      @Override
      public void close() {}
    };
    StringBuilder got = new StringBuilder();
    try (MaskingReader r = MASKER.reader(source, Set.of())) {
      char[] buf = new char[5];
      int n;
      while ((n = r.read(buf, 0, buf.length)) >= 0) {
        got.append(buf, 0, n);
      }
      assertThat(r.report().counts()).containsEntry("card", 1);
    }
    assertThat(got.toString()).isEqualTo(MASKER.mask(SAMPLE).text());
  }
}
