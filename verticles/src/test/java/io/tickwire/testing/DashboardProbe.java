package io.tickwire.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A dashboard WebSocket client for tests: connects to {@code /ws} on loopback, reads every message as it comes
 * (each with its arrival time), and remembers how the server closed the socket.
 */
public final class DashboardProbe {
  /** A message and when it arrived ({@link System#nanoTime}). */
  public record Received(JsonObject json, long nanos) {
    public String type() {
      return json.getString("type");
    }

    public JsonObject data() {
      return json.getJsonObject("data");
    }
  }

  private final WebSocket socket;
  private final List<Received> received = new ArrayList<>();
  private volatile Short closeStatus;

  private DashboardProbe(WebSocket socket) {
    this.socket = socket;
    socket.textMessageHandler(text -> add(new JsonObject(text)));
    socket.closeHandler(v -> closeStatus = socket.closeStatusCode());
  }

  public static DashboardProbe connect(Vertx vertx, int port) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20)
        .setMaxMessageSize(1 << 20));
    return new DashboardProbe(Await.result(client.connect(port, "127.0.0.1", "/ws")));
  }

  private synchronized void add(JsonObject message) {
    received.add(new Received(message, System.nanoTime()));
  }

  public void send(String text) {
    Await.result(socket.writeTextMessage(text));
  }

  /** Sends {@code text} and waits for the reply of {@code type} that follows it. */
  public JsonObject request(String text, String type, Duration timeout) {
    int seen = ofType(type).size();
    send(text);
    Await.until(() -> ofType(type).size() > seen, timeout, "a " + type + " reply to " + text);
    return ofType(type).get(seen).json();
  }

  /** Sends a frame of exactly that text in one frame, however long. */
  public void sendFrame(String text) {
    Await.result(socket.writeFrame(io.vertx.core.http.WebSocketFrame.textFrame(text, true)));
  }

  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  public List<Received> ofType(String type) {
    return received().stream().filter(r -> type.equals(r.type())).toList();
  }

  /** Waits for a message matching {@code match} and returns the first one. */
  public JsonObject await(Predicate<JsonObject> match, Duration timeout, String what) {
    JsonObject[] found = new JsonObject[1];
    Await.until(() -> {
      found[0] = received().stream().map(Received::json).filter(match).findFirst().orElse(null);
      return found[0] != null;
    }, timeout, what);
    return found[0];
  }

  /** The close status the server sent, null while open. */
  public Short closeStatus() {
    return closeStatus;
  }

  public void close() {
    socket.close();
  }
}
