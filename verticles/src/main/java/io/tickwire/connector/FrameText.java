package io.tickwire.connector;

/**
 * How a venue frame is quoted in an error: enough of its start to recognise it, never a whole depth-1000 snapshot
 * of hundreds of kilobytes copied into health output and logs.
 */
public final class FrameText {
  private static final int SHOWN_CHARS = 200;

  private FrameText() {
  }

  /** The start of {@code frame}, marked with "..." when cut. */
  public static String shown(String frame) {
    return frame.length() <= SHOWN_CHARS ? frame : frame.substring(0, SHOWN_CHARS) + "...";
  }

  /** What was wrong with a frame a session could not read, then the frame's start: a session's last error. */
  public static String describe(RuntimeException e, String frame) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return why + "; frame: " + shown(frame);
  }
}
