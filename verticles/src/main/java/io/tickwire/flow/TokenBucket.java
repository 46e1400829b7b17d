package io.tickwire.flow;

/**
 * A token bucket: at most {@code burst} takes at once, refilled at {@code perSecond}. Used where a remote party
 * limits how often it may be asked (REST snapshots), so a burst of demand is spread out instead of tripping the
 * limit. Times are caller-supplied nanoseconds ({@link System#nanoTime()}), so tests need no sleeping. Not
 * thread-safe: owned by one event loop.
 */
public final class TokenBucket {
  private final double perNano;
  private final double capacity;
  private double tokens;
  private long last;

  public TokenBucket(double perSecond, int burst, long nowNanos) {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("token rate must be a positive number per second, was " + perSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("token burst must be at least 1, was " + burst);
    }
    this.perNano = perSecond / 1e9;
    this.capacity = burst;
    this.tokens = burst;
    this.last = nowNanos;
  }

  /** Takes a token if one is there. */
  public boolean tryTake(long nowNanos) {
    refill(nowNanos);
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /** How long until a token is there (0 when one is there now). */
  public long nanosUntilToken(long nowNanos) {
    refill(nowNanos);
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
  }

  private void refill(long nowNanos) {
    if (nowNanos > last) {
      tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
      last = nowNanos;
    }
  }
}
