package io.nhipam.test;

import io.nhipam.NhiPam;
import io.nhipam.audit.AuditLog;
import io.nhipam.audit.AuditSinks;
import io.nhipam.audit.InMemoryAuditSink;
import io.nhipam.credential.CredentialAuthority;
import io.nhipam.credential.KeyRing;
import io.nhipam.guard.Guard;
import io.nhipam.policy.Policy;
import io.nhipam.policy.PolicyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The extension behind {@link NhiPamTest}; see there. */
public final class NhiPamExtension implements ParameterResolver, AfterEachCallback {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NhiPamExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
    Class<?> t = pc.getParameter().getType();
    return t == NhiPam.class || t == Guard.class || t == CredentialAuthority.class || t == Policy.class
        || t == TestClock.class || t == InMemoryAuditSink.class;
  }

  @Override
  public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
    Fixture f = fixture(ec);
    Class<?> t = pc.getParameter().getType();
    if (t == NhiPam.class) {
      return f.pam;
    }
    if (t == Guard.class) {
      return f.pam.guard();
    }
    if (t == CredentialAuthority.class) {
      return f.pam.authority();
    }
    if (t == Policy.class) {
      return f.pam.policy();
    }
    if (t == TestClock.class) {
      return f.clock;
    }
    if (t == InMemoryAuditSink.class) {
      return f.sink;
    }
    throw new ParameterResolutionException("NhiPamTest cannot inject " + t.getName());
  }

  @Override
  public void afterEach(ExtensionContext ec) {
    Fixture f = ec.getStore(NS).remove(Fixture.class, Fixture.class);
    if (f != null) {
      f.pam.close();
    }
  }

  private static Fixture fixture(ExtensionContext ec) {
    return ec.getStore(NS).getOrComputeIfAbsent(Fixture.class, k -> create(ec), Fixture.class);
  }

  private static Fixture create(ExtensionContext ec) {
    Class<?> testClass = ec.getRequiredTestClass();
    NhiPamTest config = findAnnotation(testClass);
    Instant start;
    try {
      start = Instant.parse(config.start());
    } catch (DateTimeParseException e) {
      throw new ExtensionConfigurationException("@NhiPamTest(start = \"" + config.start() + "\") is not an ISO-8601"
          + " instant such as 2026-01-01T00:00:00Z", e);
    }
    Policy policy = loadPolicy(testClass, config.policy());
    TestClock clock = new TestClock(start);
    InMemoryAuditSink sink = AuditSinks.inMemory();
    NhiPam pam = NhiPam.builder().policy(policy).keyRing(KeyRing.generate()).audit(AuditLog.of(sink)).clock(clock)
        .build();
    return new Fixture(pam, clock, sink);
  }

  private static NhiPamTest findAnnotation(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      NhiPamTest a = c.getAnnotation(NhiPamTest.class);
      if (a != null) {
        return a;
      }
    }
    throw new ExtensionConfigurationException("NhiPamExtension needs @NhiPamTest(policy = ...) on " + testClass.getName());
  }

  static Policy loadPolicy(Class<?> anchor, String location) {
    PolicyLoader.Format format = PolicyLoader.Format.forFileName(location).orElseThrow(() ->
        new ExtensionConfigurationException("@NhiPamTest(policy = \"" + location + "\") must end in .yaml, .yml or"
            + " .json"));
    try (InputStream in = open(anchor, location)) {
      if (in != null) {
        return PolicyLoader.load(in, format, location);
      }
      Path file = Path.of(location);
      if (Files.isRegularFile(file)) {
        return PolicyLoader.load(file);
      }
    } catch (IOException e) {
      throw new ExtensionConfigurationException("could not read policy " + location + ": " + e.getMessage(), e);
    }
    throw new ExtensionConfigurationException("policy " + location + " was found neither on the class path (next to "
        + anchor.getName().toLowerCase(Locale.ROOT) + " or at the root) nor as a file");
  }

  private static InputStream open(Class<?> anchor, String location) {
    InputStream in = anchor.getResourceAsStream(location);
    if (in == null) {
      ClassLoader cl = anchor.getClassLoader();
      in = cl.getResourceAsStream(location.startsWith("/") ? location.substring(1) : location);
    }
    return in;
  }

  private record Fixture(NhiPam pam, TestClock clock, InMemoryAuditSink sink) {}
}
