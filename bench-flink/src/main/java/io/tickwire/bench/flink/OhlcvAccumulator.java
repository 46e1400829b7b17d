package io.tickwire.bench.flink;

/**
 * The running state of one bar: open and close by event time (ties by trade id, see {@link TradeOrder}), high, low,
 * exact volume, the notional for the VWAP and the trade count. A Flink POJO, as window state.
 */
public class OhlcvAccumulator {
  public long open;
  public long openMicros;
  public String openId;
  public long close;
  public long closeMicros;
  public String closeId;
  public long high;
  public long low;
  public long volume;
  /** A double sum, as tickwire's: another arrival order may change its last bits, nothing else. */
  public double notional;
  public long trades;

  public OhlcvAccumulator() {
  }

  void add(TradeEvent t) {
    if (trades == 0) {
      open = close = high = low = t.price;
      openMicros = closeMicros = t.eventMicros;
      openId = closeId = t.tradeId;
    } else {
      takeOpen(t.price, t.eventMicros, t.tradeId);
      takeClose(t.price, t.eventMicros, t.tradeId);
      high = Math.max(high, t.price);
      low = Math.min(low, t.price);
    }
    volume = Math.addExact(volume, t.size);
    notional += Scaled.toDouble(t.price) * Scaled.toDouble(t.size);
    trades++;
  }

  /** Folds {@code other} in; only merging windows need it, tumbling ones never call it. */
  void merge(OhlcvAccumulator other) {
    if (other.trades == 0) {
      return;
    }
    if (trades == 0) {
      copy(other);
      return;
    }
    takeOpen(other.open, other.openMicros, other.openId);
    takeClose(other.close, other.closeMicros, other.closeId);
    high = Math.max(high, other.high);
    low = Math.min(low, other.low);
    volume = Math.addExact(volume, other.volume);
    notional += other.notional;
    trades += other.trades;
  }

  private void takeOpen(long price, long micros, String id) {
    if (TradeOrder.before(micros, id, openMicros, openId)) {
      open = price;
      openMicros = micros;
      openId = id;
    }
  }

  private void takeClose(long price, long micros, String id) {
    if (!TradeOrder.before(micros, id, closeMicros, closeId)) {
      close = price;
      closeMicros = micros;
      closeId = id;
    }
  }

  private void copy(OhlcvAccumulator o) {
    open = o.open;
    openMicros = o.openMicros;
    openId = o.openId;
    close = o.close;
    closeMicros = o.closeMicros;
    closeId = o.closeId;
    high = o.high;
    low = o.low;
    volume = o.volume;
    notional = o.notional;
    trades = o.trades;
  }
}
