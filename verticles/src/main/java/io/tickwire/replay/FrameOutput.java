package io.tickwire.replay;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes {@code [4-byte big-endian length][payload]} frames into one buffer of its own and hands the socket whole
 * buffers: a frame costs a copy into an array, not several calls through a synchronized stream.
 * Not thread-safe: one per connection.
 */
final class FrameOutput implements Flushable {
  static final int HEADER_BYTES = 4;

  private final OutputStream out;
  private final byte[] buffer;
  private int filled;

  FrameOutput(OutputStream out, int bufferBytes) {
    this.out = out;
    this.buffer = new byte[bufferBytes];
  }

  void frame(byte[] payload, int offset, int length) throws IOException {
    if (buffer.length - filled < HEADER_BYTES + length) {
      flush();
    }
    if (HEADER_BYTES + length > buffer.length) {
      writeHeader(length);
      flush();
      out.write(payload, offset, length);
      return;
    }
    writeHeader(length);
    System.arraycopy(payload, offset, buffer, filled, length);
    filled += length;
  }

  private void writeHeader(int length) {
    buffer[filled] = (byte) (length >>> 24);
    buffer[filled + 1] = (byte) (length >>> 16);
    buffer[filled + 2] = (byte) (length >>> 8);
    buffer[filled + 3] = (byte) length;
    filled += HEADER_BYTES;
  }

  @Override
  public void flush() throws IOException {
    if (filled > 0) {
      out.write(buffer, 0, filled);
      filled = 0;
    }
    out.flush();
  }
}
