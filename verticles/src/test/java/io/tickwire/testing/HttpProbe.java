package io.tickwire.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Real HTTP requests to a tickwire node on loopback with the JDK client: a separate client stack from the
 * server's, so a test sees what curl or a browser would. Blocking, so call it from the test thread only.
 */
public final class HttpProbe {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT)
      .build();

  private HttpProbe() {
  }

  /** A response: status, Content-Type (null when absent) and body text. */
  public record Reply(int status, String contentType, String body) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public JsonArray jsonArray() {
      return new JsonArray(body);
    }
  }

  /** GET {@code pathAndQuery} (already URL-encoded) from 127.0.0.1:{@code port}. */
  public static Reply get(int port, String pathAndQuery) {
    return send(port, pathAndQuery, "GET");
  }

  public static Reply send(int port, String pathAndQuery, String method) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
        .timeout(TIMEOUT)
        .method(method, HttpRequest.BodyPublishers.noBody())
        .build();
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
          response.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + pathAndQuery + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }

  /**
   * GET with the request target sent byte for byte over a plain socket, for targets the JDK client refuses to
   * send (a malformed escape such as {@code %zz}) but a careless client will.
   */
  public static Reply getRaw(int port, String target) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return parseRaw(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("GET " + target + " failed: " + e, e);
    }
  }

  /** Status line, headers and body of a whole (non-chunked) HTTP/1.1 response. */
  private static Reply parseRaw(String response) {
    int headersEnd = response.indexOf("\r\n\r\n");
    String[] head = response.substring(0, headersEnd).split("\r\n");
    int status = Integer.parseInt(head[0].split(" ")[1]);
    String contentType = null;
    for (int i = 1; i < head.length; i++) {
      String[] header = head[i].split(":", 2);
      if (header[0].equalsIgnoreCase("Content-Type")) {
        contentType = header[1].trim();
      }
    }
    return new Reply(status, contentType, response.substring(headersEnd + 4));
  }

  /** One query-string value, encoded ({@code +} in a time zone offset must travel as %2B). */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
