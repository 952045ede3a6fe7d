package io.nhipam.examples;

import dev.langchain4j.agent.tool.Tool;
import io.nhipam.langchain4j.RequiresScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The finance bot's tools, written the way any LangChain4j tool is: they know nothing of nhi-pam
 * beyond the {@link RequiresScope} annotation. The guard around them decides who may call them.
 */
public final class FinanceTools {
  private final DataSource db;

  FinanceTools(DataSource db) {
    this.db = db;
  }

  @Tool("Reads one invoice by id")
  @RequiresScope("invoices:read")
  public String getInvoice(String id) throws SQLException {
    return one("SELECT id, customer, amount, due FROM invoices WHERE id = ?", id,
        rs -> "invoice " + rs.getString(1) + ": " + rs.getString(2) + ", " + rs.getBigDecimal(3) + " EUR, due "
            + rs.getDate(4));
  }

  @Tool("Reads the salary of one employee")
  @RequiresScope("payroll:read")
  public String getPayroll(String employee) throws SQLException {
    return one("SELECT employee, salary FROM payroll WHERE employee = ?", employee,
        rs -> "salary of " + rs.getString(1) + ": " + rs.getBigDecimal(2) + " EUR");
  }

  private String one(String sql, String key, Row row) throws SQLException {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? row.format(rs) : "not found: " + key;
      }
    }
  }

  interface Row {
    String format(ResultSet rs) throws SQLException;
  }
}
