package io.tickwire.bridge;

import io.vertx.core.buffer.Buffer;

/**
 * Follows the bridge protocol's framing ({@code [4-byte big-endian length][that many bytes]}) across the chunks of
 * one connection without keeping any of them, and says when a frame declares more than {@code maxFrameBytes}: so
 * a connection can be closed before a huge frame is ever buffered.
 */
final class FrameLengths {
  private static final int HEADER_BYTES = 4;

  private final int maxFrameBytes;
  private int headerRead;
  private int header;
  private long bodyLeft;
  private int refusedLength;

  FrameLengths(int maxFrameBytes) {
    this.maxFrameBytes = maxFrameBytes;
  }

  /** False as soon as a frame in {@code chunk} declares a length over the limit (or a negative one). */
  boolean accept(Buffer chunk) {
    int i = 0;
    int n = chunk.length();
    while (i < n) {
      if (bodyLeft > 0) {
        int skip = (int) Math.min(bodyLeft, n - i);
        bodyLeft -= skip;
        i += skip;
        continue;
      }
      header = (header << 8) | (chunk.getByte(i++) & 0xff);
      if (++headerRead == HEADER_BYTES) {
        if (header < 0 || header > maxFrameBytes) {
          refusedLength = header;
          return false;
        }
        bodyLeft = header;
        headerRead = 0;
        header = 0;
      }
    }
    return true;
  }

  /** The declared length that was refused. */
  int refusedLength() {
    return refusedLength;
  }
}
