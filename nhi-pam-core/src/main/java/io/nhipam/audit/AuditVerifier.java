package io.nhipam.audit;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Proves that a chained audit log (see {@link ChainedFileAuditSink}) is exactly what the writer
 * wrote, or names the first bad record.
 *
 * <p>Records are read in order (all files as one stream, oldest first). The verifier expects seq
 * 1 with {@code prev} = 64 zeros, then each next seq with {@code prev} = SHA-256 of the previous
 * line. For the record at the expected position it checks, in order: that it parses strictly, its
 * seq and prev, its MAC (if a MAC key is given), and for a checkpoint the event count and the
 * Ed25519 signature. The log must end with a closing checkpoint. The first record that fails is
 * classified, with {@code e} the expected seq, using at most the next line (and, for a seq that is
 * too high, one scan of the rest):
 *
 * <ul>
 *   <li><b>INSERTED at e</b>: the line does not fit (unparseable, bad MAC, wrong prev, or a seq
 *       that appears again later) while the real record e follows it; or it repeats record e-1
 *       byte for byte, or claims an already used seq; or it has a bad MAC and follows the closing
 *       checkpoint. Without a MAC key, two lines claiming seq e-1 with the same prev give INSERTED
 *       at e-1.
 *   <li><b>REORDERED at e</b>: the line claims a higher seq s, its MAC is valid, s does not occur
 *       again, and record e (linked to record e-1) comes later.
 *   <li><b>REMOVED at e</b>: the line claims a higher seq s with a valid MAC (or, without a key,
 *       the next line does not continue at e+1) and record e appears nowhere later: records e to
 *       s-1 are missing.
 *   <li><b>ALTERED at e</b>: the line should be record e but does not parse, its MAC fails (and the
 *       next record does not commit to it), its seq is off while its prev links, or its checkpoint
 *       count is wrong. ALTERED at e-1 when record e (MAC valid) commits to a different record e-1;
 *       without a MAC key a broken link is reported at e-1 (the two cannot be told apart) unless
 *       e-1 is a signed checkpoint.
 *   <li><b>BAD_MAC at e</b>: the MAC fails but the next record commits to the line's exact bytes:
 *       a wrong key, or a chain rebuilt without the key.
 *   <li><b>BAD_CHECKPOINT_SIGNATURE at e</b>: no public key for the checkpoint's kid, or the
 *       signature fails while its MAC verifies (or, without a MAC key, while the next record
 *       commits to it or none follows).
 *   <li><b>TRUNCATED_AFTER_LAST_CHECKPOINT at e</b>: the input ends after record e-1, which is not a
 *       closing checkpoint (also for an empty log, at seq 1). A cut exactly after a closing
 *       checkpoint of an earlier run cannot be told from the end of the log: anchor the last
 *       checkpoint elsewhere if that matters.
 *   <li><b>MALFORMED at e</b>: the last line has no line end (a torn write).
 * </ul>
 *
 * <p>Without a MAC key, anyone who can write the file can rebuild the hash chain after an edit; the
 * signed checkpoints still catch it, at the next checkpoint. A live log (not yet closed) reports
 * TRUNCATED_AFTER_LAST_CHECKPOINT; call {@link ChainedFileAuditSink#checkpoint()} and read up to
 * that point, or verify after close.
 */
public final class AuditVerifier {
  private static final String PASERK_PUBLIC = "k4.public.";

  private AuditVerifier() {}

  /**
   * Verifies the log in {@code files} (oldest first, e.g. {@link
   * ChainedFileAuditSink#segments(Path)}).
   *
   * @param macKey the audit MAC key, or null to skip MAC checks (weaker; see the class javadoc)
   * @param publicKeysByKid 32-byte Ed25519 public keys by the signer's key id
   * @throws UncheckedIOException if a file cannot be read
   */
  public static VerificationResult verify(
      List<Path> files, byte @Nullable [] macKey, Map<String, byte[]> publicKeysByKid) {
    Objects.requireNonNull(files, "files");
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no audit log files given");
    }
    List<Path> copy = List.copyOf(files);
    return checker(macKey, publicKeysByKid).check(LogLines.ofFiles(copy));
  }

  /**
   * Verifies a log given as its lines (without line terminators), e.g. read from a database
   * table. {@code lines} is iterated more than once when a break has to be classified.
   */
  public static VerificationResult verifyLines(
      Iterable<String> lines, byte @Nullable [] macKey, Map<String, byte[]> publicKeysByKid) {
    Objects.requireNonNull(lines, "lines");
    return checker(macKey, publicKeysByKid).check(LogLines.ofStrings(lines));
  }

  private static ChainChecker checker(
      byte @Nullable [] macKey, Map<String, byte[]> publicKeysByKid) {
    Objects.requireNonNull(publicKeysByKid, "publicKeysByKid");
    ImmutableMap.Builder<String, byte[]> keys = ImmutableMap.builder();
    for (Map.Entry<String, byte[]> k : publicKeysByKid.entrySet()) {
      keys.put(Objects.requireNonNull(k.getKey(), "kid"), checkPublicKey(k.getValue()));
    }
    Map<String, byte[]> byKid = keys.build();
    return new ChainChecker(macKey == null ? null : macKey.clone(), byKid::get);
  }

  private static byte[] checkPublicKey(byte[] key) {
    Objects.requireNonNull(key, "public key");
    if (key.length != 32) {
      throw new IllegalArgumentException(
          "an Ed25519 public key has 32 bytes, this one has " + key.length);
    }
    return key.clone();
  }

  /**
   * Parses a public key given as PASERK {@code k4.public.<base64url>} or as 64 hex digits.
   *
   * @throws IllegalArgumentException if it is neither
   */
  public static byte[] parsePublicKey(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.trim();
    byte[] key;
    if (t.startsWith(PASERK_PUBLIC)) {
      String body = t.substring(PASERK_PUBLIC.length());
      try {
        key = Base64.getUrlDecoder().decode(body);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the k4.public PASERK is not unpadded base64url", e);
      }
      if (key.length != 32 || !RecordCodec.base64Url(key).equals(body)) {
        throw new IllegalArgumentException(
            "a k4.public PASERK holds 32 bytes as 43 unpadded base64url characters");
      }
      return key;
    }
    String hex = t.toLowerCase(java.util.Locale.ROOT);
    if (RecordCodec.isLowerHex(hex, 64)) {
      key = new byte[32];
      for (int i = 0; i < 32; i++) {
        key[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
      }
      return key;
    }
    throw new IllegalArgumentException(
        "expected an Ed25519 public key as k4.public.<43 base64url chars> or 64 hex digits");
  }

  /** The PASERK {@code k4.public.} form of a 32-byte Ed25519 public key. */
  public static String toPaserk(byte[] publicKey) {
    return PASERK_PUBLIC + RecordCodec.base64Url(checkPublicKey(publicKey));
  }

  /**
   * Command line: {@code AuditVerifier [--kid KID] [--mac-key-file FILE] <public-key> <file>...}.
   * The public key is a {@code k4.public.} PASERK or 64 hex digits; without {@code --kid} it is
   * used for every checkpoint whatever its kid. {@code --mac-key-file} names a file holding the MAC
   * key as hex (never pass a key on the command line). Prints {@code OK: N records, chain
   * verified} and exits 0, or {@code FAILED at seq N: PROBLEM: why} and exits 1; exits 2 on a
   * usage error.
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String kid = null;
    Path macKeyFile = null;
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--kid") && i + 1 < args.length && kid == null) {
        kid = args[++i];
      } else if (args[i].equals("--mac-key-file") && i + 1 < args.length && macKeyFile == null) {
        macKeyFile = Path.of(args[++i]);
      } else if (args[i].startsWith("--")) {
        return usage(err, "unknown or repeated option " + args[i]);
      } else {
        positional.add(args[i]);
      }
    }
    if (positional.size() < 2) {
      return usage(err, "give a public key and at least one log file");
    }
    byte[] publicKey;
    byte[] macKey = null;
    try {
      publicKey = parsePublicKey(positional.get(0));
      if (macKeyFile != null) {
        macKey = readHexKey(macKeyFile);
      }
    } catch (IllegalArgumentException | IOException e) {
      return usage(err, e.getMessage());
    }
    List<Path> files = new ArrayList<>();
    for (String f : positional.subList(1, positional.size())) {
      files.add(Path.of(f));
    }
    VerificationResult result;
    try {
      String onlyKid = kid;
      ChainChecker checker =
          new ChainChecker(macKey, k -> onlyKid == null || onlyKid.equals(k) ? publicKey : null);
      result = checker.check(LogLines.ofFiles(files));
    } catch (UncheckedIOException e) {
      out.println("FAILED: " + e.getMessage() + ": " + e.getCause().getMessage());
      return 1;
    }
    out.println(result);
    return result.ok() ? 0 : 1;
  }

  private static byte[] readHexKey(Path file) throws IOException {
    String hex = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim()
        .toLowerCase(java.util.Locale.ROOT);
    if (hex.length() < 64 || hex.length() % 2 != 0 || !RecordCodec.isLowerHex(hex, hex.length())) {
      throw new IllegalArgumentException(
          "the MAC key file " + file + " must hold the key as hex (at least 64 hex digits)");
    }
    byte[] key = new byte[hex.length() / 2];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return key;
  }

  private static int usage(PrintStream err, String problem) {
    err.println("error: " + problem);
    err.println(
        "usage: AuditVerifier [--kid KID] [--mac-key-file FILE] <k4.public.PASERK | hex public"
            + " key> <file>...");
    return 2;
  }
}
