package io.tickwire.codecs;

import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes v1 JSON records, one object per line ({@code \n}-terminated), through one reusable streaming generator:
 * printing, archiving or serving every event must not allocate a tree, and decimals are written from their exact
 * digits ({@code 65000.10} stays {@code 65000.10}). Either into an internal buffer ({@link #V1JsonWriter()}; read
 * it with {@link #toString()}, {@link #toByteArray()} or {@link #appendTo(Buffer)}, then {@link #reset()}) or
 * straight into a caller's stream ({@link #V1JsonWriter(OutputStream)}; call {@link #flush()}).
 *
 * <p>Non-finite doubles (NaN, infinities) are written as {@code null}, which JSON can carry and readers read back
 * as NaN. An ingest time of 0 ("not set") is omitted, and so is a next funding time of 0. Not thread-safe: one writer per thread or verticle.
 */
public final class V1JsonWriter {
  private final ExposedBuffer buffer;
  private final JsonGenerator gen;
  private final StringBuilder text = new StringBuilder(32);
  private char[] chars = new char[32];

  /** Writes into an internal, growable buffer. */
  public V1JsonWriter() {
    this(new ExposedBuffer(256), true);
  }

  /** Writes into {@code out}; bytes reach it on {@link #flush()} or when the generator's own buffer fills. */
  public V1JsonWriter(OutputStream out) {
    this(out, false);
  }

  private V1JsonWriter(OutputStream out, boolean internal) {
    this.buffer = internal ? (ExposedBuffer) out : null;
    try {
      this.gen = V1Json.FACTORY.createGenerator(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    gen.setRootValueSeparator(null); // lines are separated by our own '\n'
  }

  /**
   * Appends one record as one line; dispatches on MarketEvent, Bar, Signal, Anomaly, FeatureSnapshot, BookSnapshot,
   * SpotMid, IvSurface, InfoBar.
   */
  public V1JsonWriter write(Object record) {
    if (record instanceof MarketEvent event) {
      return writeEvent(event);
    } else if (record instanceof Bar bar) {
      return writeBar(bar);
    } else if (record instanceof Signal signal) {
      return writeSignal(signal);
    } else if (record instanceof Anomaly anomaly) {
      return writeAnomaly(anomaly);
    } else if (record instanceof FeatureSnapshot features) {
      return writeFeatures(features);
    } else if (record instanceof BookSnapshot book) {
      return writeBookSnapshot(book);
    } else if (record instanceof SpotMid sample) {
      return writeSpotMid(sample);
    } else if (record instanceof IvSurface surface) {
      return writeIvSurface(surface);
    } else if (record instanceof InfoBar bar) {
      return writeInfoBar(bar);
    }
    throw new IllegalArgumentException("no v1 JSON form for " + (record == null ? "null" : record.getClass().getName()));
  }

  /** Every item of a batch, one line each. */
  public V1JsonWriter writeAll(List<?> records) {
    for (Object record : records) {
      write(record);
    }
    return this;
  }

  public V1JsonWriter writeEvent(MarketEvent event) {
    try {
      begin(event.kind().wire());
      gen.writeStringField("venue", event.venue());
      gen.writeStringField("symbol", event.symbol());
      if (event instanceof Trade trade) {
        tradeFields(trade);
      } else if (event instanceof Quote quote) {
        quoteFields(quote);
      } else if (event instanceof BookUpdate book) {
        bookFields(book);
      } else if (event instanceof FeedGap gap) {
        gen.writeStringField("reason", gap.reason());
      } else if (event instanceof OptionTicker ticker) {
        optionTickerFields(ticker);
      } else if (event instanceof MarkFunding funding) {
        markFundingFields(funding);
      } else if (event instanceof VolatilityIndex index) {
        decimal("value", index.value());
      }
      time("src_ts", event.eventTime());
      if (event.ingestTime() != 0) {
        time("ingest_ts", event.ingestTime());
      }
      gen.writeNumberField("seq", event.seq());
      gen.writeStringField("event_id", event.eventId());
      return end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void tradeFields(Trade trade) throws IOException {
    gen.writeStringField("trade_id", trade.tradeId());
    decimal("price", trade.price());
    decimal("size", trade.size());
    gen.writeStringField("side", trade.side().wire());
    if (trade.backfill()) { // absent when false: live trades are written exactly as before the flag existed
      gen.writeBooleanField("backfill", true);
    }
  }

  private void quoteFields(Quote quote) throws IOException {
    decimal("bid", quote.bidPrice());
    decimal("bid_size", quote.bidSize());
    decimal("ask", quote.askPrice());
    decimal("ask_size", quote.askSize());
  }

  private void optionTickerFields(OptionTicker ticker) throws IOException {
    OptionContract contract = ticker.contract();
    gen.writeStringField("underlying", contract.underlying());
    time("expiry", contract.expiry());
    decimal("strike", contract.strike());
    gen.writeStringField("option_type", contract.type().wire());
    decimal("mark_price", ticker.markPrice());
    decimal("bid", ticker.bidPrice());
    decimal("bid_size", ticker.bidSize());
    decimal("ask", ticker.askPrice());
    decimal("ask_size", ticker.askSize());
    decimal("underlying_price", ticker.underlyingPrice());
    decimal("index_price", ticker.indexPrice());
    number("mark_iv", ticker.markIv());
    number("bid_iv", ticker.bidIv());
    number("ask_iv", ticker.askIv());
    number("delta", ticker.greeks().delta());
    number("gamma", ticker.greeks().gamma());
    number("vega", ticker.greeks().vega());
    number("theta", ticker.greeks().theta());
    decimal("open_interest", ticker.openInterest());
  }

  private void markFundingFields(MarkFunding funding) throws IOException {
    decimal("mark_price", funding.markPrice());
    decimal("index_price", funding.indexPrice());
    decimal("est_settlement_price", funding.settlementPrice());
    decimal("funding_rate", funding.fundingRate());
    if (funding.nextFundingTime() != 0) {
      time("next_funding_ts", funding.nextFundingTime());
    }
  }

  private void bookFields(BookUpdate book) throws IOException {
    gen.writeBooleanField("snapshot", book.snapshot());
    levels("bids", book.levels(), Side.BUY);
    levels("asks", book.levels(), Side.SELL);
  }

  private void levels(String name, List<BookLevel> levels, Side side) throws IOException {
    gen.writeArrayFieldStart(name);
    for (BookLevel level : levels) {
      if (level.side() == side) {
        gen.writeStartArray();
        decimalValue(level.price());
        decimalValue(level.size());
        gen.writeEndArray();
      }
    }
    gen.writeEndArray();
  }

  /**
   * An information-driven bar, kind {@code info_bar}: {@code series} names kind and threshold ({@code volume:5}),
   * {@code start} and {@code end} are its first and last trade's event times (both inclusive).
   */
  public V1JsonWriter writeInfoBar(InfoBar bar) {
    try {
      begin("info_bar");
      gen.writeStringField("venue", bar.venue());
      gen.writeStringField("symbol", bar.symbol());
      gen.writeStringField("series", bar.series());
      ohlcv(bar.start(), bar.end(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
      number("notional", bar.notional());
      gen.writeNumberField("trades", bar.trades());
      gen.writeStringField("first_trade_id", bar.firstTradeId());
      return end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What every kind of bar has: its span and its prices and volume. */
  private void ohlcv(long start, long end, double open, double high, double low, double close, double volume)
      throws IOException {
    time("start", start);
    time("end", end);
    number("open", open);
    number("high", high);
    number("low", low);
    number("close", close);
    number("volume", volume);
  }

  public V1JsonWriter writeBar(Bar bar) {
    try {
      begin("bar");
      gen.writeStringField("venue", bar.venue());
      gen.writeStringField("symbol", bar.symbol());
      gen.writeStringField("interval", bar.interval());
      ohlcv(bar.start(), bar.end(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
      number("vwap", bar.vwap());
      gen.writeNumberField("trades", bar.trades());
      gen.writeNumberField("revision", bar.revision());
      if (bar.filled()) { // only then, so bars with trades keep the shape consumers already parse
        gen.writeBooleanField("filled", true);
      }
      return end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Signals carry no {@code kind}: the v1 contract identifies them by {@code provider}. */
  public V1JsonWriter writeSignal(Signal signal) {
    try {
      begin(null);
      gen.writeStringField("provider", signal.provider());
      gen.writeStringField("symbol", signal.symbol());
      time("ts", signal.ts());
      gen.writeStringField("name", signal.name());
      number("value", signal.value());
      number("score", signal.score());
      gen.writeFieldName("meta");
      JsonValues.write(gen, signal.meta());
      return end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public V1JsonWriter writeAnomaly(Anomaly anomaly) {
    try {
      begin("anomaly");
      gen.writeStringField("venue", anomaly.venue());
      gen.writeStringField("symbol", anomaly.symbol());
      gen.writeStringField("type", anomaly.type());
      time("ts", anomaly.ts());
      gen.writeStringField("detail", anomaly.detail());
      number("measure", anomaly.measure());
      return end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public V1JsonWriter writeFeatures(FeatureSnapshot snapshot) {
    try {
      begin("features");
      gen.writeStringField("venue", snapshot.venue());
      gen.writeStringField("symbol", snapshot.symbol());
      time("ts", snapshot.ts());
      number("price", snapshot.price());
      gen.writeObjectFieldStart("features");
      for (Map.Entry<String, Double> e : snapshot.features().entrySet()) {
        number(e.getKey(), e.getValue());
      }
      gen.writeEndObject();
      return end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Levels as {@code [price, size]} pairs like a book event's; derived values NaN when the book had none. */
  public V1JsonWriter writeBookSnapshot(BookSnapshot book) {
    try {
      begin(V1Json.BOOK_SNAPSHOT_KIND);
      gen.writeStringField("venue", book.venue());
      gen.writeStringField("symbol", book.symbol());
      time("ts", book.ts());
      levels("bids", book.bids(), Side.BUY);
      levels("asks", book.asks(), Side.SELL);
      number(BookSnapshot.MID, book.mid());
      number(BookSnapshot.SPREAD_BPS, book.spreadBps());
      number(BookSnapshot.IMBALANCE_5, book.imbalance5());
      number(BookSnapshot.MICROPRICE, book.microprice());
      return end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Each venue as an object with its exact bid and ask; a venue that never quoted has nulls for its prices, time and
   * age. Values that could not be had (no fresh venue, no perpetual) are null.
   */
  public V1JsonWriter writeSpotMid(SpotMid sample) {
    try {
      begin(V1Json.SPOT_MID_KIND);
      gen.writeStringField("asset", sample.asset());
      time("ts", sample.ts());
      number("mid", sample.mid());
      gen.writeStringField("quality", sample.quality());
      gen.writeNumberField("fresh_venues", sample.freshVenues());
      number("dispersion_bps", sample.dispersionBps());
      gen.writeArrayFieldStart("venues");
      for (VenueQuote quote : sample.venues()) {
        venueQuote(quote);
      }
      gen.writeEndArray();
      number("perp_mark", sample.perpMark());
      number(SpotMid.BASIS, sample.basis());
      number(SpotMid.BASIS_BPS, sample.basisBps());
      number(SpotMid.FUNDING_RATE, sample.fundingRate());
      return end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void venueQuote(VenueQuote quote) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("venue", quote.venue());
    gen.writeStringField("symbol", quote.symbol());
    if (quote.quoted()) {
      decimal("bid", quote.bidPrice());
      decimal("bid_size", quote.bidSize());
      decimal("ask", quote.askPrice());
      decimal("ask_size", quote.askSize());
      number("mid", quote.mid());
      time("quote_ts", quote.quoteTime());
      gen.writeNumberField("age_ms", quote.ageMs());
    } else {
      for (String name : new String[] {"bid", "bid_size", "ask", "ask_size", "mid", "quote_ts", "age_ms"}) {
        gen.writeNullField(name);
      }
    }
    gen.writeBooleanField("fresh", quote.fresh());
    gen.writeEndObject();
  }

  /** Smile points as {@code [strike, iv]} pairs, the strike with its exact digits. */
  public V1JsonWriter writeIvSurface(IvSurface surface) {
    try {
      begin(V1Json.IV_SURFACE_KIND);
      gen.writeStringField("venue", surface.venue());
      gen.writeStringField("underlying", surface.underlying());
      time("expiry", surface.expiry());
      time("ts", surface.ts());
      number("forward", surface.forward());
      number("atm_iv", surface.atmIv());
      gen.writeNumberField("strikes_seen", surface.strikesSeen());
      gen.writeNumberField("strikes_kept", surface.strikesKept());
      gen.writeNumberField("oldest_input_age_ms", surface.oldestInputAgeMs());
      gen.writeArrayFieldStart("smile");
      for (SmilePoint point : surface.points()) {
        gen.writeStartArray();
        decimalValue(point.strike());
        numberValue(point.iv());
        gen.writeEndArray();
      }
      gen.writeEndArray();
      return end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void begin(String kind) throws IOException {
    gen.writeStartObject();
    gen.writeNumberField("ver", V1Json.VERSION);
    if (kind != null) {
      gen.writeStringField("kind", kind);
    }
  }

  private V1JsonWriter end() throws IOException {
    gen.writeEndObject();
    gen.writeRaw('\n');
    return this;
  }

  /** Exact digits as a JSON number, via a reused char[] so no String is made per field. */
  private void decimal(String name, long packed) throws IOException {
    gen.writeFieldName(name);
    decimalValue(packed);
  }

  private void decimalValue(long packed) throws IOException {
    Decimals.append(resetText(), packed);
    gen.writeNumber(textChars(), 0, text.length());
  }

  private void time(String name, long epochMicros) throws IOException {
    IsoTime.append(resetText(), epochMicros);
    gen.writeFieldName(name);
    gen.writeString(textChars(), 0, text.length());
  }

  private void number(String name, double value) throws IOException {
    gen.writeFieldName(name);
    numberValue(value);
  }

  private void numberValue(double value) throws IOException {
    if (Double.isFinite(value)) {
      gen.writeNumber(value);
    } else {
      gen.writeNull();
    }
  }

  private StringBuilder resetText() {
    text.setLength(0);
    return text;
  }

  private char[] textChars() {
    if (chars.length < text.length()) {
      chars = new char[text.length() * 2];
    }
    text.getChars(0, text.length(), chars, 0);
    return chars;
  }

  /** Pushes buffered output to the target (the internal buffer or the caller's stream). */
  public V1JsonWriter flush() {
    try {
      gen.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Bytes written since the last {@link #reset()} (internal buffer only). */
  public int size() {
    return internal().size();
  }

  public byte[] toByteArray() {
    return internal().toByteArray();
  }

  /** The lines written since the last {@link #reset()}, as text (internal buffer only). */
  @Override
  public String toString() {
    return internal().toString(StandardCharsets.UTF_8);
  }

  /** Appends the lines written since the last {@link #reset()} to {@code target} without an intermediate copy. */
  public Buffer appendTo(Buffer target) {
    ExposedBuffer b = internal();
    return target.appendBytes(b.array(), 0, b.size());
  }

  /** Forgets what was written, keeping the buffer's capacity (internal buffer only). */
  public V1JsonWriter reset() {
    internal().reset();
    return this;
  }

  private ExposedBuffer internal() {
    if (buffer == null) {
      throw new IllegalStateException("this writer writes to a caller's stream; it has no buffer to read");
    }
    flush();
    return buffer;
  }

  /** A ByteArrayOutputStream whose array can be handed to a Vert.x Buffer without copying it first. */
  private static final class ExposedBuffer extends ByteArrayOutputStream {
    ExposedBuffer(int size) {
      super(size);
    }

    byte[] array() {
      return buf;
    }
  }
}
