package io.tickwire.testing;

import io.tickwire.redis.EmbeddedRedis;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real Redis for tests: the server named by {@code TICKWIRE_TEST_REDIS_URL} when set, otherwise one embedded
 * server per test JVM. Tests sharing it keep apart by writing under their own venue name. Also a small blocking
 * reader for what tests assert on.
 */
public final class TestRedis {
  public static final String URL_ENV = "TICKWIRE_TEST_REDIS_URL";
  private static EmbeddedRedis shared;

  private final Redis client;

  private TestRedis(Redis client) {
    this.client = client;
  }

  /** The shared test server's URL. */
  public static synchronized String url() {
    String external = System.getenv(URL_ENV);
    if (external != null && !external.isBlank()) {
      return external;
    }
    if (shared == null) {
      shared = new EmbeddedRedis(0);
      start(shared);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(shared)));
    }
    return shared.url();
  }

  /** Starts {@code redis} from the test thread (tests may block; event loops may not). */
  public static void start(EmbeddedRedis redis) {
    try {
      redis.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded test Redis", e);
    }
  }

  public static void stop(EmbeddedRedis redis) {
    try {
      redis.stop();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the embedded test Redis", e);
    }
  }

  /** A reader of the server at {@code url}; closed with {@code vertx}. */
  public static TestRedis reader(Vertx vertx, String url) {
    return new TestRedis(Redis.createClient(vertx, url));
  }

  public Redis client() {
    return client;
  }

  /** The string at {@code key}, or null when absent or Redis does not answer. */
  public String get(String key) {
    Response r = sendQuietly(Request.cmd(Command.GET).arg(key));
    return r == null ? null : r.toString();
  }

  public long xlen(String key) {
    return Await.result(client.send(Request.cmd(Command.XLEN).arg(key))).toLong();
  }

  public long ttl(String key) {
    return Await.result(client.send(Request.cmd(Command.TTL).arg(key))).toLong();
  }

  /** Milliseconds until {@code key} expires: -1 when it never does, -2 when it does not exist. */
  public long pttl(String key) {
    return Await.result(client.send(Request.cmd(Command.PTTL).arg(key))).toLong();
  }

  /** The value of {@code field} in the newest entry of the stream at {@code key}, or null when it is empty. */
  public String lastStreamValue(String key, String field) {
    Response entries = sendQuietly(Request.cmd(Command.XREVRANGE).arg(key).arg("+").arg("-").arg("COUNT").arg(1));
    if (entries == null || entries.size() == 0) {
      return null;
    }
    Response fields = entries.get(0).get(1);
    for (int i = 0; i + 1 < fields.size(); i += 2) {
      if (field.equals(fields.get(i).toString())) {
        return fields.get(i + 1).toString();
      }
    }
    return null;
  }

  /** Every entry of the stream at {@code key}, oldest first (XRANGE), each as its fields in order. */
  public java.util.List<java.util.Map<String, String>> streamEntries(String key) {
    Response entries = Await.result(client.send(Request.cmd(Command.XRANGE).arg(key).arg("-").arg("+")));
    java.util.List<java.util.Map<String, String>> out = new java.util.ArrayList<>();
    for (int e = 0; e < entries.size(); e++) {
      Response fields = entries.get(e).get(1);
      java.util.Map<String, String> entry = new java.util.LinkedHashMap<>();
      for (int i = 0; i + 1 < fields.size(); i += 2) {
        entry.put(fields.get(i).toString(), fields.get(i + 1).toString());
      }
      out.add(entry);
    }
    return out;
  }

  /** Polling readers retry while Redis restarts, so a failed read counts as "not there yet". */
  private Response sendQuietly(Request request) {
    try {
      return Await.result(client.send(request), java.time.Duration.ofSeconds(5));
    } catch (AssertionError e) {
      return null;
    }
  }
}
