package io.tickwire.codecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The byte-level trade reader must agree with the general reader wherever it answers: same trade, no unknown keys.
 * Where it cannot vouch for a frame it answers null, and the general reader classifies the frame as before.
 */
class V1TradeBytesTest {
  private static final String CANONICAL = "{\"ver\":1,\"kind\":\"trade\",\"venue\":\"coinbase\",\"symbol\":\"BTC-USD\","
      + "\"trade_id\":\"t-42\",\"price\":65000.10,\"size\":0.5,\"side\":\"buy\",\"src_ts\":\"2024-05-01T12:00:00.123456Z\","
      + "\"ingest_ts\":\"2024-05-01T12:00:00.124956Z\",\"seq\":183,\"event_id\":\"coinbase|BTC-USD|x|183\"}";

  private final V1TradeBytes fast = new V1TradeBytes();

  @Test
  void theWritersOwnTradesTakeTheFastPathAndReadAsTheGeneralReaderReadsThem() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 5_000; i++) {
      String line = V1Json.toJson(randomTrade(random));
      assertThat(fast.read(bytes(line), 0, line.length())).as(line).isNotNull();
      assertAgrees(line);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      " { \"ver\" : 1 ,\"kind\":\"trade\",\"venue\":\"v\",\"symbol\":\"S\",\"trade_id\":7,\"price\":\"1.50\","
          + "\"size\":\"2\",\"side\":\"sell\",\"src_ts\":\"2024-02-29T23:59:59Z\" }\r\n",
      "{\"src_ts\":\"2023-12-31T00:00:00.1Z\",\"side\":\"buy\",\"size\":0,\"price\":-0.5,\"trade_id\":\"x\","
          + "\"symbol\":\"S\",\"venue\":\"v\",\"kind\":\"trade\",\"ver\":1,\"seq\":-3}",
      "{\"ver\":1,\"kind\":\"trade\",\"venue\":\"v\",\"symbol\":\"S\",\"trade_id\":\"1\",\"price\":1,\"size\":1,"
          + "\"side\":\"buy\",\"src_ts\":\"2024-05-01T12:00:00.123456789Z\",\"ingest_ts\":\"1000-01-01T00:00:00Z\"}",
      "{\"ver\":1,\"kind\":\"trade\",\"venue\":\"v\",\"symbol\":\"S\",\"trade_id\":\"1\",\"price\":1,\"size\":1,"
          + "\"side\":\"buy\",\"backfill\": true ,\"src_ts\":\"2024-05-01T12:00:00Z\"}",
      "{\"ver\":1,\"kind\":\"trade\",\"venue\":\"v\",\"symbol\":\"S\",\"trade_id\":\"1\",\"price\":1,\"size\":1,"
          + "\"side\":\"buy\",\"src_ts\":\"2024-05-01T12:00:00Z\",\"backfill\":false}"})
  void variantsTheFastPathTakesReadTheSame(String line) {
    assertThat(fast.read(bytes(line), 0, bytes(line).length)).as(line).isNotNull();
    assertAgrees(line);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\"fee\":0.1,", // unknown key: schema drift, reported by the general reader
      "\"ver\":1,", // repeated key
      "\"reason\":\"x\",", // a key of another kind
      "\"backfill\":\"true\",", // the flag as a string: the general reader names the key in its error
      "\"backfill\":1,",
      "\"backfill\":null,",
      "\"backfill\":tru,",
      "\"backfill\":truex,",
  })
  void framesWithKeysBeyondAPlainTradeGoTheGeneralWay(String extra) {
    String line = CANONICAL.replace("{\"ver\":1,", "{\"ver\":1," + extra);
    assertThat(fast.read(bytes(line), 0, bytes(line).length)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2024-05-01T24:00:00Z",
      "2024-05-01T23:59:60Z", "2024-05-01T12:00:00+00:00", "2024-05-01t12:00:00Z", "2024-05-01T12:00:00.Z",
      "2024-05-01T12:00:00.1234567890Z", "0999-05-01T12:00:00Z", "2024-5-01T12:00:00Z", "2024-05-01T12:00:00z"})
  void timestampsOutsideTheCanonicalFormAreLeftToTheGeneralReader(String time) {
    assertThat(IsoTime.parseCanonical(bytes(time), 0, time.length())).isEqualTo(IsoTime.NOT_CANONICAL);
    String line = CANONICAL.replace("2024-05-01T12:00:00.123456Z", time);
    assertThat(fast.read(bytes(line), 0, line.length())).isNull();
  }

  @Test
  void canonicalTimestampsReadAsJavaTimeReadsThem() {
    SplittableRandom random = new SplittableRandom(11);
    long from = IsoTime.parse("1000-01-01T00:00:00Z");
    long to = IsoTime.parse("9999-12-31T23:59:59.999999Z");
    for (int i = 0; i < 100_000; i++) {
      String text = IsoTime.format(random.nextLong(from, to));
      String shorter = text.substring(0, 20 + random.nextInt(7)) + "Z";
      for (String t : List.of(text, shorter.endsWith(".Z") ? text : shorter)) {
        assertThat(IsoTime.parseCanonical(bytes(t), 0, t.length())).as(t).isEqualTo(IsoTime.parse(t));
      }
    }
  }

  @Test
  void aMutatedFrameIsEitherReadAsTheGeneralReaderReadsItOrLeftToIt() {
    SplittableRandom random = new SplittableRandom(3);
    String alphabet = "{}[]\":,.-+eE0123456789 \\tabuyselrdkinv_\u0000\u00e9";
    int taken = 0;
    for (int i = 0; i < 200_000; i++) {
      String line = mutate(V1Json.toJson(randomTrade(random)), random, alphabet);
      byte[] utf8 = bytes(line);
      if (fast.read(utf8, 0, utf8.length) != null) {
        taken++;
        assertAgrees(line);
      }
    }
    assertThat(taken).as("some mutations leave a valid trade (a changed digit, say)").isGreaterThan(1_000);
  }

  private void assertAgrees(String line) {
    byte[] utf8 = bytes(line);
    Trade trade = fast.read(utf8, 0, utf8.length);
    V1Json.Parsed general = V1Json.parseEventGenerally(utf8, 0, utf8.length);
    assertThat(general.unknownKeys()).as(line).isEmpty();
    assertThat(trade).as(line).isEqualTo(general.record());
  }

  private static String mutate(String line, SplittableRandom random, String alphabet) {
    StringBuilder s = new StringBuilder(line);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(s.length());
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
      switch (random.nextInt(3)) {
        case 0 -> s.setCharAt(at, c);
        case 1 -> s.insert(at, c);
        default -> s.deleteCharAt(at);
      }
    }
    return s.toString();
  }

  private static Trade randomTrade(SplittableRandom random) {
    List<String> symbols = new ArrayList<>(List.of("BTC-USD", "ETH-USD", "XBT/USD", "btcusdt@perp", "S"));
    String id = random.nextBoolean() ? Long.toString(random.nextLong(1, Long.MAX_VALUE)) : "id-" + random.nextInt();
    long price = Decimals.parse(random.nextInt(1, 100_000) + "." + random.nextInt(0, 100_000_000));
    long size = Decimals.parse("0." + random.nextInt(1, 99_999_999));
    long time = random.nextLong(0, 4_102_444_800_000_000L);
    Trade trade = new Trade("venue" + random.nextInt(3), symbols.get(random.nextInt(symbols.size())), id, price,
        size, random.nextBoolean() ? Side.BUY : Side.SELL, time, random.nextBoolean() ? 0 : time + 1_500,
        random.nextLong(0, 1L << 40));
    return random.nextInt(4) == 0 ? trade.asBackfill() : trade;
  }

  @Test
  void theBackfillFlagIsReadOnTheFastPathAndOnlyTrueMarksATrade() {
    String flagged = CANONICAL.replace("\"side\":\"buy\",", "\"side\":\"buy\",\"backfill\":true,");
    String unflagged = CANONICAL.replace("\"side\":\"buy\",", "\"side\":\"buy\",\"backfill\":false,");
    assertThat(fast.read(bytes(flagged), 0, bytes(flagged).length).backfill()).isTrue();
    assertThat(fast.read(bytes(unflagged), 0, bytes(unflagged).length).backfill()).isFalse();
    assertThat(fast.read(bytes(CANONICAL), 0, bytes(CANONICAL).length).backfill()).isFalse();
    assertAgrees(flagged);
    assertAgrees(unflagged);
    // the reader is reused per thread: a flagged frame must not leak its flag into the next one
    assertThat(fast.read(bytes(flagged), 0, bytes(flagged).length).backfill()).isTrue();
    assertThat(fast.read(bytes(CANONICAL), 0, bytes(CANONICAL).length).backfill()).isFalse();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
