package io.nhipam.examples;

import dev.langchain4j.agent.tool.Tool;
import io.nhipam.langchain4j.RequiresScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The support agent's tool: returns a ticket's free text and its JSON metadata, card numbers and all. */
public final class SupportTools {
  private final DataSource db;

  SupportTools(DataSource db) {
    this.db = db;
  }

  @Tool("Looks up a support ticket by number")
  @RequiresScope("tickets:read")
  public String lookupTicket(int id) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT customer, body, meta FROM tickets WHERE id = ?")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? "ticket " + id + " from " + rs.getString(1) + ": " + rs.getString(2) + " meta="
            + rs.getString(3) : "no ticket " + id;
      }
    }
  }
}
