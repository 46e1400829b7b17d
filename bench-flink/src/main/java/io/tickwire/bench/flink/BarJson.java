package io.tickwire.bench.flink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * Bars as v1 JSON lines, the shape tickwire writes them in ({@code "kind":"bar"}, {@code "interval":"1s"},
 * ISO-8601 {@code start} and {@code end}), so the two systems' bar files read the same way.
 */
final class BarJson {
  private static final ObjectMapper READER = new ObjectMapper();

  private final JsonGenerator out;

  BarJson(Writer writer) throws IOException {
    this.out = new JsonFactory().createGenerator(writer);
    out.setRootValueSeparator(null);
  }

  void write(OhlcvBar bar) throws IOException {
    out.writeStartObject();
    out.writeNumberField("ver", 1);
    out.writeStringField("kind", "bar");
    out.writeStringField("venue", bar.venue);
    out.writeStringField("symbol", bar.symbol);
    out.writeStringField("interval", Interval.label(bar.intervalMillis));
    out.writeStringField("start", Instant.ofEpochMilli(bar.startMillis).toString());
    out.writeStringField("end", Instant.ofEpochMilli(bar.startMillis + bar.intervalMillis).toString());
    out.writeNumberField("open", bar.open);
    out.writeNumberField("high", bar.high);
    out.writeNumberField("low", bar.low);
    out.writeNumberField("close", bar.close);
    out.writeNumberField("volume", bar.volume);
    out.writeNumberField("vwap", bar.vwap);
    out.writeNumberField("trades", bar.trades);
    out.writeNumberField("revision", 0);
    out.writeEndObject();
    out.writeRaw('\n');
  }

  void flush() throws IOException {
    out.flush();
  }

  /** A bar line, from either system; a revision of tickwire's is read like any bar. */
  static ComparedBar read(String line) throws IOException {
    JsonNode n = READER.readTree(line);
    return new ComparedBar(n.get("venue").asText(), n.get("symbol").asText(),
        Interval.parse(n.get("interval").asText()), Instant.parse(n.get("start").asText()).toEpochMilli(),
        n.get("open").asDouble(), n.get("high").asDouble(), n.get("low").asDouble(), n.get("close").asDouble(),
        n.get("volume").asDouble(), n.get("vwap").asDouble(), n.get("trades").asLong(),
        n.path("revision").asInt(0));
  }
}
