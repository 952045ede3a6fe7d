package io.nhipam.mask;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.CharBuffer;
import java.util.Objects;

/**
 * A {@link Writer} that masks everything written through it, holding back a tail so values split
 * across writes are still masked (see {@link StreamMasker}). {@link #flush()} flushes the target
 * but keeps the tail back (frameworks flush often, and emitting the tail on each flush would let
 * a value split across the flush escape); {@link #close()} emits the tail and closes the target.
 */
public final class MaskingWriter extends Writer {
  private final StreamMasker stream;
  private final Writer target;

  MaskingWriter(StreamMasker stream, Writer target) {
    this.stream = Objects.requireNonNull(stream, "stream");
    this.target = Objects.requireNonNull(target, "target");
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, cbuf.length);
    try {
      stream.write(CharBuffer.wrap(cbuf, off, len));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (IllegalStateException e) {
      throw new IOException("this masking writer is closed", e);
    }
  }

  @Override
  public void write(String str, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, str.length());
    try {
      stream.write(str.subSequence(off, off + len));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (IllegalStateException e) {
      throw new IOException("this masking writer is closed", e);
    }
  }

  /** Flushes the target; the held-back tail stays back until {@link #close()}. */
  @Override
  public void flush() throws IOException {
    target.flush();
  }

  /** Emits the held-back tail, masked, and closes the target. */
  @Override
  public void close() throws IOException {
    try {
      stream.close();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    target.close();
  }

  /** What has been masked so far. */
  public MaskReport report() {
    return stream.report();
  }
}
