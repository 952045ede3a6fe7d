package io.nhipam.audit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * The lines of a chained log, streamed (never the whole file in memory), re-iterable so the
 * verifier can look ahead when it classifies a break. A line's bytes exclude its {@code \n}.
 */
final class LogLines {
  /** One line and where it came from; {@code terminated} is false for a torn last line. */
  static final class Line {
    final byte[] bytes;
    final boolean terminated;
    final String where;

    Line(byte[] bytes, boolean terminated, String where) {
      this.bytes = bytes;
      this.terminated = terminated;
      this.where = where;
    }
  }

  private LogLines() {}

  /** Closes {@code it} if it holds a file open. */
  static void closeQuietly(Iterator<Line> it) {
    if (it instanceof FileLineIterator) {
      ((FileLineIterator) it).close();
    }
  }

  /** The lines of {@code strings}, each already without its line terminator. */
  static Iterable<Line> ofStrings(Iterable<String> strings) {
    return () ->
        new Iterator<>() {
          private final Iterator<String> it = strings.iterator();
          private long n;

          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Line next() {
            String s = it.next();
            n++;
            return new Line(s.getBytes(StandardCharsets.UTF_8), true, "line " + n);
          }
        };
  }

  /** The lines of {@code files} in order, as one stream; I/O failures are UncheckedIOException. */
  static Iterable<Line> ofFiles(List<Path> files) {
    return () -> new FileLineIterator(files);
  }

  private static final class FileLineIterator implements Iterator<Line>, AutoCloseable {
    private final List<Path> files;
    private int fileIndex = -1;
    private @Nullable InputStream in;
    private long lineNo;
    private @Nullable Line next;

    FileLineIterator(List<Path> files) {
      this.files = files;
    }

    @Override
    public boolean hasNext() {
      if (next == null) {
        next = advance();
      }
      return next != null;
    }

    @Override
    public Line next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Line line = next;
      next = null;
      return line;
    }

    @Override
    public void close() {
      if (in != null) {
        try {
          in.close();
        } catch (IOException e) {
          // Reading is over; a failed close of a read-only stream loses nothing.
        }
        in = null;
      }
      fileIndex = files.size();
    }

    private @Nullable Line advance() {
      try {
        while (true) {
          if (in == null) {
            if (fileIndex + 1 >= files.size()) {
              return null;
            }
            fileIndex++;
            lineNo = 0;
            in = new BufferedInputStream(Files.newInputStream(files.get(fileIndex)), 1 << 16);
          }
          ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
          int b;
          while ((b = in.read()) != -1 && b != '\n') {
            buf.write(b);
          }
          if (b == -1 && buf.size() == 0) {
            in.close();
            in = null;
            continue;
          }
          lineNo++;
          String where = files.get(fileIndex) + " line " + lineNo;
          return new Line(buf.toByteArray(), b == '\n', where);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read audit log file " + files.get(Math.max(fileIndex, 0)), e);
      }
    }
  }
}
