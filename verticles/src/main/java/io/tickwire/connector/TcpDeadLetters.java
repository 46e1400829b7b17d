package io.tickwire.connector;

import io.tickwire.flow.PerSecondSampler;
import io.tickwire.flow.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * Samples rejected frames to {@link Addresses#DLQ} as {@code {"reason","detail","source":"tcp" (or the bridge's),"remote",
 * "frame_prefix"}}. Only a prefix of the frame travels: enough to recognise the producer's mistake without
 * republishing megabytes of junk.
 */
public final class TcpDeadLetters {
  static final int PREFIX_CHARS = 256;
  private static final int DETAIL_CHARS = 512;
  /** UTF-8 needs at most 4 bytes a character, so this many bytes always cover the prefix. */
  private static final int PREFIX_BYTES = PREFIX_CHARS * 4;

  private final Vertx vertx;
  private final PerSecondSampler sampler;
  private final String source;

  TcpDeadLetters(Vertx vertx, int samplesPerSecond) {
    this(vertx, samplesPerSecond, "tcp");
  }

  /** Dead letters of another path that takes v1 JSON like the TCP ingest (the event-bus bridge), named {@code source}. */
  public TcpDeadLetters(Vertx vertx, int samplesPerSecond, String source) {
    this.vertx = vertx;
    this.sampler = new PerSecondSampler(samplesPerSecond);
    this.source = source;
  }

  public void offer(String reason, String detail, String remote, byte[] frame, int offset, int length) {
    if (!sampler.admit()) {
      return;
    }
    vertx.eventBus().publish(Addresses.DLQ, new JsonObject()
        .put("reason", reason)
        .put("detail", truncate(String.valueOf(detail), DETAIL_CHARS))
        .put("source", source)
        .put("remote", remote)
        .put("frame_prefix", prefix(frame, offset, length)));
  }

  /** The first {@link #PREFIX_CHARS} characters of a frame, decoding no more bytes than they can need. */
  static String prefix(byte[] frame, int offset, int length) {
    String text = new String(frame, offset, Math.min(length, PREFIX_BYTES), StandardCharsets.UTF_8);
    return truncate(text, PREFIX_CHARS);
  }

  private static String truncate(String text, int chars) {
    return text.length() <= chars ? text : text.substring(0, chars);
  }
}
