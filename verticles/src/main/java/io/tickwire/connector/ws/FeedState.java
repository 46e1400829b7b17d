package io.tickwire.connector.ws;

/** Where a {@link WebSocketFeed} is in its life; reported in health as its lowercase name. */
public enum FeedState {
  CONNECTING, OPEN, BACKING_OFF, FAILED, STOPPED;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
