package io.tickwire.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One real HTTP request with a method, headers and a body, to a tickwire node on loopback (the JDK client, as in
 * {@link HttpProbe}, which covers plain GETs). Blocking: call it from the test thread only.
 */
public final class HttpCall {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT)
      .build();

  private final String method;
  private final HttpRequest.Builder request;
  private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

  private HttpCall(int port, String method, String pathAndQuery) {
    this.method = method;
    this.request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).timeout(TIMEOUT);
  }

  /** A response: status, headers and body text. */
  public record Answer(int status, HttpHeaders headers, String body) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    /** The header's first value, or null. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public static HttpCall to(int port, String method, String pathAndQuery) {
    return new HttpCall(port, method, pathAndQuery);
  }

  public HttpCall header(String name, String value) {
    request.header(name, value);
    return this;
  }

  public HttpCall bearer(String token) {
    return header("Authorization", "Bearer " + token);
  }

  /** A body sent as application/json. */
  public HttpCall json(String json) {
    return body(json, "application/json");
  }

  public HttpCall json(JsonObject json) {
    return json(json.encode());
  }

  public HttpCall body(String text, String contentType) {
    body = HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    return header("Content-Type", contentType);
  }

  public Answer send() {
    try {
      HttpResponse<String> response = CLIENT.send(request.method(method, body).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new AssertionError(method + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }
}
