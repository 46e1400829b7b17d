package io.tickwire.connector.kraken;

/** How a frame is quoted in an error message: enough to recognise it, never a whole depth-1000 snapshot. */
final class FrameText {
  private static final int SHOWN_CHARS = 160;

  private FrameText() {
  }

  static String shown(String frame) {
    return frame.length() > SHOWN_CHARS ? frame.substring(0, SHOWN_CHARS) + "..." : frame;
  }
}
