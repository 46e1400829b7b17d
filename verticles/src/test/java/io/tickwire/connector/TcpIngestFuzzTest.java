package io.tickwire.connector;

import static io.tickwire.connector.IngestHarness.book;
import static io.tickwire.connector.IngestHarness.quote;
import static io.tickwire.connector.IngestHarness.trade;
import static io.tickwire.connector.IngestHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Names;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.V1Json;
import io.tickwire.testing.Await;
import io.tickwire.testing.LogCapture;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random garbage mixed with good frames on the same connections. A Vert.x of its own flags any event-loop turn
 * longer than 200 ms, so a decoder that blocks (or spins on a pathological input) fails the test.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TcpIngestFuzzTest {
  private static final int CASES = 4_000;
  private static final int MAX_FRAME = 64 * 1024;
  private static final Duration WAIT = Duration.ofSeconds(20);

  private Vertx vertx;
  private final List<Throwable> escaped = new CopyOnWriteArrayList<>();
  private LogCapture vertxLog;

  /** What the server must do with a case. */
  private enum Outcome { GOOD, BAD, CLOSES }

  private record Case(Outcome outcome, byte[] bytes, MarketEvent event) {
  }

  @BeforeEach
  void strictVertx() {
    vertxLog = LogCapture.of("io.vertx");
    vertx = Vertx.vertx(new VertxOptions().setMaxEventLoopExecuteTime(200).setMaxEventLoopExecuteTimeUnit(
        TimeUnit.MILLISECONDS).setBlockedThreadCheckInterval(50).setBlockedThreadCheckIntervalUnit(
        TimeUnit.MILLISECONDS));
    vertx.exceptionHandler(escaped::add);
  }

  @AfterEach
  void close() {
    vertxLog.close();
    Await.result(vertx.close());
  }

  @Test
  void garbageIsCountedGoodFramesAllArriveAndNothingEscapesOrBlocks() throws IOException {
    // the server may lag behind the producer's reconnects after refused lengths: allow them all to be open at once
    IngestHarness ingest = IngestHarness.start(vertx, "ingest.tcp.max_frame_bytes=" + MAX_FRAME,
        "ingest.tcp.max_connections=10000", "ingest.tcp.max_connections_per_address=10000");
    Random random = new Random(20261122);
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      cases.add(randomCase(random, i));
    }
    send(ingest, cases);

    long good = cases.stream().filter(c -> c.outcome() == Outcome.GOOD).count();
    long bad = cases.size() - good;
    try {
      Await.until(() -> ingest.events.size() == good && ingest.verticle.stats().rejected() == bad, WAIT,
          good + " events and " + bad + " rejections");
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; have " + ingest.events.size() + " events, "
          + ingest.verticle.stats().gauges(), e);
    }
    assertEveryGoodEventIntact(ingest, cases);
    assertThat(ingest.verticle.stats().closedOversize())
        .isEqualTo(cases.stream().filter(c -> c.outcome() == Outcome.CLOSES).count());
    assertThat(escaped).as("exceptions that reached Vert.x").isEmpty();
    assertThat(vertxLog.messages()).as("blocked-thread warnings").noneMatch(m -> m.contains("blocked"));
    assertThat(ingest.verticle.stats().rejectedByReason().keySet()).isSubsetOf("bad_json", "bad_field", "schema_drift",
        "unsupported_version", "not_an_event", "frame_too_large", "bad_length");
  }

  @Test
  void aFloodOfBadFramesLeavesTheHeapWhereItWas() throws IOException {
    IngestHarness ingest = IngestHarness.start(vertx, "ingest.tcp.max_frame_bytes=" + MAX_FRAME);
    byte[] junk = FrameWriter.frame("{\"ver\":1,\"kind\":\"trade\",\"venue\":" + "x".repeat(100)).getBytes();
    int frames = 100_000;
    long before = heapAfterGc();
    try (Socket socket = ingest.connect()) {
      ByteArrayOutputStream chunk = new ByteArrayOutputStream();
      for (int i = 0; i < frames; i++) {
        chunk.write(junk);
        if (chunk.size() > 64 * 1024) {
          write(socket, chunk.toByteArray());
          chunk.reset();
        }
      }
      write(socket, chunk.toByteArray());
      Await.until(() -> ingest.verticle.stats().rejected() == frames, WAIT, "every bad frame counted");
    }
    long grown = heapAfterGc() - before;
    assertThat(grown).as("heap growth after %d bad frames (~%d MB sent)", frames, frames * junk.length >> 20)
        .isLessThan(8L << 20);
    assertThat(ingest.events).isEmpty();
  }

  private static long heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Sends the cases in random-sized writes; a length the server refuses ends its connection, so a new one follows. */
  private static void send(IngestHarness ingest, List<Case> cases) throws IOException {
    Random cuts = new Random(7);
    Socket socket = ingest.connect();
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    for (Case c : cases) {
      pending.write(c.bytes());
      if (c.outcome() == Outcome.CLOSES) {
        writeInPieces(socket, pending.toByteArray(), cuts);
        pending.reset();
        socket.close();
        socket = ingest.connect();
      } else if (pending.size() > 4096) {
        writeInPieces(socket, pending.toByteArray(), cuts);
        pending.reset();
      }
    }
    writeInPieces(socket, pending.toByteArray(), cuts);
    socket.close();
  }

  private static void writeInPieces(Socket socket, byte[] bytes, Random cuts) {
    int at = 0;
    while (at < bytes.length) {
      int n = Math.min(bytes.length - at, 1 + cuts.nextInt(2048));
      write(socket, java.util.Arrays.copyOfRange(bytes, at, at + n));
      at += n;
    }
  }

  private static void assertEveryGoodEventIntact(IngestHarness ingest, List<Case> cases) {
    Map<String, MarketEvent> expected = new HashMap<>();
    for (Case c : cases) {
      if (c.outcome() == Outcome.GOOD) {
        expected.put(key(c.event()), c.event());
      }
    }
    for (MarketEvent got : ingest.events) {
      MarketEvent sent = expected.remove(key(got));
      assertThat(sent).as("an event that was sent once: %s", got).isNotNull();
      assertThat(got).isEqualTo(IngestTimes.stamped(sent, got.ingestTime()));
    }
    assertThat(expected).as("good events never received").isEmpty();
  }

  private static String key(MarketEvent e) {
    return e.kind() + "/" + e.eventTime();
  }

  private static Case randomCase(Random random, int i) {
    switch (random.nextInt(10)) {
      case 0, 1, 2:
        return good(random, i);
      case 3:
        return bad(randomBytes(random, 1 + random.nextInt(300)));
      case 4:
        return bad(truncatedJson(random, i));
      case 5:
        return bad(deeplyNested(random));
      case 6:
        return bad(wrongType(random, i));
      case 7:
        return bad(unicodeJunk(random));
      case 8:
        return bad(invalidUtf8InAString(random, i));
      default:
        return random.nextInt(4) == 0 ? refusedLength(random) : good(random, i);
    }
  }

  private static Case good(Random random, int i) {
    MarketEvent event = switch (random.nextInt(4)) {
      case 0 -> quote(i);
      case 1 -> book(i);
      case 2 -> unicodeVenue(random, i);
      default -> trade(i);
    };
    // a venue of random code points is mostly punctuation, symbols and controls, which the names check refuses
    if (Names.venueProblem(event.venue()) != null) {
      return new Case(Outcome.BAD, IngestHarness.frame(event), null);
    }
    return new Case(Outcome.GOOD, IngestHarness.frame(event), event);
  }

  private static Trade unicodeVenue(Random random, int i) {
    Trade t = trade(i);
    return new Trade(randomUnicode(random, 1 + random.nextInt(20)), t.symbol(), t.tradeId(), t.price(), t.size(),
        t.side(), t.eventTime(), 0, 0);
  }

  private static Case bad(byte[] payload) {
    return new Case(Outcome.BAD, FrameWriter.frame(payload).getBytes(), null);
  }

  private static Case refusedLength(Random random) {
    int length = random.nextBoolean() ? MAX_FRAME + 1 + random.nextInt(Integer.MAX_VALUE - MAX_FRAME - 1)
        : -random.nextInt(Integer.MAX_VALUE);
    return new Case(Outcome.CLOSES, Buffer.buffer().appendInt(length).getBytes(), null);
  }

  private static byte[] randomBytes(Random random, int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    bytes[0] = (byte) '{'; // almost JSON, so the parser gets past the first byte
    return bytes;
  }

  private static byte[] truncatedJson(Random random, int i) {
    byte[] json = V1Json.toJson(trade(i)).getBytes(StandardCharsets.UTF_8);
    return java.util.Arrays.copyOf(json, 1 + random.nextInt(json.length - 1));
  }

  private static byte[] deeplyNested(Random random) {
    int depth = 1 + random.nextInt(20_000);
    String inner = "[".repeat(depth) + "]".repeat(random.nextBoolean() ? depth : depth / 2);
    String json = random.nextBoolean() ? inner : "{\"ver\":1,\"kind\":\"trade\",\"x\":" + inner + "}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A known key given a value no v1 field accepts: an object. Not event_id: the codec recomputes it and ignores
   * whatever the producer sent there, whatever its type.
   */
  private static byte[] wrongType(Random random, int i) {
    JsonObject json = new JsonObject(V1Json.toJson(random.nextBoolean() ? trade(i) : book(i)));
    List<String> keys = new ArrayList<>(json.fieldNames());
    keys.remove("event_id");
    json.put(keys.get(random.nextInt(keys.size())), new JsonObject().put("wrong", random.nextInt()));
    return json.encode().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] unicodeJunk(Random random) {
    return randomUnicode(random, 1 + random.nextInt(200)).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] invalidUtf8InAString(Random random, int i) {
    byte[] json = V1Json.toJson(trade(i)).getBytes(StandardCharsets.UTF_8);
    String text = new String(json, StandardCharsets.UTF_8);
    int at = text.indexOf("\"BTC-USD\"") + 2;
    byte[] broken = json.clone();
    broken[at] = random.nextBoolean() ? (byte) 0xFF : (byte) 0xC3;
    broken[at + 1] = random.nextBoolean() ? (byte) 0x28 : broken[at + 1];
    if (broken[at] == (byte) 0xC3 && broken[at + 1] != (byte) 0x28) {
      broken[at + 1] = (byte) 0x28; // a lead byte followed by a non-continuation byte
    }
    return broken;
  }

  /** Code points from all planes, surrogates excluded (they cannot be encoded on their own). */
  private static String randomUnicode(Random random, int n) {
    StringBuilder text = new StringBuilder();
    while (text.codePointCount(0, text.length()) < n) {
      int cp = random.nextInt(Character.MAX_CODE_POINT + 1);
      if (Character.isDefined(cp) && !Character.isSurrogate((char) cp) && (cp > 0xFFFF
          || !Character.isSurrogate((char) cp))) {
        text.appendCodePoint(cp);
      }
    }
    return text.toString();
  }
}
