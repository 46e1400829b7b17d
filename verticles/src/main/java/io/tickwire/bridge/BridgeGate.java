package io.tickwire.bridge;

import io.tickwire.config.Secret;
import io.tickwire.flow.Addresses;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.eventbus.bridge.tcp.BridgeEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides on every frame a bridge client sends, before the bridge acts on it. Every frame, pings included, must
 * carry the token as {@code headers: {"token": "..."}}: one that does not is refused, counted as
 * {@link BridgeStats#UNAUTHORIZED}, and its connection closed. The token is then taken out of the frame, so it never
 * travels on as a message header. Subscriptions are allowed only to the JSON views of
 * {@link Addresses#BRIDGE_OUTBOUND}, once per connection; sends and publishes only to
 * {@link Addresses#BRIDGE_INBOUND}; anything else is refused and counted as
 * {@link BridgeStats#ADDRESS_NOT_PERMITTED}. It also keeps which views each connection subscribes to, so the views
 * run only while someone watches. Used on the bridge's event loop only.
 */
final class BridgeGate implements Handler<BridgeEvent> {
  private static final String TOKEN_HEADER = "token";

  private final Vertx vertx;
  private final Secret token;
  private final int maxConnections;
  private final BridgeStats stats;
  private final JsonViews views;
  /** The topics each open connection subscribes to (at most one entry per outbound topic). */
  private final Map<NetSocket, Set<String>> connections = new HashMap<>();

  BridgeGate(Vertx vertx, Secret token, int maxConnections, BridgeStats stats, JsonViews views) {
    this.vertx = vertx;
    this.token = token;
    this.maxConnections = maxConnections;
    this.stats = stats;
    this.views = views;
  }

  @Override
  public void handle(BridgeEvent event) {
    if (event.type() == BridgeEventType.REGISTERED) {
      event.complete(true); // the bridge's notice after a register this gate let through
      return;
    }
    NetSocket socket = event.socket();
    if (!known(socket)) {
      event.complete(false);
      return;
    }
    JsonObject frame = event.getRawMessage();
    if (!authorized(frame)) {
      refuseAndClose(event, socket, BridgeStats.UNAUTHORIZED);
      return;
    }
    frame.remove("headers"); // the token must not travel on
    String address = frame.getString("address");
    BridgeEventType type = event.type();
    boolean allowed = switch (type) {
      case SOCKET_PING -> true;
      case SEND, PUBLISH -> inbound(address);
      case REGISTER -> subscribe(socket, address);
      case UNREGISTER -> unsubscribe(socket, address);
      default -> false;
    };
    event.complete(allowed);
  }

  /** Open connections (for health). */
  int connections() {
    return connections.size();
  }

  /** A connection's first frame registers it, past the cap it is closed; false when it must not be served. */
  private boolean known(NetSocket socket) {
    if (connections.containsKey(socket)) {
      return true;
    }
    if (connections.size() >= maxConnections) {
      stats.refuse(BridgeStats.TOO_MANY_CONNECTIONS);
      socket.close();
      return false;
    }
    connections.put(socket, new HashSet<>());
    stats.connectionOpened();
    socket.closeHandler(v -> closed(socket));
    return true;
  }

  private boolean authorized(JsonObject frame) {
    Object headers = frame.getValue("headers");
    return headers instanceof JsonObject h && h.getValue(TOKEN_HEADER) instanceof String presented
        && token.matches(presented);
  }

  private boolean inbound(String address) {
    if (Addresses.BRIDGE_INBOUND.contains(address)) {
      return true;
    }
    stats.refuse(BridgeStats.ADDRESS_NOT_PERMITTED);
    return false;
  }

  private boolean subscribe(NetSocket socket, String view) {
    String topic = JsonViews.topicOf(view);
    if (topic == null) {
      stats.refuse(BridgeStats.ADDRESS_NOT_PERMITTED);
      return false;
    }
    // The bridge keeps one subscription per address and connection; a second would leak the first.
    if (!connections.get(socket).add(topic)) {
      stats.refuse(BridgeStats.ALREADY_SUBSCRIBED);
      return false;
    }
    views.subscribed(topic);
    return true;
  }

  private boolean unsubscribe(NetSocket socket, String view) {
    String topic = JsonViews.topicOf(view);
    if (topic == null || !connections.get(socket).remove(topic)) {
      stats.refuse(BridgeStats.ADDRESS_NOT_PERMITTED);
      return false;
    }
    views.unsubscribed(topic);
    return true;
  }

  private void closed(NetSocket socket) {
    Set<String> topics = connections.remove(socket);
    if (topics != null) {
      topics.forEach(views::unsubscribed);
    }
  }

  /** The refusal's error frame is written first; the close follows it on the next turn of the event loop. */
  private void refuseAndClose(BridgeEvent event, NetSocket socket, String reason) {
    stats.refuse(reason);
    event.complete(false);
    vertx.runOnContext(v -> socket.close());
  }
}
