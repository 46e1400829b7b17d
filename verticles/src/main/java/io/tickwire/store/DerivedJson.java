package io.tickwire.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.SmilePoint;
import io.tickwire.codecs.VenueQuote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The jsonb columns of the derived tables, written from and read back to exact decimals: {@code spot_mid.venues}
 * (objects like the v1 JSON's venue objects) and {@code iv_surface.smile} ({@code [[strike, iv], ...]}). jsonb keeps
 * numbers as {@code numeric}, so a price's digits come back as written; reading goes through the number's text,
 * never a double, and does not depend on key order (jsonb sorts keys its own way).
 */
final class DerivedJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private DerivedJson() {
  }

  static String venues(List<VenueQuote> quotes) {
    StringBuilder json = new StringBuilder(128 * quotes.size() + 2).append('[');
    for (int i = 0; i < quotes.size(); i++) {
      VenueQuote q = quotes.get(i);
      json.append(i == 0 ? "{" : ",{");
      text(json, "venue", q.venue()).append(',');
      text(json, "symbol", q.symbol()).append(',');
      if (q.quoted()) {
        decimal(json, "bid", q.bidPrice()).append(',');
        decimal(json, "bid_size", q.bidSize()).append(',');
        decimal(json, "ask", q.askPrice()).append(',');
        decimal(json, "ask_size", q.askSize()).append(',');
        json.append("\"mid\":").append(q.exactMid().toPlainString()).append(',');
        text(json, "quote_ts", IsoTime.format(q.quoteTime())).append(',');
        json.append("\"age_ms\":").append(q.ageMs()).append(',');
      }
      json.append("\"fresh\":").append(q.fresh()).append('}');
    }
    return json.append(']').toString();
  }

  static String smile(List<SmilePoint> points) {
    StringBuilder json = new StringBuilder(24 * points.size() + 2).append('[');
    for (int i = 0; i < points.size(); i++) {
      json.append(i == 0 ? "[" : ",[");
      Decimals.append(json, points.get(i).strike()).append(',').append(points.get(i).iv()).append(']');
    }
    return json.append(']').toString();
  }

  private static StringBuilder text(StringBuilder json, String name, String value) {
    json.append('"').append(name).append("\":\"");
    JsonStringEncoder.getInstance().quoteAsString(value, json);
    return json.append('"');
  }

  private static StringBuilder decimal(StringBuilder json, String name, long packed) {
    json.append('"').append(name).append("\":");
    return Decimals.append(json, packed);
  }

  static List<VenueQuote> readVenues(String json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_ARRAY);
      List<VenueQuote> out = new ArrayList<>();
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        expect(t, JsonToken.START_OBJECT);
        out.add(readVenue(p));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("spot_mid.venues is not what tickwire wrote: " + e.getMessage(), e);
    }
  }

  private static VenueQuote readVenue(JsonParser p) throws IOException {
    String venue = null;
    String symbol = null;
    long bid = 0;
    long bidSize = 0;
    long ask = 0;
    long askSize = 0;
    long quoteTime = 0;
    long ageMs = -1;
    boolean fresh = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (value == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (name) {
        case "venue" -> venue = p.getText();
        case "symbol" -> symbol = p.getText();
        case "bid" -> bid = Decimals.parse(p.getText());
        case "bid_size" -> bidSize = Decimals.parse(p.getText());
        case "ask" -> ask = Decimals.parse(p.getText());
        case "ask_size" -> askSize = Decimals.parse(p.getText());
        case "quote_ts" -> quoteTime = IsoTime.parse(p.getText());
        case "age_ms" -> ageMs = p.getLongValue();
        case "fresh" -> fresh = p.getBooleanValue();
        default -> p.skipChildren(); // the mid, recomputed from bid and ask
      }
    }
    return new VenueQuote(venue, symbol, bid, bidSize, ask, askSize, quoteTime, ageMs, fresh);
  }

  static List<SmilePoint> readSmile(String json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_ARRAY);
      List<SmilePoint> out = new ArrayList<>();
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        expect(t, JsonToken.START_ARRAY);
        p.nextToken();
        long strike = Decimals.parse(p.getText());
        p.nextToken();
        double iv = p.getDoubleValue();
        expect(p.nextToken(), JsonToken.END_ARRAY);
        out.add(new SmilePoint(strike, iv));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("iv_surface.smile is not what tickwire wrote: " + e.getMessage(), e);
    }
  }

  private static void expect(JsonToken found, JsonToken wanted) throws IOException {
    if (found != wanted) {
      throw new IOException("expected " + wanted + ", found " + found);
    }
  }
}
