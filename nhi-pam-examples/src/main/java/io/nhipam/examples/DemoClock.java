package io.nhipam.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Real time, plus whatever the story skips ahead ("eleven minutes later"), so a demo needs no waiting. */
final class DemoClock extends Clock {
  private final Clock base = Clock.systemUTC();
  private volatile Duration skipped = Duration.ZERO;

  void skip(Duration d) {
    skipped = skipped.plus(d);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(skipped);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
