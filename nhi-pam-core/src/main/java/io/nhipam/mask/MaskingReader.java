package io.nhipam.mask;

import java.io.IOException;
import java.io.Reader;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link Reader} that masks what it reads from its source. It reads ahead as far as a {@link
 * StreamMasker} holds back, so values split across the source's reads are still masked.
 */
public final class MaskingReader extends Reader {
  private static final int CHUNK = 8192;

  private final Reader source;
  private final StringBuilder ready = new StringBuilder();
  private final StreamMasker stream;
  private final char[] chunk = new char[CHUNK];
  private int readPos;
  private boolean eof;

  MaskingReader(Masker masker, Reader source, Set<String> revealed) {
    this.source = Objects.requireNonNull(source, "source");
    this.stream = masker.stream(ready, revealed);
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, cbuf.length);
    if (len == 0) {
      return 0;
    }
    while (readPos == ready.length() && !eof) {
      if (readPos > 0) {
        ready.setLength(0);
        readPos = 0;
      }
      int n = source.read(chunk, 0, CHUNK);
      if (n < 0) {
        eof = true;
        stream.close();
      } else {
        stream.write(java.nio.CharBuffer.wrap(chunk, 0, n).toString());
      }
    }
    int available = ready.length() - readPos;
    if (available == 0) {
      return -1;
    }
    int n = Math.min(len, available);
    ready.getChars(readPos, readPos + n, cbuf, off);
    readPos += n;
    return n;
  }

  /** What has been masked so far. */
  public MaskReport report() {
    return stream.report();
  }

  @Override
  public void close() throws IOException {
    source.close();
  }
}
