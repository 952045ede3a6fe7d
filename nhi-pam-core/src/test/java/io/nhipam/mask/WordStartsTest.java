package io.nhipam.mask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordStartsTest {

  @Test
  void mayStart_knownPrefixes_true() {
    String[] starts = {
      "AKIAIOSFODNN7EXAMPLE", "ASIA", "ABIA", "ACCA", "A3T1", "AIzaSy", "ghp_", "gho_",
      "github_pat_", "xoxb-", "xapp-", "sk_live_", "rk_test_", "sk-ant-", "sk-proj-", "eyJhb",
      "v4.public.", "k4.secret.", "nhipam_", "DE89 3704", "GB82WEST", "fe80::1", "abcd:ef01::",
      "DEAD:BEEF::1"
    };
    for (String s : starts) {
      assertThat(WordStarts.mayStart(s, 0, s.charAt(0))).as(s).isTrue();
    }
  }

  @Test
  void mayStart_plainWords_false() {
    String[] words = {
      "the", "secretary", "skill", "rather", "every", "value", "kernel", "north", "Alpha",
      "German", "DE-CIX", "Dear", "bead", "face", "a", "deadbeef ", "x", "eyes", "ghee",
      "skunk", "v1", "Asia", "AKin"
    };
    for (String w : words) {
      assertThat(WordStarts.mayStart(w, 0, w.charAt(0))).as(w).isFalse();
    }
  }

  @Test
  void mask_hexWordAsIpv6Start_stillFound() {
    Masker m = Masker.builder().defaultDetectors().build();
    assertThat(m.mask("from fe80::1ff:fe23:4567:890a today").text()).doesNotContain("fe80::1ff");
  }
}
