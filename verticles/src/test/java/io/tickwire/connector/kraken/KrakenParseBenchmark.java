package io.tickwire.connector.kraken;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.connector.capture.CryptofeedCapture;
import io.tickwire.connector.capture.CryptofeedCapture.Direction;
import io.tickwire.connector.venue.SessionOutput;
import io.tickwire.connector.venue.SessionSpec;
import io.tickwire.connector.venue.SessionSpec.Channel;
import io.tickwire.connector.venue.VenueSession;
import io.tickwire.testing.SharedFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Parse cost per frame on the connector's thread, through {@link VenueSession#onFrame}: the recorded v1 trade frames
 * (KRAKEN.ws.48.0, array frames only) repeated to the frame count, the recorded v1 book (KRAKEN.ws.50.head1500,
 * every received frame, snapshots included, so each pass re-snapshots and every checksum still verifies) repeated
 * to a tenth of it, and the v2 trade frames of the test resources repeated to the frame count. One warm-up, three
 * timed runs, median reported. A benchmark, not a test: run it by hand from the verticles module (the shared
 * fixtures are found from there), with the test classpath. Argument: [frames].
 */
public final class KrakenParseBenchmark {
  private static final Set<Channel> ALL = Set.of(Channel.TRADES, Channel.QUOTES, Channel.BOOK);

  private KrakenParseBenchmark() {
  }

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
    List<String> v1Trades = received("KRAKEN.ws.48.0").stream().filter(f -> f.startsWith("[")).toList();
    List<String> v1Book = received("KRAKEN.ws.50.head1500");
    List<String> v2Trades = resourceLines("/kraken/v2-trade-ticker.jsonl").stream()
        .filter(f -> f.startsWith("{\"channel\":\"trade\"")).toList();
    SessionSpec v1Spec = new SessionSpec(List.of("XBT/USD"), ALL, 1000);
    SessionSpec v2Spec = new SessionSpec(List.of("BTC/USD"), ALL, 10);

    measure("v1 trade frames", repeat(v1Trades, count), out -> new KrakenV1Session(v1Spec, out));
    measure("v1 book frames", repeat(v1Book, count / 10), out -> new KrakenV1Session(v1Spec, out));
    measure("v2 trade frames", repeat(v2Trades, count), out -> new KrakenV2Session(v2Spec, out));
  }

  private static void measure(String name, String[] frames, Function<SessionOutput, VenueSession> sessions) {
    run(frames, sessions);
    double[] seconds = new double[3];
    Sink sink = null;
    for (int i = 0; i < seconds.length; i++) {
      long start = System.nanoTime();
      sink = run(frames, sessions);
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    double median = seconds[1];
    System.out.printf(Locale.ROOT, "%s: %d frames, median %.3f s (runs %s), %.0f frames/s, %.0f ns per frame,"
        + " %d events, %d parse errors%n", name, frames.length, median, Arrays.toString(seconds),
        frames.length / median, median * 1e9 / frames.length, sink.events, sink.parseErrors);
  }

  private static Sink run(String[] frames, Function<SessionOutput, VenueSession> sessions) {
    Sink sink = new Sink();
    VenueSession session = sessions.apply(sink);
    for (int i = 0; i < frames.length; i++) {
      session.onFrame(frames[i], i);
    }
    sink.parseErrors = session.stats().parseErrors();
    return sink;
  }

  private static String[] repeat(List<String> frames, int count) {
    String[] out = new String[count];
    for (int i = 0; i < count; i++) {
      out[i] = frames.get(i % frames.size());
    }
    return out;
  }

  private static List<String> received(String file) {
    return CryptofeedCapture.readAll(SharedFixtures.cryptofeed(file)).stream()
        .filter(r -> r.direction() == Direction.RECEIVED).map(CryptofeedCapture.Record::payload).toList();
  }

  private static List<String> resourceLines(String resource) {
    try (InputStream in = KrakenParseBenchmark.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " not found on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts what comes out, so the work cannot be optimised away. */
  private static final class Sink implements SessionOutput {
    long events;
    long parseErrors;

    @Override
    public void event(MarketEvent event) {
      events++;
    }

    @Override
    public void gap(String symbol, String reason, long receivedMicros) {
    }

    @Override
    public void send(String frame) {
    }

    @Override
    public void requestSnapshot(String symbol) {
    }

    @Override
    public void schemaDrift(String symbol, String detail, String frame) {
    }
  }
}
