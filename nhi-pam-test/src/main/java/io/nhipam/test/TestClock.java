package io.nhipam.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A clock for tests: fixed until told to move, so expiry is tested without sleeping. Thread-safe. */
public final class TestClock extends Clock {
  /** Where a {@link NhiPamTest} clock starts unless told otherwise. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  private volatile Instant now;

  public TestClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  public TestClock() {
    this(DEFAULT_START);
  }

  /** Moves the clock forward by {@code duration}. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a test clock only moves forward by advance(); use set() to go back");
    }
    now = now.plus(duration);
  }

  /** Sets the clock to {@code instant} (may move backwards, to test not-before handling). */
  public void set(Instant instant) {
    now = Objects.requireNonNull(instant, "instant");
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public String toString() {
    return "TestClock[" + now + "]";
  }
}
