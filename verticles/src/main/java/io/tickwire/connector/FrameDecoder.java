package io.tickwire.connector;

import io.vertx.core.buffer.Buffer;

/**
 * Splits one connection's byte stream into {@code [4-byte big-endian length][payload]} frames. A frame that
 * arrives whole within one read is handed over in place; only a frame split across reads is copied, into a
 * buffer that grows with the bytes actually received (never to the declared length up front), so a producer
 * that declares a large frame and trickles it cannot make us allocate more than it sent. A declared length
 * outside {@code 1..maxFrameBytes} fails the stream: the framing is lost and nothing after it can be trusted.
 *
 * <p>Not thread-safe: one decoder per connection, used from its event loop.
 */
final class FrameDecoder {
  static final int HEADER_BYTES = 4;
  /** A partial-frame buffer larger than this is released after its frame, so idle connections stay small. */
  private static final int RETAINED_BODY_BYTES = 64 * 1024;
  private static final byte[] NONE = new byte[0];

  /** Receives each complete frame's payload; the bytes are only valid during the call. */
  interface Frames {
    void frame(byte[] bytes, int offset, int length);
  }

  /** The stream declared a frame length we refuse; the connection must be closed. */
  static final class FrameLengthException extends RuntimeException {
    private final long declared;

    FrameLengthException(long declared, int maxFrameBytes) {
      super(declared <= 0 ? "declared frame length " + declared + " is not positive"
          : "declared frame length " + declared + " exceeds max_frame_bytes " + maxFrameBytes);
      this.declared = declared;
    }

    /** Whether the length was too large (rather than zero or negative). */
    boolean tooLarge() {
      return declared > 0;
    }
  }

  private final int maxFrameBytes;
  private final byte[] header = new byte[HEADER_BYTES];
  private int headerFill;
  private int declared = -1;
  private byte[] body = NONE;
  private int bodyFill;
  private int peakBuffered;

  FrameDecoder(int maxFrameBytes) {
    this.maxFrameBytes = maxFrameBytes;
  }

  /** Hands every frame completed by {@code chunk} to {@code frames}; throws on a refused length. */
  void feed(Buffer chunk, Frames frames) {
    byte[] data = chunk.getBytes();
    int pos = 0;
    while (pos < data.length) {
      if (declared < 0) {
        pos = readHeader(data, pos);
      } else if (bodyFill == 0 && data.length - pos >= declared) {
        pos = emitInPlace(data, pos, frames);
      } else {
        pos = readBody(data, pos, frames);
      }
    }
  }

  private int readHeader(byte[] data, int pos) {
    if (headerFill == 0 && data.length - pos >= HEADER_BYTES) {
      declareLength(lengthAt(data, pos));
      return pos + HEADER_BYTES;
    }
    header[headerFill++] = data[pos];
    if (headerFill == HEADER_BYTES) {
      headerFill = 0;
      declareLength(lengthAt(header, 0));
    }
    return pos + 1;
  }

  private static int lengthAt(byte[] bytes, int at) {
    return (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
        | bytes[at + 3] & 0xff;
  }

  private void declareLength(int length) {
    if (length <= 0 || length > maxFrameBytes) {
      throw new FrameLengthException(length, maxFrameBytes);
    }
    declared = length;
  }

  private int emitInPlace(byte[] data, int pos, Frames frames) {
    int length = declared;
    declared = -1;
    frames.frame(data, pos, length);
    return pos + length;
  }

  private int readBody(byte[] data, int pos, Frames frames) {
    int take = Math.min(declared - bodyFill, data.length - pos);
    ensureBodyCapacity(bodyFill + take);
    System.arraycopy(data, pos, body, bodyFill, take);
    bodyFill += take;
    if (bodyFill == declared) {
      emitBuffered(frames);
    }
    return pos + take;
  }

  private void ensureBodyCapacity(int needed) {
    if (needed <= body.length) {
      return;
    }
    int grown = (int) Math.min(declared, Math.max(needed, 2L * body.length));
    byte[] bigger = new byte[grown];
    System.arraycopy(body, 0, bigger, 0, bodyFill);
    body = bigger;
    peakBuffered = Math.max(peakBuffered, HEADER_BYTES + body.length);
  }

  private void emitBuffered(Frames frames) {
    int length = declared;
    declared = -1;
    bodyFill = 0;
    byte[] frame = body;
    if (body.length > RETAINED_BODY_BYTES) {
      body = NONE;
    }
    frames.frame(frame, 0, length);
  }

  /** Whether a frame has been started but not completed (bytes would be lost if the stream ended now). */
  boolean midFrame() {
    return headerFill > 0 || declared >= 0;
  }

  /** The most bytes this decoder ever held for partial frames: at most {@code maxFrameBytes + 4}. */
  int peakBuffered() {
    return peakBuffered;
  }
}
