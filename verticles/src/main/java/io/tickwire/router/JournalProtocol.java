package io.tickwire.router;

import io.tickwire.codecs.TickBatch;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * The {@code md.journal} request/reply, defined once for the router that answers and the batchers that ask.
 * Request: {@code {partition, fromSeq, max}}. Reply: a {@link TickBatch} of up to {@code max} journaled events with
 * {@code seq >= fromSeq}, with the partition's cutoff and the last sequence number assigned so far as headers.
 */
public final class JournalProtocol {
  static final String PARTITION = "partition";
  static final String FROM_SEQ = "fromSeq";
  static final String MAX = "max";
  static final String CUTOFF_HEADER = "tw-cutoff";
  static final String LAST_SEQ_HEADER = "tw-last-seq";

  private JournalProtocol() {
  }

  /** What a taking-over node asks for. */
  public record Request(int partition, long fromSeq, int max) {
    public JsonObject toJson() {
      return new JsonObject().put(PARTITION, partition).put(FROM_SEQ, fromSeq).put(MAX, max);
    }

    static Request fromJson(JsonObject json) {
      return new Request(json.getInteger(PARTITION), json.getLong(FROM_SEQ), json.getInteger(MAX));
    }
  }

  /**
   * One reply: {@code events} in sequence order; {@code cutoff}, from which the journal keeps every event (windows
   * starting before it may be incomplete); {@code lastSeq}, the last sequence number the router had assigned.
   */
  public record Chunk(TickBatch events, long cutoff, long lastSeq) {
    /** True when the chunk holds everything journaled from the request on (it was not cut at {@code max}). */
    public boolean last(int max) {
      return events.items().size() < max;
    }

    DeliveryOptions headers() {
      return new DeliveryOptions().addHeader(CUTOFF_HEADER, Long.toString(cutoff))
          .addHeader(LAST_SEQ_HEADER, Long.toString(lastSeq));
    }

    public static Chunk from(Message<TickBatch> reply) {
      return new Chunk(reply.body(), Long.parseLong(reply.headers().get(CUTOFF_HEADER)),
          Long.parseLong(reply.headers().get(LAST_SEQ_HEADER)));
    }
  }
}
