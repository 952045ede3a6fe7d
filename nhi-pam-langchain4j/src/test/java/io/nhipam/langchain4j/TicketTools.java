package io.nhipam.langchain4j;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.ImageContent;

/** The support agent's tools: every one of them leaks card numbers if nothing masks them. */
@RequiresScope("tickets:read")
class TicketTools {
  static final String TEXT = "Ticket T-1: customer paid with 4111 1111 1111 1111, asked for a refund to"
      + " 4111-1111-1111-1111, old card 4111111111111111. Record: {\"ticket\":\"T-1\",\"card\":\"4111111111111111\","
      + "\"history\":[{\"card\":\"5555 5555 5555 4444\"}]}";

  /** The raw card numbers in {@link #TEXT}, digits only. */
  static final String[] RAW_CARDS = {"4111111111111111", "5555555555554444"};

  record Ticket(String id, String card, String note) {}

  @Tool("Looks up a support ticket")
  String lookupTicket(String id) {
    return TEXT.replace("T-1", id);
  }

  @Tool("Returns a ticket as a record")
  Ticket ticketRecord(String id) {
    return new Ticket(id, "4111-1111-1111-1111", "second card 5555555555554444");
  }

  @Tool("A lookup whose backend fails")
  String failingLookup(String id) {
    throw new IllegalStateException("payment backend rejected card 4111 1111 1111 1111 for ticket " + id);
  }

  @Tool("The customer's screenshot")
  ImageContent screenshot(String id) {
    return ImageContent.from(Image.builder().base64Data("iVBORw0KGgo=").mimeType("image/png").build());
  }

  /** True if {@code text}, with spaces and dashes removed, still holds a raw card number. */
  static boolean leaksCard(String text) {
    String digits = text.replace(" ", "").replace("-", "");
    for (String card : RAW_CARDS) {
      if (digits.contains(card)) {
        return true;
      }
    }
    return false;
  }
}
