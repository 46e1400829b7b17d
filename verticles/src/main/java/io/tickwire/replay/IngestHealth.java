package io.tickwire.replay;

import io.tickwire.connector.TcpIngestVerticle;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads a node's TCP ingest counters from its {@code GET /health} document (the {@code connector.tcp}
 * component's gauges), so a load test can tell what the server did with what was sent. A degraded node answers
 * 503 with the same document, which is read all the same.
 */
public final class IngestHealth {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final URI url;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  public IngestHealth(URI url) {
    this.url = url;
  }

  /** The gauges now; throws with a message naming the URL when they cannot be read. */
  public Map<String, Long> gauges() throws IOException {
    JsonObject health = fetch();
    JsonArray components = health.getJsonArray("components", new JsonArray());
    for (Object c : components) {
      if (c instanceof JsonObject component && TcpIngestVerticle.HEALTH_NAME.equals(component.getString("name"))) {
        return longs(component.getJsonObject("gauges", new JsonObject()));
      }
    }
    throw new IOException(url + " reports no " + TcpIngestVerticle.HEALTH_NAME + " component (is TCP ingest enabled?)");
  }

  /**
   * The gauges once the ingest reports at least {@code frames} frames read, or after {@code timeout} whatever they
   * are: the node reports its counters periodically, so the last frames sent show up a moment later.
   */
  public Map<String, Long> gaugesOnce(long frames, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Long> gauges = gauges();
    while (gauges.getOrDefault("frames", 0L) < frames && System.nanoTime() < deadline) {
      LockSupport.parkNanos(POLL_NANOS);
      gauges = gauges();
    }
    return gauges;
  }

  private JsonObject fetch() throws IOException {
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + url, e);
    } catch (IOException e) {
      throw new IOException("cannot read " + url + ": " + e, e);
    }
    try {
      return new JsonObject(response.body());
    } catch (DecodeException e) {
      throw new IOException(url + " answered " + response.statusCode() + " without a health document", e);
    }
  }

  private static Map<String, Long> longs(JsonObject gauges) {
    Map<String, Long> values = new TreeMap<>();
    for (String name : gauges.fieldNames()) {
      if (gauges.getValue(name) instanceof Number n) {
        values.put(name, n.longValue());
      }
    }
    return values;
  }

  public URI url() {
    return url;
  }
}
