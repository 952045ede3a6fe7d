package io.nhipam.mask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonMaskTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Masker MASKER = Masker.builder().defaultDetectors()
      .field("/customer/name", MaskAction.redact())
      .field("cvv", MaskAction.drop())
      .build();

  @Test
  void maskJson_stringsAndNumbers_detectedInputUntouched() throws Exception {
    JsonNode in = JSON.readTree("{\"card\":\"4111 1111 1111 1111\",\"n\":4111111111111111,"
        + "\"note\":\"ok\",\"list\":[\"bob@example.com\",3]}");
    String before = in.toString();
    MaskedJson out = MASKER.maskJson(in, Set.of());
    assertThat(out.tree().toString()).isEqualTo("{\"card\":\"**** **** **** 1111\","
        + "\"n\":\"************1111\",\"note\":\"ok\",\"list\":[\"[REDACTED:EMAIL]\",3]}");
    assertThat(in.toString()).isEqualTo(before);
    assertThat(out.report().counts()).containsEntry("card", 2).containsEntry("email", 1);
    assertThat(out.report().findings()).extracting(Finding::pointer).contains("/card", "/n", "/list/0");
  }

  @Test
  void maskJson_fieldRules_byPointerAndByName() throws Exception {
    JsonNode in = JSON.readTree("{\"customer\":{\"name\":\"Ada Lovelace\",\"cvv\":\"123\"},"
        + "\"name\":\"product\",\"pay\":{\"cvv\":987}}");
    MaskedJson out = MASKER.maskJson(in, Set.of());
    assertThat(out.tree().toString()).isEqualTo("{\"customer\":{\"name\":\"[REDACTED:FIELD:/CUSTOMER/NAME]\","
        + "\"cvv\":\"\"},\"name\":\"product\",\"pay\":{\"cvv\":\"\"}}");
    assertThat(out.report().counts()).containsEntry("field:cvv", 2).containsEntry("field:/customer/name", 1);
  }

  @Test
  void maskJson_revealedFieldRule_leftInClear() throws Exception {
    JsonNode in = JSON.readTree("{\"cvv\":\"123\"}");
    MaskedJson out = MASKER.maskJson(in, Set.of("field:cvv"));
    assertThat(out.tree()).isSameAs(in);
    assertThat(out.report().revealedCounts()).containsEntry("field:cvv", 1);
  }

  @Test
  void maskJson_sensitiveFieldName_maskedInKeyAndPointer() throws Exception {
    JsonNode in = JSON.readTree("{\"4111111111111111\":\"visa\"}");
    MaskedJson out = MASKER.maskJson(in, Set.of());
    assertThat(out.tree().toString()).isEqualTo("{\"************1111\":\"visa\"}");
    assertThat(out.report().findings().get(0).pointer()).isEqualTo("/************1111");
  }

  @Test
  void maskJson_clean_returnsSameTree() throws Exception {
    JsonNode in = JSON.readTree("{\"a\":[1,2,{\"b\":\"text\"}]}");
    assertThat(MASKER.maskJson(in, Set.of()).tree()).isSameAs(in);
  }

  @Test
  void maskJson_veryDeepTree_noStackOverflow() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode cur = root;
    for (int i = 0; i < 50_000; i++) {
      cur = cur.putObject("a");
    }
    ArrayNode leaf = cur.putArray("cards");
    leaf.add("4111111111111111");
    MaskedJson out = MASKER.maskJson(root, Set.of());
    assertThat(out.report().counts()).containsEntry("card", 1);
    JsonNode n = out.tree();
    for (int i = 0; i < 50_000; i++) {
      n = n.get("a");
    }
    assertThat(n.get("cards").get(0).asText()).isEqualTo("************1111");
  }
}
