package io.nhipam.mask;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Set;

/**
 * Masks text that arrives in chunks. It holds back the last {@link Masker#maxMatchLength()}
 * characters or so (the longest value a detector can match, plus context), so a card number, a
 * key or an e-mail address split across chunks is masked exactly as it would be in one piece;
 * the output is the same as {@link Masker#mask} of the whole text. {@link #flush()} and {@link
 * #close()} emit the held-back tail: text written after a flush is masked as a new segment, so
 * flush only at a natural boundary (end of a message). Not thread-safe: one writer at a time.
 * Errors of the underlying {@link Appendable} surface as {@link UncheckedIOException}.
 */
public final class StreamMasker implements Flushable, Closeable {
  /** Characters of already emitted text kept as left context for the detectors. */
  private static final int CONTEXT = Masker.HOLD_BACK;

  private final Masker masker;
  private final Appendable out;
  private final Set<String> revealed;
  private final StringBuilder buf = new StringBuilder();
  /** Offset in {@code buf} where not yet emitted text starts; before it is context. */
  private int emitted;
  /** Stream offset of {@code buf[0]}. */
  private long base;
  private MaskReport report = MaskReport.empty();
  private boolean closed;

  StreamMasker(Masker masker, Appendable out, Set<String> revealed) {
    this.masker = Objects.requireNonNull(masker, "masker");
    this.out = Objects.requireNonNull(out, "out");
    this.revealed = Set.copyOf(Objects.requireNonNull(revealed, "revealed"));
  }

  /** Adds a chunk; emits what can no longer be part of a match that is still arriving. */
  public void write(CharSequence chunk) {
    Objects.requireNonNull(chunk, "chunk");
    requireOpen();
    buf.append(chunk);
    // Process only when at least a hold-back's worth beyond the hold-back is pending, so each
    // character is scanned a small constant number of times however small the chunks are.
    if (buf.length() - emitted >= 2 * Masker.HOLD_BACK) {
      process(false);
    }
  }

  /** Emits everything held back, masked as the end of a segment, and flushes the output. */
  @Override
  public void flush() {
    requireOpen();
    process(true);
    if (out instanceof Flushable) {
      try {
        ((Flushable) out).flush();
      } catch (IOException e) {
        throw new UncheckedIOException("flushing the masked output failed", e);
      }
    }
  }

  /** Emits everything held back; further writes fail. Closing twice does nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    process(true);
    closed = true;
  }

  /** What has been masked so far (positions are offsets from the start of the stream). */
  public MaskReport report() {
    return report;
  }

  /** Characters currently held back, not yet emitted. */
  public int pending() {
    return buf.length() - emitted;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("this stream masker is closed; create a new one");
    }
  }

  private void process(boolean end) {
    if (buf.length() == emitted) {
      return;
    }
    Findings found = new Findings();
    masker.scanner().scan(buf, emitted, revealed, found);
    int cut = end ? buf.length() : buf.length() - Masker.HOLD_BACK;
    int take = 0;
    while (take < found.size() && found.end(take) <= cut) {
      take++;
    }
    if (take < found.size() && found.start(take) < cut) {
      cut = found.start(take); // a match crosses the cut: keep it whole for the next round
    }
    Findings emit = new Findings();
    for (int k = 0; k < take; k++) {
      emit.add(found.start(k), found.end(k), found.id(k), found.encoded(k));
    }
    Rewriter.Output o = Rewriter.rewrite(
        buf, emitted, cut, emit, masker.policy(), revealed, base + emitted, "");
    try {
      out.append(o.text());
    } catch (IOException e) {
      throw new UncheckedIOException("writing the masked output failed", e);
    }
    report = MaskReport.concat(report, MaskReport.of(o.findings()));
    emitted = cut;
    int drop = Math.max(0, emitted - CONTEXT);
    if (drop > 0) {
      buf.delete(0, drop);
      emitted -= drop;
      base += drop;
    }
  }

  @Override
  public String toString() {
    return "StreamMasker{pending=" + pending() + ", " + report + "}";
  }
}
