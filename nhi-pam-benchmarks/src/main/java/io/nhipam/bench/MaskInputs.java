package io.nhipam.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * The three masking inputs, generated from fixed seeds so that every run masks the same text:
 * clean English prose, JSON API responses, and application log lines of which 1 in 100 holds a
 * secret or a card number. Each is about 64 KB of ASCII (so characters = bytes).
 */
final class MaskInputs {
  static final int TARGET_CHARS = 64 * 1024;

  private static final String[] WORDS = (
      "the a an of to and in that is was for on with as by at from this it be are were which or "
      + "have has had not but all can will one would there their what so if about when who more "
      + "report quarter invoice customer service team system review process policy update change "
      + "request response delivery schedule budget forecast meeting agenda summary decision market "
      + "growth revenue shipment warehouse contract supplier product release feature design test "
      + "quality support incident outage recovery network storage capacity migration deployment "
      + "afternoon morning evening weekly monthly annual regional global local early late steady "
      + "carefully quickly quietly clearly briefly jointly finally usually often rarely again").split(" ");

  private MaskInputs() {}

  /** A text and the secret values planted in it (empty for the clean inputs). */
  record Input(String text, List<String> planted) {}

  static Input of(String name) {
    switch (name) {
      case "prose":
        return new Input(prose(), List.of());
      case "json":
        return new Input(json(), List.of());
      case "logs":
        return logs();
      default:
        throw new IllegalArgumentException("unknown input '" + name + "'; use prose, json or logs");
    }
  }

  static String prose() {
    Random r = new Random(1);
    StringBuilder sb = new StringBuilder(TARGET_CHARS + 256);
    while (sb.length() < TARGET_CHARS) {
      int words = 8 + r.nextInt(14);
      for (int w = 0; w < words; w++) {
        String word = WORDS[r.nextInt(WORDS.length)];
        if (w == 0) {
          sb.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        } else {
          sb.append(r.nextInt(9) == 0 ? ", " : " ").append(word);
        }
      }
      sb.append(r.nextInt(6) == 0 ? ".\n\n" : ". ");
    }
    return sb.toString();
  }

  static String json() {
    Random r = new Random(2);
    StringBuilder sb = new StringBuilder(TARGET_CHARS + 512);
    sb.append("[");
    int n = 0;
    while (sb.length() < TARGET_CHARS) {
      if (n++ > 0) {
        sb.append(",\n");
      }
      sb.append("{\"id\":").append(100000 + r.nextInt(900000))
          .append(",\"type\":\"invoice\",\"status\":\"").append(r.nextBoolean() ? "paid" : "open")
          .append("\",\"customer\":{\"name\":\"").append(cap(word(r))).append(' ').append(cap(word(r)))
          .append("\",\"tier\":\"").append(r.nextBoolean() ? "gold" : "standard")
          .append("\"},\"amount\":").append(r.nextInt(100000) / 100.0)
          .append(",\"currency\":\"EUR\",\"created_at\":\"2026-").append(two(1 + r.nextInt(12))).append('-')
          .append(two(1 + r.nextInt(28))).append('T').append(two(r.nextInt(24))).append(':')
          .append(two(r.nextInt(60))).append(":00Z\",\"lines\":").append(1 + r.nextInt(9))
          .append(",\"tags\":[\"").append(word(r)).append("\",\"").append(word(r))
          .append("\"],\"note\":\"").append(cap(word(r))).append(' ').append(word(r)).append(' ')
          .append(word(r)).append(' ').append(word(r)).append("\"}");
    }
    sb.append("]");
    return sb.toString();
  }

  static Input logs() {
    Random r = new Random(3);
    StringBuilder sb = new StringBuilder(TARGET_CHARS + 512);
    List<String> planted = new ArrayList<>();
    String[] levels = {"INFO", "INFO", "INFO", "DEBUG", "WARN"};
    String[] loggers = {"c.e.billing.InvoiceService", "c.e.api.RequestLog", "c.e.jobs.Scheduler",
        "c.e.store.OrderRepository"};
    int line = 0;
    while (sb.length() < TARGET_CHARS) {
      sb.append("2026-12-04T").append(two(r.nextInt(24))).append(':').append(two(r.nextInt(60))).append(':')
          .append(two(r.nextInt(60))).append('.').append(100 + r.nextInt(900)).append("Z ")
          .append(levels[r.nextInt(levels.length)]).append(" [worker-").append(r.nextInt(8)).append("] ")
          .append(loggers[r.nextInt(loggers.length)]).append(" - ");
      if (line % 100 == 50) {
        String secret = secret(line / 100, r);
        planted.add(secret);
        sb.append(plantedLine(line / 100, secret));
      } else {
        sb.append(word(r)).append(' ').append(word(r)).append(" order ord-").append(r.nextInt(100000))
            .append(" for tenant t-").append(r.nextInt(50)).append(" in ").append(r.nextInt(900))
            .append(" ms status=").append(r.nextBoolean() ? 200 : 404).append(" trace=")
            .append(Long.toHexString(r.nextLong() & Long.MAX_VALUE));
      }
      sb.append('\n');
      line++;
    }
    return new Input(sb.toString(), List.copyOf(planted));
  }

  private static String plantedLine(int kind, String secret) {
    switch (kind % 6) {
      case 0:
        return "charging card " + secret + " for order ord-1234";
      case 1:
        return "using AWS key " + secret + " for upload";
      case 2:
        return "git clone with token " + secret;
      case 3:
        return "stripe client configured api_key=" + secret;
      case 4:
        return "login retry password=" + secret;
      default:
        return "payment fallback card " + secret + " accepted";
    }
  }

  /** A realistic secret of the given kind. */
  static String secret(int kind, Random r) {
    switch (kind % 6) {
      case 0:
        return spaced(luhnCard("4", 16, r));
      case 1:
        return "AKIA" + random(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
      case 2:
        return githubToken(r);
      case 3:
        return "sk_live_" + random(r, BASE62, 24);
      case 4:
        return random(r, BASE62 + "!#%", 16);
      default:
        return luhnCard("51", 16, r);
    }
  }

  static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  static String githubToken(Random r) {
    String body = random(r, BASE62, 30);
    CRC32 crc = new CRC32();
    for (int i = 0; i < body.length(); i++) {
      crc.update(body.charAt(i));
    }
    long v = crc.getValue();
    char[] check = new char[6];
    for (int i = 5; i >= 0; i--) {
      check[i] = BASE62.charAt((int) (v % 62));
      v /= 62;
    }
    return "ghp_" + body + new String(check);
  }

  static String luhnCard(String prefix, int length, Random r) {
    StringBuilder d = new StringBuilder(prefix);
    while (d.length() < length - 1) {
      d.append(r.nextInt(10));
    }
    for (int check = 0; check < 10; check++) {
      String candidate = d.toString() + check;
      if (luhn(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no Luhn check digit for " + d);
  }

  static boolean luhn(CharSequence digits) {
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int v = digits.charAt(i) - '0';
      if (dbl) {
        v *= 2;
        if (v > 9) {
          v -= 9;
        }
      }
      sum += v;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  private static String spaced(String digits) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        sb.append(' ');
      }
      sb.append(digits.charAt(i));
    }
    return sb.toString();
  }

  private static String random(Random r, String alphabet, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static String word(Random r) {
    return WORDS[r.nextInt(WORDS.length)];
  }

  private static String cap(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }
}
