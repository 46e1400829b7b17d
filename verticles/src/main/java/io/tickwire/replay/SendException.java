package io.tickwire.replay;

import java.io.IOException;

/** A send that failed, with what was written before it did; the message names the target. */
public final class SendException extends IOException {
  private final transient SendResult sentBefore;

  SendException(String message, SendResult sentBefore, IOException cause) {
    super(message, cause);
    this.sentBefore = sentBefore;
  }

  /** Frames written before the failure (the last of them may not have arrived). */
  public SendResult sentBefore() {
    return sentBefore;
  }
}
