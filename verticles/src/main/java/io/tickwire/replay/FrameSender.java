package io.tickwire.replay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * A blocking producer for the TCP ingest: one connection, frames written through a buffer, paced to a
 * {@link Rate}. When the node back-pressures, its ingest stops reading and our writes block: the sender slows
 * down rather than anything queueing up. Not thread-safe: one sender per thread.
 */
public final class FrameSender {
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int BUFFER_BYTES = 1 << 16;

  /**
   * The producer token {@code tickwire replay} and {@code stress} send, from the environment rather than a flag, so
   * it does not show in the process list.
   */
  public static final String TOKEN_ENV = "TICKWIRE_INGEST_TOKEN";

  private final HostPort target;
  private final Rate rate;
  private final Progress progress;
  private final String token;

  public FrameSender(HostPort target, Rate rate, Progress progress) {
    this(target, rate, progress, null);
  }

  private FrameSender(HostPort target, Rate rate, Progress progress, String token) {
    this.target = target;
    this.rate = rate;
    this.progress = progress;
    this.token = token;
  }

  /**
   * A sender whose connections start with the producer-token handshake, as a node with {@code ingest.tcp.tokens}
   * requires; {@code token} null: none.
   */
  public FrameSender authenticating(String token) {
    return new FrameSender(target, rate, progress, token == null || token.isBlank() ? null : token.strip());
  }

  /** The token in {@link #TOKEN_ENV}, or null. */
  public static String tokenFromEnvironment() {
    return System.getenv(TOKEN_ENV);
  }

  /** Sends each line as one frame of its UTF-8 bytes, in order, then closes the connection. */
  public SendResult sendLines(List<String> lines) throws SendException {
    return sendLines(lines.iterator());
  }

  /** Sends each line as one frame of its UTF-8 bytes, encoding each only when its turn comes. */
  public SendResult sendLines(Iterator<String> lines) throws SendException {
    return send(Payloads.ofLines(lines));
  }

  /** Sends each payload as one frame until there are no more, then closes the connection. */
  public SendResult send(Iterator<byte[]> payloads) throws SendException {
    return send(Payloads.of(payloads));
  }

  /** Sends each payload as one frame until there are no more, then closes the connection. */
  public SendResult send(Payloads payloads) throws SendException {
    long start = System.nanoTime();
    Socket socket = connect();
    long frames = 0;
    long bytes = 0;
    try (socket) {
      FrameOutput out = new FrameOutput(socket.getOutputStream(), BUFFER_BYTES);
      if (token != null) {
        byte[] handshake = handshake(token);
        out.frame(handshake, 0, handshake.length);
      }
      Pacer pacer = new Pacer(rate, start);
      while (payloads.next()) {
        pacer.awaitTurn(frames, out);
        out.frame(payloads.bytes(), payloads.offset(), payloads.length());
        frames++;
        bytes += FrameOutput.HEADER_BYTES + payloads.length();
        progress.sent(FrameOutput.HEADER_BYTES + payloads.length());
      }
      out.flush();
      socket.shutdownOutput(); // an orderly end: the ingest reads every byte before it sees the close
    } catch (IOException e) {
      throw new SendException("connection to " + target + " failed after " + frames + " frames: " + e.getMessage(),
          new SendResult(frames, bytes, System.nanoTime() - start), e);
    }
    return new SendResult(frames, bytes, System.nanoTime() - start);
  }

  private static byte[] handshake(String token) {
    return new io.vertx.core.json.JsonObject().put("ver", 1).put("kind", "auth").put("token", token).encode()
        .getBytes(StandardCharsets.UTF_8);
  }

  private Socket connect() throws SendException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true); // paced frames go out when flushed, not when Nagle decides
      socket.connect(new InetSocketAddress(target.host(), target.port()), CONNECT_TIMEOUT_MS);
      return socket;
    } catch (IOException e) {
      closeQuietly(socket);
      throw new SendException("cannot connect to " + target + ": " + e.getMessage()
          + " (is a tickwire node with TCP ingest listening there?)", SendResult.NONE, e);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing was connected; there is nothing to lose
    }
  }

  public HostPort target() {
    return target;
  }
}
