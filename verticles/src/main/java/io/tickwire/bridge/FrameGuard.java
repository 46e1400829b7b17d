package io.tickwire.bridge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

/**
 * The bridge's front door. The bridge library buffers a whole frame, whatever length it declares, before anyone can
 * look at it; so clients connect here instead, and each connection is relayed byte for byte to the library on a
 * loopback port of its own, while {@link FrameLengths} follows the framing: a frame declaring more than
 * {@code bridge.max_frame_bytes} closes the connection at its header (counted as {@link #FRAME_TOO_LARGE}), and
 * nothing unbounded is ever held. Back-pressure passes through: a slow side pauses the other.
 */
final class FrameGuard {
  /** A frame declaring more than {@code bridge.max_frame_bytes} (or a negative length): the connection is closed. */
  static final String FRAME_TOO_LARGE = "frame_too_large";
  private static final System.Logger LOG = System.getLogger(FrameGuard.class.getName());

  private final Vertx vertx;
  private final int maxFrameBytes;
  private final int innerPort;
  private final BridgeStats stats;
  private NetServer server;
  private NetClient client;

  FrameGuard(Vertx vertx, int maxFrameBytes, int innerPort, BridgeStats stats) {
    this.vertx = vertx;
    this.maxFrameBytes = maxFrameBytes;
    this.innerPort = innerPort;
    this.stats = stats;
  }

  Future<NetServer> listen(String host, int port, NetServerOptions options) {
    client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(5_000));
    server = vertx.createNetServer(options).connectHandler(this::relay);
    return server.listen(port, host);
  }

  Future<Void> close() {
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.compose(v -> client == null ? Future.succeededFuture() : client.close());
  }

  private void relay(NetSocket outer) {
    outer.pause();
    client.connect(innerPort, "127.0.0.1").onSuccess(inner -> join(outer, inner)).onFailure(e -> {
      LOG.log(System.Logger.Level.WARNING, "cannot reach the event-bus bridge behind its front door: {0}",
          e.getMessage());
      outer.close();
    });
  }

  private void join(NetSocket outer, NetSocket inner) {
    FrameLengths lengths = new FrameLengths(maxFrameBytes);
    outer.handler(chunk -> {
      if (!lengths.accept(chunk)) {
        stats.refuse(FRAME_TOO_LARGE);
        LOG.log(System.Logger.Level.WARNING, "bridge client {0} declared a frame of {1,number,#} bytes (limit"
            + " {2,number,#}): connection closed", outer.remoteAddress(), lengths.refusedLength(), maxFrameBytes);
        outer.close();
        inner.close();
        return;
      }
      inner.write(chunk);
      if (inner.writeQueueFull()) {
        outer.pause();
        inner.drainHandler(v -> outer.resume());
      }
    });
    inner.handler(chunk -> {
      outer.write(chunk);
      if (outer.writeQueueFull()) {
        inner.pause();
        outer.drainHandler(v -> inner.resume());
      }
    });
    outer.closeHandler(v -> inner.close());
    inner.closeHandler(v -> outer.close());
    outer.exceptionHandler(e -> outer.close());
    inner.exceptionHandler(e -> inner.close());
    outer.resume();
  }
}
