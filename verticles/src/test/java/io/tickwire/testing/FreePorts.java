package io.tickwire.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loopback ports nobody listens on right now, for servers that must be told their port in advance (Hazelcast
 * members list each other's). Found at run time, so two checkouts testing on one machine never collide; another
 * process may still take one before the test binds it, which is rare enough for tests.
 */
public final class FreePorts {
  private FreePorts() {
  }

  /** {@code n} distinct free ports on 127.0.0.1. */
  public static List<Integer> loopback(int n) {
    List<ServerSocket> held = new ArrayList<>(n);
    try {
      // All held open until every one is found, so the system cannot hand out the same port twice.
      for (int i = 0; i < n; i++) {
        ServerSocket socket = new ServerSocket();
        held.add(socket);
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
      }
      return held.stream().map(ServerSocket::getLocalPort).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    } finally {
      held.forEach(FreePorts::closeQuietly);
    }
  }

  /** Hazelcast members on those ports: {@code [127.0.0.1:p1,127.0.0.1:p2,...]}, as {@code cluster.members} takes. */
  public static String members(List<Integer> ports) {
    return ports.stream().map(FreePorts::member).collect(Collectors.joining(",", "[", "]"));
  }

  public static String member(int port) {
    return "127.0.0.1:" + port;
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a listening socket we opened: nothing to recover
    }
  }
}
