package io.tickwire.connector;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyBatch;
import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.TickBatch;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.V1Json;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.flow.Topology;
import io.tickwire.health.HealthRegistry;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A deployed TCP ingest on an ephemeral loopback port, with a lossless consumer collecting what it sends. */
final class IngestHarness {
  static final String GROUP = "test";
  static final int CREDIT_WINDOW = 8;
  static final long EVENT_TIME = 1_700_000_000_123_456L;

  final Vertx vertx;
  final HealthRegistry health = new HealthRegistry();
  final TcpIngestVerticle verticle;
  /** The ingest's own deployment: its decoders are deployments of their own, under it. */
  final String deployment;
  final List<MarketEvent> events = new CopyOnWriteArrayList<>();
  final List<JsonObject> deadLetters = new CopyOnWriteArrayList<>();
  final List<Anomaly> anomalies = new CopyOnWriteArrayList<>();

  private IngestHarness(Vertx vertx, List<String> overrides, Function<TickBatch, Future<?>> consumer) {
    this.vertx = vertx;
    Settings settings = Pipelines.settings(vertx, Pipelines.concat(overrides, "ingest.tcp.port=0",
        "ingest.tcp.host=127.0.0.1"));
    Topology topology = new Topology(CREDIT_WINDOW, 30_000, false).addGroup(Addresses.INGRESS, GROUP)
        .addGroup(Addresses.ANOMALIES, GROUP);
    Await.result(CreditReceiver.<AnomalyBatch>bind(vertx, Addresses.inbox(Addresses.ANOMALIES, GROUP), batch -> {
      anomalies.addAll(batch.items());
      return Future.succeededFuture();
    }));
    Await.result(CreditReceiver.<TickBatch>bind(vertx, Addresses.inbox(Addresses.INGRESS, GROUP), batch -> {
      events.addAll(batch.items());
      return consumer.apply(batch);
    }));
    vertx.eventBus().<JsonObject>consumer(Addresses.DLQ, m -> deadLetters.add(m.body()));
    verticle = new TcpIngestVerticle(Pipelines.context(settings, topology, health));
    deployment = Await.result(vertx.deployVerticle(verticle));
  }

  /** Every batch acknowledged at once. */
  static IngestHarness start(Vertx vertx, String... overrides) {
    return new IngestHarness(vertx, List.of(overrides), batch -> Future.succeededFuture());
  }

  static IngestHarness start(Vertx vertx, Function<TickBatch, Future<?>> consumer, String... overrides) {
    return new IngestHarness(vertx, List.of(overrides), consumer);
  }

  Socket connect() {
    try {
      Socket socket = new Socket("127.0.0.1", verticle.actualPort());
      socket.setTcpNoDelay(true);
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Socket socket, byte[] bytes) {
    try {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] frame(MarketEvent event) {
    return FrameWriter.frame(V1Json.toJson(event)).getBytes();
  }

  static byte[] frame(String json) {
    return FrameWriter.frame(json).getBytes();
  }

  static byte[] concat(List<byte[]> parts) {
    int total = parts.stream().mapToInt(p -> p.length).sum();
    byte[] all = new byte[total];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  static Trade trade(int i) {
    return new Trade("tcp", "BTC-USD", "t" + i, Decimals.parse("100." + (i % 1000)), Decimals.parse("0.25"),
        i % 2 == 0 ? Side.BUY : Side.SELL, EVENT_TIME + i, 0, 0);
  }

  static Quote quote(int i) {
    return new Quote("tcp", "ETH-USD", Decimals.parse("2000.5"), Decimals.parse("3"), Decimals.parse("2000.75"),
        Decimals.parse("1.5"), EVENT_TIME + i, 0, 0);
  }

  static BookUpdate book(int i) {
    return new BookUpdate("tcp", "SOL-USD", i % 2 == 0, List.of(new BookLevel(Side.BUY, Decimals.parse("20.1"),
        Decimals.parse("7")), new BookLevel(Side.SELL, Decimals.parse("20.2"), 0)), EVENT_TIME + i, 0, 0);
  }

  /** The trade ids received, in order. */
  List<String> tradeIds() {
    List<String> ids = new ArrayList<>();
    for (MarketEvent e : events) {
      if (e instanceof Trade t) {
        ids.add(t.tradeId());
      }
    }
    return ids;
  }
}
