package io.nhipam.langchain4j;

import static io.nhipam.langchain4j.ScriptedChatModel.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import org.junit.jupiter.api.Test;

/** Tool call ids come from the model: only plain ids become audit correlation ids. */
class CorrelationIdsTest {
  @Test
  void of_plainProviderIds_kept() {
    assertThat(CorrelationIds.of(call("call_Xy12-ab", "t", "{}"))).isEqualTo("call_Xy12-ab");
    assertThat(CorrelationIds.of(call("toolu_01A09q90qw90lq917835lq9", "t", "{}")))
        .isEqualTo("toolu_01A09q90qw90lq917835lq9");
  }

  @Test
  void of_missingOrOddIds_dropped() {
    assertThat(CorrelationIds.of(ToolExecutionRequest.builder().name("t").arguments("{}").build())).isNull();
    assertThat(CorrelationIds.of(call("", "t", "{}"))).isNull();
    assertThat(CorrelationIds.of(call("v4.public.eyJzdWIiOiJ4In0", "t", "{}"))).isNull();
    assertThat(CorrelationIds.of(call("has space", "t", "{}"))).isNull();
    assertThat(CorrelationIds.of(call("x".repeat(129), "t", "{}"))).isNull();
    assertThat(CorrelationIds.of(call("id-411111111111", "t", "{}"))).isNull();
    assertThat(CorrelationIds.of(call("leak-NHIPAM_abc", "t", "{}"))).isNull();
  }

  @Test
  void of_digitRunsShorterThanACard_kept() {
    assertThat(CorrelationIds.of(call("call-41111111111", "t", "{}"))).isEqualTo("call-41111111111");
  }
}
