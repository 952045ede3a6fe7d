/** Test support for nhi-pam users: AssertJ assertions and a JUnit 5 extension. */
module io.nhipam.test {
  requires transitive io.nhipam.core;
  requires transitive org.assertj.core;
  requires transitive org.junit.jupiter.api;
  requires static org.jspecify;

  exports io.nhipam.test;
  opens io.nhipam.test to org.junit.platform.commons;
}
