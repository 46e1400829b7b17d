package io.tickwire.connector;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Builds TCP ingest frames, {@code [4-byte big-endian length][UTF-8 v1 JSON event]}, for producers and tests. */
public final class FrameWriter {
  private FrameWriter() {
  }

  public static Buffer frame(byte[] json) {
    return Buffer.buffer(FrameDecoder.HEADER_BYTES + json.length).appendInt(json.length).appendBytes(json);
  }

  public static Buffer frame(String json) {
    return frame(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes one frame to a blocking producer's stream, without building a buffer per frame. */
  public static void write(OutputStream out, byte[] json) throws IOException {
    int n = json.length;
    out.write(n >>> 24);
    out.write(n >>> 16);
    out.write(n >>> 8);
    out.write(n);
    out.write(json);
  }
}
