package io.tickwire.testing;

import io.tickwire.replay.HostPort;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server that reads {@code [4-byte big-endian length][payload]} frames from every connection and keeps
 * the payloads, the way the TCP ingest frames them; {@code closeAfter} frames, it drops a connection instead.
 */
public final class FrameSink implements AutoCloseable {
  private final ServerSocket server;
  private final int closeAfter;
  private final List<String> payloads = new CopyOnWriteArrayList<>();
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();

  private FrameSink(int closeAfter) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.closeAfter = closeAfter;
    Thread acceptor = new Thread(this::acceptAll, "frame-sink");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static FrameSink start() throws IOException {
    return new FrameSink(Integer.MAX_VALUE);
  }

  /** A sink that closes each connection after reading {@code frames} frames. */
  public static FrameSink closingAfter(int frames) throws IOException {
    return new FrameSink(frames);
  }

  public HostPort target() {
    return new HostPort("127.0.0.1", server.getLocalPort());
  }

  public List<String> payloads() {
    return List.copyOf(payloads);
  }

  private void acceptAll() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        accepted.add(socket);
        Thread reader = new Thread(() -> readFrames(socket), "frame-sink-reader");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void readFrames(Socket socket) {
    try (socket; DataInputStream in = new DataInputStream(socket.getInputStream())) {
      for (int n = 0; n < closeAfter; n++) {
        byte[] payload = new byte[in.readInt()];
        in.readFully(payload);
        payloads.add(new String(payload, StandardCharsets.UTF_8));
      }
    } catch (EOFException end) {
      // the sender closed between frames: the orderly end
    } catch (IOException e) {
      if (!server.isClosed()) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : accepted) {
      socket.close();
    }
  }
}
