package io.tickwire.connector;

import io.vertx.core.buffer.Buffer;
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
}
