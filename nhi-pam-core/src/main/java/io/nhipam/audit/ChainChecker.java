package io.nhipam.audit;

import io.nhipam.audit.VerificationResult.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Iterator;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.jspecify.annotations.Nullable;

/**
 * Walks a chained log once, in order, and names the first bad record. The classification rules
 * are documented on {@link AuditVerifier}; this class implements them. On the first break it looks
 * at the next line, and (only for a record whose seq is too high) scans the rest of the log once.
 */
final class ChainChecker {
  /** The Ed25519 public key for a kid, or null if none is known. */
  interface Keys {
    byte @Nullable [] forKid(String kid);
  }

  private final byte @Nullable [] macKey;
  private final Keys keys;

  ChainChecker(byte @Nullable [] macKey, Keys keys) {
    this.macKey = macKey;
    this.keys = keys;
  }

  private static final class Entry {
    final LogLines.Line line;
    final @Nullable ParsedRecord rec;
    final String malformedWhy;

    Entry(LogLines.Line line) {
      this.line = line;
      ParsedRecord parsed = null;
      String why = "";
      try {
        parsed = ParsedRecord.parse(line.bytes);
      } catch (ParsedRecord.Malformed e) {
        why = e.getMessage();
      }
      this.rec = parsed;
      this.malformedWhy = why;
    }
  }

  private static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final long seq;
    final Problem problem;

    Failure(long seq, Problem problem, String why) {
      super(why, null, false, false);
      this.seq = seq;
      this.problem = problem;
    }
  }

  /** Position and state while walking the chain. */
  private static final class State {
    long expectedSeq = 1;
    String expectedPrev = RecordCodec.ZERO_HASH;
    @Nullable String previousLinePrev;
    boolean previousWasClosing;
    boolean previousWasVerifiedCheckpoint;
    long eventsSinceCheckpoint;
    long records;
    long events;
    long lastCheckpointSeq;
    long index;
  }

  VerificationResult check(Iterable<LogLines.Line> lines) {
    Iterator<LogLines.Line> it = lines.iterator();
    State s = new State();
    try {
      Entry cur = it.hasNext() ? new Entry(it.next()) : null;
      while (cur != null) {
        Entry next = it.hasNext() ? new Entry(it.next()) : null;
        try {
          accept(s, cur, next, lines);
        } catch (Failure f) {
          return VerificationResult.failed(s.records, f.seq, f.problem, f.getMessage());
        }
        cur = next;
        s.index++;
      }
    } finally {
      LogLines.closeQuietly(it);
    }
    if (s.records == 0) {
      return VerificationResult.failed(
          0, 1, Problem.TRUNCATED_AFTER_LAST_CHECKPOINT,
          "the log holds no records; a closed log holds at least its closing checkpoint");
    }
    if (!s.previousWasClosing) {
      return VerificationResult.failed(
          s.records, s.expectedSeq, Problem.TRUNCATED_AFTER_LAST_CHECKPOINT,
          "the log ends at seq " + (s.expectedSeq - 1) + ", which is not a closing checkpoint"
              + (s.lastCheckpointSeq == 0
                  ? " (and holds no checkpoint at all)"
                  : " (last checkpoint: seq " + s.lastCheckpointSeq + ")")
              + ": records from seq " + s.expectedSeq + " on were cut off, or the writer did not"
              + " close the log (crash, or still running)");
    }
    return VerificationResult.ok(s.records, s.events);
  }

  private void accept(State s, Entry cur, @Nullable Entry next, Iterable<LogLines.Line> all)
      throws Failure {
    long e = s.expectedSeq;
    ParsedRecord r = cur.rec;
    if (r == null) {
      malformed(s, cur, next);
      return;
    }
    if (r.seq == e && r.prev.equals(s.expectedPrev)) {
      boolean macVerified = checkMac(s, cur, next);
      if (r.checkpoint) {
        checkCheckpoint(s, cur, next, macVerified);
      }
    } else if (r.seq == e) {
      brokenLink(s, cur, next);
    } else if (r.seq > e) {
      seqTooHigh(s, cur, next, all);
    } else {
      seqTooLow(s, cur);
    }
    s.records++;
    s.previousLinePrev = r.prev;
    s.expectedPrev = r.hash;
    s.expectedSeq = r.seq + 1;
    s.previousWasClosing = r.checkpoint && r.closing;
    s.previousWasVerifiedCheckpoint = r.checkpoint;
    if (r.checkpoint) {
      s.eventsSinceCheckpoint = 0;
      s.lastCheckpointSeq = r.seq;
    } else {
      s.events++;
      s.eventsSinceCheckpoint++;
    }
  }

  private void malformed(State s, Entry cur, @Nullable Entry next) throws Failure {
    long e = s.expectedSeq;
    if (!cur.line.terminated && next == null) {
      throw new Failure(e, Problem.MALFORMED,
          cur.line.where + " is incomplete (no line end): the last write was torn by a crash or"
              + " a full disk");
    }
    if (links(next, e, s.expectedPrev)) {
      throw new Failure(e, Problem.INSERTED,
          cur.line.where + " is not an audit record (" + cur.malformedWhy + ") and the next line"
              + " is record " + e + ", linked to record " + (e - 1) + ": this line was inserted");
    }
    throw new Failure(e, Problem.ALTERED,
        cur.line.where + " should hold record " + e + " but is not a valid record ("
            + cur.malformedWhy + "): its bytes were changed");
  }

  /** Returns whether a MAC was verified; throws if it was checked and failed. */
  private boolean checkMac(State s, Entry cur, @Nullable Entry next) throws Failure {
    if (macKey == null) {
      return false;
    }
    ParsedRecord r = cur.rec;
    if (macMatches(r)) {
      return true;
    }
    long e = s.expectedSeq;
    String what = r.mac == null ? "has no MAC" : "has a MAC that does not verify";
    if (links(next, e, s.expectedPrev)) {
      throw new Failure(e, Problem.INSERTED,
          cur.line.where + " claims seq " + e + " but " + what + ", and the next line is the"
              + " real record " + e + ": a forged line was inserted");
    }
    if (next != null && next.rec != null && next.rec.prev.equals(r.hash)) {
      throw new Failure(e, Problem.BAD_MAC,
          "record " + e + " (" + cur.line.where + ") links into the chain, the next record"
              + " commits to its exact bytes, but it " + what + ": the MAC key is wrong, or the"
              + " chain was rebuilt by someone without the key");
    }
    if (next == null && s.previousWasClosing) {
      throw new Failure(e, Problem.INSERTED,
          cur.line.where + " " + what + " and was appended after the closing checkpoint");
    }
    throw new Failure(e, Problem.ALTERED,
        "record " + e + " (" + cur.line.where + ") " + what + ": its bytes were changed");
  }

  private void checkCheckpoint(State s, Entry cur, @Nullable Entry next, boolean macVerified)
      throws Failure {
    ParsedRecord r = cur.rec;
    long e = s.expectedSeq;
    if (r.count != s.eventsSinceCheckpoint) {
      throw new Failure(e, Problem.ALTERED,
          "checkpoint " + e + " seals " + r.count + " events but the chain holds "
              + s.eventsSinceCheckpoint + " since the previous checkpoint");
    }
    byte[] key = keys.forKid(r.kid);
    if (key == null) {
      throw new Failure(e, Problem.BAD_CHECKPOINT_SIGNATURE,
          "checkpoint " + e + " is signed with key id '" + r.kid + "', for which no public key"
              + " was given; pass that key (or, on the command line, omit --kid)");
    }
    if (signatureValid(r, key)) {
      return;
    }
    if (!macVerified) {
      if (links(next, e, s.expectedPrev)) {
        throw new Failure(e, Problem.INSERTED,
            cur.line.where + " is a checkpoint with an invalid signature and the next line is"
                + " the real record " + e + ": a forged checkpoint was inserted");
      }
      if (next != null && (next.rec == null || !next.rec.prev.equals(r.hash))) {
        throw new Failure(e, Problem.ALTERED,
            "checkpoint " + e + " has an invalid signature and the next record does not commit"
                + " to its bytes: it was changed");
      }
    }
    throw new Failure(e, Problem.BAD_CHECKPOINT_SIGNATURE,
        "the Ed25519 signature of checkpoint " + e + " (kid '" + r.kid + "') does not verify"
            + " under the given public key: wrong key, or the checkpoint was re-signed");
  }

  private void brokenLink(State s, Entry cur, @Nullable Entry next) throws Failure {
    long e = s.expectedSeq;
    if (links(next, e, s.expectedPrev)) {
      throw new Failure(e, Problem.INSERTED,
          cur.line.where + " claims seq " + e + " but does not link to record " + (e - 1)
              + ", and the next line is the real record " + e + ": this line was inserted");
    }
    if (e == 1) {
      throw new Failure(1, Problem.ALTERED,
          "record 1 must have prev = 64 zeros; it was altered, or the files do not start at the"
              + " first segment (pass every segment, oldest first)");
    }
    if (macKey != null && !macMatches(cur.rec)) {
      throw new Failure(e, Problem.ALTERED,
          "record " + e + " does not link to record " + (e - 1) + " and its MAC does not verify:"
              + " record " + e + " was altered");
    }
    if (macKey == null && s.previousWasVerifiedCheckpoint) {
      throw new Failure(e, Problem.ALTERED,
          "record " + e + " does not link to the signed checkpoint " + (e - 1) + " before it: its"
              + " prev field was altered");
    }
    throw new Failure(e - 1, Problem.ALTERED,
        "record " + e + " commits to a different record " + (e - 1) + " than the one present:"
            + " record " + (e - 1) + " was altered"
            + (macKey == null ? " (or record " + e + "'s prev field; without the MAC key the two"
                + " cannot be told apart)" : ""));
  }

  private void seqTooHigh(State s, Entry cur, @Nullable Entry next, Iterable<LogLines.Line> all)
      throws Failure {
    long e = s.expectedSeq;
    ParsedRecord r = cur.rec;
    boolean foundExpected = false;
    boolean seqAgainLater = false;
    Iterator<LogLines.Line> it = all.iterator();
    try {
      for (long i = 0; i <= s.index && it.hasNext(); i++) {
        it.next();
      }
      while (it.hasNext()) {
        ParsedRecord later = new Entry(it.next()).rec;
        if (later != null) {
          foundExpected |= later.seq == e && later.prev.equals(s.expectedPrev);
          seqAgainLater |= later.seq == r.seq;
        }
      }
    } finally {
      LogLines.closeQuietly(it);
    }
    boolean macBad = macKey != null && !macMatches(r);
    if (foundExpected) {
      if (seqAgainLater || macBad) {
        throw new Failure(e, Problem.INSERTED,
            cur.line.where + " claims seq " + r.seq + " but sits before record " + e + ", and "
                + (macBad ? "its MAC does not verify" : "seq " + r.seq + " appears again later")
                + ": this line was inserted");
      }
      throw new Failure(e, Problem.REORDERED,
          "record " + e + " appears after record " + r.seq + " (" + cur.line.where + "):"
              + " records were reordered");
    }
    if (macBad || (macKey == null && next != null && next.rec != null && next.rec.seq == e + 1)) {
      throw new Failure(e, Problem.ALTERED,
          "expected record " + e + " at " + cur.line.where + " but it claims seq " + r.seq
              + (macBad ? " and its MAC does not verify" : " while the next line continues at "
                  + (e + 1)) + ": its seq was changed");
    }
    throw new Failure(e, Problem.REMOVED,
        "expected record " + e + " but " + cur.line.where + " is record " + r.seq + ": "
            + (r.seq - e == 1 ? "record " + e + " was" : "records " + e + " to " + (r.seq - 1)
                + " were") + " removed");
  }

  private void seqTooLow(State s, Entry cur) throws Failure {
    long e = s.expectedSeq;
    ParsedRecord r = cur.rec;
    if (r.hash.equals(s.expectedPrev)) {
      throw new Failure(e, Problem.INSERTED,
          cur.line.where + " repeats record " + (e - 1) + " byte for byte: a copy was inserted");
    }
    if (r.seq == e - 1 && r.prev.equals(s.previousLinePrev)) {
      long at = macKey == null ? e - 1 : e;
      throw new Failure(at, Problem.INSERTED,
          "two lines claim seq " + (e - 1) + " and link to the same predecessor: one of them was"
              + " inserted");
    }
    if (r.prev.equals(s.expectedPrev)) {
      throw new Failure(e, Problem.ALTERED,
          cur.line.where + " links to record " + (e - 1) + " but claims seq " + r.seq
              + " instead of " + e + ": its seq was changed");
    }
    throw new Failure(e, Problem.INSERTED,
        cur.line.where + " claims seq " + r.seq + ", which the chain already passed: an old"
            + " record was copied in");
  }

  private static boolean links(@Nullable Entry next, long seq, String prev) {
    return next != null && next.rec != null && next.rec.seq == seq && next.rec.prev.equals(prev);
  }

  private boolean macMatches(ParsedRecord r) {
    if (macKey == null || r.mac == null) {
      return false;
    }
    String expected = RecordCodec.recordMac(macKey, r.withoutMac);
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), r.mac.getBytes(StandardCharsets.US_ASCII));
  }

  private static boolean signatureValid(ParsedRecord r, byte[] publicKey) {
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
    byte[] data = RecordCodec.signatureInput(r.withoutSig);
    verifier.update(data, 0, data.length);
    return r.sig != null && verifier.verifySignature(r.sig);
  }
}
