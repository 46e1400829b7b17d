package io.tickwire.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client that subscribes and then never reads again, on a plain socket with a small receive buffer:
 * the slowest dashboard there can be. Whatever the server sends piles up in the kernel buffers until its writes
 * would block.
 */
public final class StalledWebSocket implements AutoCloseable {
  private final Socket socket;

  private StalledWebSocket(Socket socket) {
    this.socket = socket;
  }

  /** Opens {@code /ws}, completes the handshake, sends {@code text} as one text frame, and stops reading. */
  public static StalledWebSocket subscribe(int port, String text) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    OutputStream out = socket.getOutputStream();
    out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    String status = readHeaders(socket.getInputStream());
    if (!status.startsWith("HTTP/1.1 101")) {
      socket.close();
      throw new IOException("no WebSocket upgrade: " + status);
    }
    out.write(maskedTextFrame(text.getBytes(StandardCharsets.UTF_8)));
    out.flush();
    return new StalledWebSocket(socket);
  }

  /** Reads the response head byte by byte, so not one byte of the frames after it is consumed. */
  private static String readHeaders(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed during the handshake: " + head);
      }
      head.write(b);
      String text = head.toString(StandardCharsets.US_ASCII);
      if (text.endsWith("\r\n\r\n")) {
        return text;
      }
    }
  }

  /** RFC 6455: a client's frames are masked. */
  private static byte[] maskedTextFrame(byte[] payload) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x81);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else {
      frame.write(0x80 | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xff);
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    frame.writeBytes(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    return frame.toByteArray();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
