package io.tickwire.connector.coinbase;

/**
 * The text a session keeps as its last error for a frame it could not read: what was wrong, then the start of the
 * frame, enough to recognise it without copying a book snapshot of hundreds of kilobytes into health output.
 */
final class FrameErrors {
  private static final int PREFIX_CHARS = 200;

  private FrameErrors() {
  }

  static String describe(RuntimeException e, String frame) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return why + "; frame: " + prefix(frame);
  }

  static String prefix(String frame) {
    return frame.length() <= PREFIX_CHARS ? frame : frame.substring(0, PREFIX_CHARS) + "...";
  }
}
