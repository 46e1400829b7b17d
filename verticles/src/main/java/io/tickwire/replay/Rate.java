package io.tickwire.replay;

/** A send rate in events per second, or {@link #MAX} for as fast as the receiver reads. */
public record Rate(long perSecond) {
  public static final Rate MAX = new Rate(0);

  public Rate {
    if (perSecond < 0) {
      throw new IllegalArgumentException("rate must be positive or max, got " + perSecond);
    }
  }

  /** Parses {@code max} or a positive whole number of events per second. */
  public static Rate parse(String text) {
    if ("max".equalsIgnoreCase(text)) {
      return MAX;
    }
    try {
      long n = Long.parseLong(text);
      if (n > 0) {
        return new Rate(n);
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("expected a positive number of events per second or max, got '" + text + "'");
  }

  public boolean isMax() {
    return perSecond == 0;
  }

  /**
   * Sender {@code index}'s part of this rate shared by {@code ways} senders; the parts add up to the whole. A
   * finite rate must give each sender at least one event per second (a part of 0 would read as max).
   */
  public Rate share(int ways, int index) {
    if (isMax()) {
      return MAX;
    }
    if (perSecond < ways) {
      throw new IllegalArgumentException("rate " + perSecond + "/s cannot be shared by " + ways + " senders");
    }
    return new Rate(perSecond / ways + (index < perSecond % ways ? 1 : 0));
  }

  @Override
  public String toString() {
    return isMax() ? "max" : perSecond + "/s";
  }
}
