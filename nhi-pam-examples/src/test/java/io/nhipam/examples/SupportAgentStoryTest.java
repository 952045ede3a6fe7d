package io.nhipam.examples;

import static io.nhipam.test.NhiPamAssertions.assertThatText;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupportAgentStoryTest {
  @Test
  void supportAgent_seesOnlyLastFour_unlessItsCredentialCarriesReveal(@TempDir Path dir) {
    StoryOutput out = StoryOutput.of(SupportAgentStory::run, dir);
    String text = out.text();
    int reveal = text.indexOf("carries pii:card:reveal");
    assertThat(reveal).isPositive();
    String masked = text.substring(0, reveal);
    String revealed = text.substring(reveal);

    assertThatText(masked).containsNoCardNumbers();
    assertThat(masked).contains("**** **** **** 4242").contains("****-****-****-4444").contains("1111");
    assertThat(masked).containsPattern("ALLOW +tool lookupTicket");
    assertThat(masked).containsPattern("ALLOW +SELECT tickets");
    assertThat(revealed).contains("4242 4242 4242 4242").contains("5555-5555-5555-4444");
    assertThat(out.summary().chainOk()).isTrue();
    assertThat(out.summary().masks()).isPositive();
  }
}
