package io.nhipam.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Logback is on this module's class path (it is the audit peer); without a configuration file it
 * logs everything at DEBUG to the console, which would tax jCasbin and every peer that logs.
 * Benchmarks call {@link #warnOnly()} in their setup instead of shipping a logback.xml.
 */
final class QuietLogging {
  private QuietLogging() {}

  static void warnOnly() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext) {
      LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
      ctx.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    }
  }
}
