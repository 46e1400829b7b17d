package io.tickwire.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * A Redis 6.2 server started from the binaries bundled in the embedded-redis artifact (Linux x86-64 and arm64,
 * macOS), for trying tickwire out and for tests. It listens on loopback only and keeps nothing on disk: it is a
 * cache. {@link #start()} and {@link #stop()} block (run them in {@code executeBlocking}); it can be stopped and
 * started again on the same port.
 *
 * <p>The server's output is read line by line into the logger (stderr), never to tickwire's stdout, which is
 * reserved for {@code --print}; reading it also matters because a server whose output pipe fills up stalls.
 */
public final class EmbeddedRedis {
  private static final System.Logger LOG = System.getLogger(EmbeddedRedis.class.getName());
  private static final String HOST = "127.0.0.1";

  private final int port;
  private RedisServer server;

  /** @param port the port to listen on; 0 picks a free one now, kept across restarts */
  public EmbeddedRedis(int port) {
    this.port = port == 0 ? freePort() : port;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port for the embedded Redis", e);
    }
  }

  /** Starts the server and waits until it accepts connections; does nothing if it is running. Blocking. */
  public synchronized void start() throws IOException {
    if (server == null) {
      server = build();
    }
    if (!server.isActive()) {
      server.start();
      LOG.log(System.Logger.Level.INFO, "embedded Redis listening on {0}", url());
    }
  }

  private RedisServer build() throws IOException {
    return RedisServer.newRedisServer()
        .bind(HOST)
        .port(port)
        .setting("save \"\"")
        .setting("appendonly no")
        .soutListener(line -> LOG.log(System.Logger.Level.DEBUG, "redis: {0}", line))
        .serrListener(line -> LOG.log(System.Logger.Level.WARNING, "redis: {0}", line))
        .build();
  }

  /** Stops the server (its data is gone: nothing is persisted); does nothing if it is not running. Blocking. */
  public synchronized void stop() throws IOException {
    if (server != null && server.isActive()) {
      server.stop();
      LOG.log(System.Logger.Level.INFO, "embedded Redis on port {0} stopped", String.valueOf(port));
    }
  }

  public synchronized boolean running() {
    return server != null && server.isActive();
  }

  public int port() {
    return port;
  }

  public String url() {
    return "redis://" + HOST + ":" + port;
  }
}
