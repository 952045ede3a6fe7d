package io.nhipam.langchain4j;

import dev.langchain4j.agent.tool.Tool;
import java.util.concurrent.atomic.AtomicInteger;

/** The finance bot's tools; counts calls so tests can prove a denied tool never ran. */
class FinanceTools {
  final AtomicInteger invoiceCalls = new AtomicInteger();
  final AtomicInteger payrollCalls = new AtomicInteger();

  @Tool("Reads one invoice")
  @RequiresScope("invoices:read")
  String getInvoice(String id) {
    invoiceCalls.incrementAndGet();
    return "invoice " + id + ": 1200.00 EUR, due 2026-02-01";
  }

  @Tool("Reads the payroll of one employee")
  @RequiresScope("payroll:read")
  String getPayroll(String employee) {
    payrollCalls.incrementAndGet();
    return "payroll " + employee + ": 8000.00 EUR";
  }
}
