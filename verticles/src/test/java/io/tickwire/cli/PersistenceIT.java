package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.V1Json;
import io.tickwire.testing.Await;
import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar on its defaults, as a user first meets it: the embedded database starts by itself, the API
 * serves the bars, and a second run in the same directory sees the first run's bars.
 */
// Two runs, each starting the embedded database, take a minute or two on a loaded machine; past that, a hang.
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class PersistenceIT {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir
  Path dir;

  @Test
  void embeddedDatabaseKeepsBarsAcrossRunsAndTheApiServesThem() throws Exception {
    int port = freePort();
    Process first = start(port, "first");
    List<Bar> firstBars = new ArrayList<>();
    try {
      Await.until(() -> {
        firstBars.clear();
        firstBars.addAll(bars(port));
        return firstBars.size() >= 2;
      }, Duration.ofSeconds(90), "bars from the first run on /api/bars");
    } finally {
      stop(first);
    }

    Process second = start(port, "second");
    try {
      Await.until(() -> ready(port), Duration.ofSeconds(90), "the second run to be ready");
      List<Bar> seen = bars(port);
      assertThat(seen).as("the second run serves the first run's bars")
          .extracting(Bar::start).contains(firstBars.get(0).start(), firstBars.get(1).start());
      assertThat(seen).allSatisfy(b -> {
        assertThat(b.symbol()).isEqualTo("BTC-USD");
        assertThat(b.interval()).isEqualTo("1s");
      });
    } finally {
      stop(second);
    }
  }

  private Process start(int port, String name) throws IOException {
    Path jar = Paths.get(System.getProperty("tickwire.jar"));
    return new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar.toString(), "run", "--set", "web.port=" + port, "--set", "ingest.tcp.port=0")
        .directory(dir.toFile())
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile())
        .start();
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("tickwire did not stop within 60 s of SIGTERM");
    }
    assertThat(process.exitValue()).as("graceful stop on SIGTERM").isEqualTo(143);
  }

  private List<Bar> bars(int port) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/api/bars?symbol=BTC-USD&interval=1s")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return List.of();
      }
      List<Bar> out = new ArrayList<>();
      for (Object item : new JsonArray(response.body())) {
        out.add(V1Json.readBar(item.toString()));
      }
      return out;
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private boolean ready(int port) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
