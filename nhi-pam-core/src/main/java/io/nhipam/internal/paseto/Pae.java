package io.nhipam.internal.paseto;

/**
 * Pre-Authentication Encoding from the PASETO specification: the number of pieces, then each
 * piece prefixed by its length, every count a 64-bit little-endian integer with the top bit
 * cleared. It makes the signed byte string unambiguous, so no piece can bleed into the next.
 */
final class Pae {
  private Pae() {}

  static byte[] encode(byte[]... pieces) {
    long total = 8;
    for (byte[] piece : pieces) {
      total += 8 + piece.length;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("the pieces are too large to pre-authenticate");
    }
    byte[] out = new byte[(int) total];
    int pos = le64(out, 0, pieces.length);
    for (byte[] piece : pieces) {
      pos = le64(out, pos, piece.length);
      System.arraycopy(piece, 0, out, pos, piece.length);
      pos += piece.length;
    }
    return out;
  }

  private static int le64(byte[] out, int pos, long value) {
    long v = value & Long.MAX_VALUE;
    for (int i = 0; i < 8; i++) {
      out[pos + i] = (byte) (v >>> (8 * i));
    }
    return pos + 8;
  }
}
