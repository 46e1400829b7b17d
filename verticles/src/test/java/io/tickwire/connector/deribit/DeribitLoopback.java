package io.tickwire.connector.deribit;

import io.tickwire.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback Deribit built from the documented message shapes: {@code public/get_instruments} and
 * {@code public/get_index_price} over REST, and a JSON-RPC websocket that answers {@code public/set_heartbeat} (then
 * sends a {@code test_request} heartbeat), {@code public/test}, {@code public/subscribe} (then sends one notification
 * per new channel: a ticker, a book snapshot followed by a change that continues it, a DVOL value) and
 * {@code public/unsubscribe}. What each connection asked for is kept for the test to check.
 */
final class DeribitLoopback {
  static final double INDEX = 32_000;

  /** What one websocket connection received, in order. */
  static final class Connection {
    final int index;
    final List<JsonObject> requests = new CopyOnWriteArrayList<>();
    final Set<String> subscribed = new CopyOnWriteArraySet<>();

    Connection(int index) {
      this.index = index;
    }

    long count(String method) {
      return requests.stream().filter(r -> method.equals(r.getString("method"))).count();
    }

    List<String> channels(String method) {
      List<String> out = new ArrayList<>();
      requests.stream().filter(r -> method.equals(r.getString("method")))
          .forEach(r -> r.getJsonObject("params").getJsonArray("channels").forEach(c -> out.add((String) c)));
      return out;
    }
  }

  private final HttpServer server;
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final Set<String> listed = ConcurrentHashMap.newKeySet();
  private final AtomicInteger listingRequests = new AtomicInteger();
  private volatile boolean listingDown;

  DeribitLoopback(Vertx vertx, List<String> instruments) {
    listed.addAll(instruments);
    server = Await.result(vertx.createHttpServer().webSocketHandler(this::serve).requestHandler(this::rest)
        .listen(0, "127.0.0.1"));
  }

  /** An option name of the listing's expiry, {@code days} from today, strike {@code strike}. */
  static String option(int days, int strike, String type) {
    LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(days);
    return "BTC-" + day.format(DateTimeFormatter.ofPattern("dMMMyy", Locale.ROOT)).toUpperCase(Locale.ROOT) + "-"
        + strike + "-" + type;
  }

  URI ws() {
    return URI.create("ws://127.0.0.1:" + server.actualPort() + "/ws/api/v2");
  }

  URI rest() {
    return URI.create("http://127.0.0.1:" + server.actualPort());
  }

  List<Connection> connections() {
    return connections;
  }

  int listingRequests() {
    return listingRequests.get();
  }

  /** While down, {@code get_instruments} answers 503, as a venue's REST API does in maintenance. */
  void listingDown(boolean down) {
    listingDown = down;
  }

  void list(String instrument) {
    listed.add(instrument);
  }

  void delist(String instrument) {
    listed.remove(instrument);
  }

  void close() {
    Await.result(server.close());
  }

  private void rest(HttpServerRequest req) {
    if (req.path().equals("/api/v2/public/get_instruments")) {
      listingRequests.incrementAndGet();
      if (listingDown) {
        req.response().setStatusCode(503).end();
        return;
      }
      JsonArray result = new JsonArray();
      listed.forEach(name -> result.add(new JsonObject().put("instrument_name", name).put("is_active", true)
          .put("kind", name.endsWith("-C") || name.endsWith("-P") ? "option" : "future")));
      req.response().end(new JsonObject().put("jsonrpc", "2.0").put("result", result).encode());
    } else if (req.path().equals("/api/v2/public/get_index_price")) {
      req.response().end("{\"jsonrpc\":\"2.0\",\"result\":{\"index_price\":" + INDEX
          + ",\"estimated_delivery_price\":" + INDEX + "}}");
    } else {
      req.response().setStatusCode(404).end();
    }
  }

  private void serve(ServerWebSocket ws) {
    Connection connection = new Connection(connections.size());
    connections.add(connection);
    ws.textMessageHandler(text -> {
      JsonObject request = new JsonObject(text);
      connection.requests.add(request);
      answer(ws, connection, request);
    });
  }

  private void answer(ServerWebSocket ws, Connection connection, JsonObject request) {
    long id = request.getLong("id");
    switch (request.getString("method")) {
      case "public/set_heartbeat" -> {
        reply(ws, id, "ok");
        ws.writeTextMessage("{\"jsonrpc\":\"2.0\",\"method\":\"heartbeat\",\"params\":{\"type\":\"test_request\"}}");
      }
      case "public/test" -> reply(ws, id, new JsonObject().put("version", "1.2.26"));
      case "public/subscribe" -> {
        JsonArray channels = request.getJsonObject("params").getJsonArray("channels");
        reply(ws, id, channels);
        channels.forEach(c -> {
          if (connection.subscribed.add((String) c)) {
            notifications((String) c).forEach(ws::writeTextMessage);
          }
        });
      }
      case "public/unsubscribe" -> {
        JsonArray channels = request.getJsonObject("params").getJsonArray("channels");
        channels.forEach(connection.subscribed::remove);
        reply(ws, id, channels);
      }
      default -> ws.writeTextMessage(new JsonObject().put("jsonrpc", "2.0").put("id", id).put("error",
          new JsonObject().put("code", -32601).put("message", "Method not found")).encode());
    }
  }

  private static void reply(ServerWebSocket ws, long id, Object result) {
    ws.writeTextMessage(new JsonObject().put("jsonrpc", "2.0").put("id", id).put("result", result)
        .put("usIn", 1).put("usOut", 2).put("usDiff", 1).put("testnet", false).encode());
  }

  private static List<String> notifications(String channel) {
    String[] parts = channel.split("\\.");
    String instrument = parts[1];
    long now = System.currentTimeMillis();
    return switch (parts[0]) {
      case "ticker" -> List.of(notification(channel, instrument.endsWith("PERPETUAL")
          ? perpetualTicker(instrument, now) : optionTicker(instrument, now)));
      case "book" -> List.of(notification(channel, "{\"type\":\"snapshot\",\"timestamp\":" + now
              + ",\"instrument_name\":\"" + instrument + "\",\"change_id\":100,\"bids\":[[\"new\",0.0105,12.0]],"
              + "\"asks\":[[\"new\",0.011,4.0]]}"),
          notification(channel, "{\"type\":\"change\",\"timestamp\":" + now + ",\"prev_change_id\":100,"
              + "\"instrument_name\":\"" + instrument + "\",\"change_id\":103,\"bids\":[[\"change\",0.0105,2.5]],"
              + "\"asks\":[[\"delete\",0.011,0.0],[\"new\",0.0115,1.0]]}"));
      case "trades" -> List.of();
      case "deribit_volatility_index" -> List.of(notification(channel, "{\"volatility\":56.95,\"timestamp\":" + now
          + ",\"index_name\":\"" + instrument + "\"}"));
      default -> List.of();
    };
  }

  private static String optionTicker(String instrument, long now) {
    return "{\"underlying_price\":32050.5,\"underlying_index\":\"index_price\",\"timestamp\":" + now
        + ",\"state\":\"open\",\"open_interest\":12.5,\"mark_price\":0.0107,\"mark_iv\":61.2,"
        + "\"instrument_name\":\"" + instrument + "\",\"index_price\":" + INDEX + ",\"greeks\":{\"vega\":20.1,"
        + "\"theta\":-30.2,\"rho\":1.1,\"gamma\":0.0001,\"delta\":0.51},\"bid_iv\":60.5,\"best_bid_price\":0.0105,"
        + "\"best_bid_amount\":12.0,\"best_ask_price\":0.011,\"best_ask_amount\":4.0,\"ask_iv\":62.0}";
  }

  private static String perpetualTicker(String instrument, long now) {
    return "{\"timestamp\":" + now + ",\"state\":\"open\",\"mark_price\":32010.5,\"instrument_name\":\""
        + instrument + "\",\"index_price\":" + INDEX + ",\"funding_8h\":0.00012,\"current_funding\":0.0,"
        + "\"estimated_delivery_price\":" + INDEX + ",\"best_bid_price\":32010.0,\"best_bid_amount\":100.0,"
        + "\"best_ask_price\":32010.5,\"best_ask_amount\":250.0}";
  }

  private static String notification(String channel, String data) {
    return "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"" + channel
        + "\",\"data\":" + data + "}}";
  }
}
