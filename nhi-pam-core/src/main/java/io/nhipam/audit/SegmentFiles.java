package io.nhipam.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the segment files of a chained log and the chain state left by earlier runs.
 *
 * <p>For a base path {@code logs/audit.jsonl} the segments are {@code logs/audit-000001.jsonl},
 * {@code logs/audit-000002.jsonl}, ... (the number has at least six digits so that a plain sort,
 * and a shell glob, give chain order). A base without an extension gets {@code audit-000001}.
 */
final class SegmentFiles {
  private final Path dir;
  private final String stem;
  private final String ext;
  private final Pattern pattern;

  SegmentFiles(Path base) {
    Path abs = base.toAbsolutePath();
    Path parent = abs.getParent();
    if (parent == null || abs.getFileName() == null) {
      throw new IllegalArgumentException("audit log path " + base + " has no file name");
    }
    this.dir = parent;
    String name = abs.getFileName().toString();
    int dot = name.lastIndexOf('.');
    this.stem = dot > 0 ? name.substring(0, dot) : name;
    this.ext = dot > 0 ? name.substring(dot) : "";
    this.pattern = Pattern.compile(Pattern.quote(stem) + "-(\\d{6,18})" + Pattern.quote(ext));
  }

  Path dir() {
    return dir;
  }

  Path segment(long number) {
    return dir.resolve(String.format("%s-%06d%s", stem, number, ext));
  }

  /** Existing segments by number, in chain order; empty if the directory does not exist. */
  TreeMap<Long, Path> existing() {
    TreeMap<Long, Path> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path p : stream) {
        Matcher m = pattern.matcher(p.getFileName().toString());
        if (m.matches()) {
          out.put(Long.parseLong(m.group(1)), p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list audit log directory " + dir, e);
    }
    return out;
  }

  /** Where the chain left by earlier runs ends. */
  static final class Tail {
    final long nextSegment;
    final long nextSeq;
    final String prevHash;
    final long eventsSinceCheckpoint;

    Tail(long nextSegment, long nextSeq, String prevHash, long eventsSinceCheckpoint) {
      this.nextSegment = nextSegment;
      this.nextSeq = nextSeq;
      this.prevHash = prevHash;
      this.eventsSinceCheckpoint = eventsSinceCheckpoint;
    }
  }

  /**
   * Reads the end of the existing chain so a new run continues it in a fresh segment. Scans the
   * newest segments backwards until a checkpoint is found, to count the events it must seal.
   */
  Tail tail() {
    TreeMap<Long, Path> segments = existing();
    if (segments.isEmpty()) {
      return new Tail(1, 1, RecordCodec.ZERO_HASH, 0);
    }
    long nextSegment = segments.lastKey() + 1;
    long nextSeq = 0;
    String prevHash = null;
    long events = 0;
    for (Long number : segments.descendingKeySet()) {
      SegmentScan scan = scan(segments.get(number));
      if (scan.lines == 0) {
        continue;
      }
      if (prevHash == null) {
        nextSeq = scan.lastSeq + 1;
        prevHash = scan.lastHash;
      }
      events += scan.eventsAfterCheckpoint;
      if (scan.sawCheckpoint) {
        break;
      }
    }
    if (prevHash == null) {
      return new Tail(nextSegment, 1, RecordCodec.ZERO_HASH, 0);
    }
    return new Tail(nextSegment, nextSeq, prevHash, events);
  }

  private static final class SegmentScan {
    long lines;
    long lastSeq;
    String lastHash = RecordCodec.ZERO_HASH;
    long eventsAfterCheckpoint;
    boolean sawCheckpoint;
  }

  private static SegmentScan scan(Path file) {
    SegmentScan scan = new SegmentScan();
    Iterator<LogLines.Line> it = LogLines.ofFiles(List.of(file)).iterator();
    try {
      while (it.hasNext()) {
        LogLines.Line line = it.next();
        if (!line.terminated) {
          throw corrupt(line.where, "its last line is incomplete (a write was torn)");
        }
        ParsedRecord r;
        try {
          r = ParsedRecord.parse(line.bytes);
        } catch (ParsedRecord.Malformed e) {
          throw corrupt(line.where, e.getMessage());
        }
        scan.lines++;
        scan.lastSeq = r.seq;
        scan.lastHash = r.hash;
        if (r.checkpoint) {
          scan.sawCheckpoint = true;
          scan.eventsAfterCheckpoint = 0;
        } else {
          scan.eventsAfterCheckpoint++;
        }
      }
    } catch (UncheckedIOException e) {
      throw new AuditException(
          AuditException.Reason.CORRUPT_EXISTING_LOG,
          "cannot read existing audit log segment " + file + " to continue its chain: "
              + e.getCause().getMessage(),
          e);
    } finally {
      LogLines.closeQuietly(it);
    }
    return scan;
  }

  private static AuditException corrupt(String where, String why) {
    return new AuditException(
        AuditException.Reason.CORRUPT_EXISTING_LOG,
        "cannot continue the audit chain: " + where + " is not a valid record (" + why
            + "). Run AuditVerifier on the segments to see what happened, keep them as evidence,"
            + " and start the new log under a different base path.");
  }

  static List<Path> ordered(TreeMap<Long, Path> segments) {
    return new ArrayList<>(segments.values());
  }
}
