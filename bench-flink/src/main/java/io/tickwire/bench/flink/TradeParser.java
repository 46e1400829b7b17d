package io.tickwire.bench.flink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Reads a v1 JSON line with Jackson's streaming parser (no tree per line) into a {@link TradeEvent}: price and size
 * exact, event time from {@code src_ts} (ISO-8601). Lines of other kinds (quotes, books) are skipped and counted; a
 * line that is not JSON, or a trade missing a field, fails the job naming the line, as a bad input should.
 */
final class TradeParser extends RichFlatMapFunction<String, TradeEvent> {
  static final String EVENTS = "events";
  static final String SKIPPED = "skipped";
  private static final int QUOTED_CHARS = 200;

  private transient JsonFactory json;
  private transient LongCounter events;
  private transient LongCounter skipped;

  @Override
  public void open(OpenContext context) {
    json = new JsonFactory();
    events = getRuntimeContext().getLongCounter(EVENTS);
    skipped = getRuntimeContext().getLongCounter(SKIPPED);
  }

  @Override
  public void flatMap(String line, Collector<TradeEvent> out) {
    if (line.isBlank()) {
      return;
    }
    events.add(1);
    Fields f;
    try (JsonParser parser = json.createParser(line)) {
      f = fields(parser);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a v1 JSON line (" + e.getMessage() + "): " + quoted(line), e);
    }
    if (!"trade".equals(f.kind)) {
      skipped.add(1);
      return;
    }
    out.collect(f.trade(line));
  }

  /** The top-level fields a trade needs; nested values (none in a trade) are skipped. */
  private static Fields fields(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw new IOException("expected a JSON object");
    }
    Fields f = new Fields();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      switch (name) {
        case "kind" -> f.kind = parser.getText();
        case "venue" -> f.venue = parser.getText();
        case "symbol" -> f.symbol = parser.getText();
        case "trade_id" -> f.tradeId = parser.getText();
        case "price" -> f.price(Scaled.of(parser.getDecimalValue()));
        case "size" -> f.size(Scaled.of(parser.getDecimalValue()));
        case "src_ts" -> f.eventMicros(micros(Instant.parse(parser.getText())));
        default -> parser.skipChildren();
      }
    }
    return f;
  }

  private static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  private static String quoted(String line) {
    return line.length() <= QUOTED_CHARS ? line : line.substring(0, QUOTED_CHARS) + "...";
  }

  /** One line's fields as read; a trade needs them all. */
  private static final class Fields {
    private static final int PRICE = 1;
    private static final int SIZE = 2;
    private static final int TIME = 4;
    private static final int NUMBERS = PRICE | SIZE | TIME;

    String kind;
    String venue;
    String symbol;
    String tradeId;
    private long price;
    private long size;
    private long eventMicros;
    /** Which of the numbers were present: primitives, so a line costs no boxing. */
    private int seen;

    void price(long value) {
      price = value;
      seen |= PRICE;
    }

    void size(long value) {
      size = value;
      seen |= SIZE;
    }

    void eventMicros(long value) {
      eventMicros = value;
      seen |= TIME;
    }

    TradeEvent trade(String line) {
      if (venue == null || symbol == null || tradeId == null || seen != NUMBERS) {
        throw new IllegalArgumentException("a trade needs venue, symbol, trade_id, price, size and src_ts: "
            + quoted(line));
      }
      return new TradeEvent(venue + '|' + symbol, tradeId, eventMicros, price, size);
    }
  }
}
