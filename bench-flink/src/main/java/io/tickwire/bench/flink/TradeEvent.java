package io.tickwire.bench.flink;

/**
 * One trade as the job carries it between operators: a Flink POJO (public fields, no-argument constructor), so Flink
 * serializes it with its own POJO serializer rather than falling back to Kryo. Price and size are exact, as longs
 * scaled by {@link Scaled#FACTOR}.
 */
public class TradeEvent {
  /** {@code venue|symbol}, made once at parse time: the key of every window. */
  public String key;
  public String tradeId;
  public long eventMicros;
  public long price;
  public long size;

  public TradeEvent() {
  }

  public TradeEvent(String key, String tradeId, long eventMicros, long price, long size) {
    this.key = key;
    this.tradeId = tradeId;
    this.eventMicros = eventMicros;
    this.price = price;
    this.size = size;
  }

  /** Event time in milliseconds, Flink's timestamp unit (floor, so a window holds the same trades as in micros). */
  public long eventMillis() {
    return Math.floorDiv(eventMicros, 1000);
  }
}
