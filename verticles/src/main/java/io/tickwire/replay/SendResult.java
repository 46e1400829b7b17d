package io.tickwire.replay;

import java.time.Duration;

/** What a sender wrote: frames, bytes on the wire (headers included) and how long it took. */
public record SendResult(long frames, long bytes, long elapsedNanos) {
  public static final SendResult NONE = new SendResult(0, 0, 0);

  public Duration elapsed() {
    return Duration.ofNanos(elapsedNanos);
  }

  /** Frames per second over the whole send; 0 when nothing was timed. */
  public double eventsPerSecond() {
    return elapsedNanos <= 0 ? 0 : frames * 1e9 / elapsedNanos;
  }
}
