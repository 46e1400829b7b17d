package io.tickwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.recorder.Incident;
import io.tickwire.testing.HttpProbe;
import io.tickwire.testing.TestIncidents;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /api/incidents}, {@code /api/incidents/{id}} and {@code /api/incidents/{id}/events} over real HTTP,
 * serving bundles that {@link io.tickwire.recorder.IncidentWriter} wrote into {@code <data_dir>/incidents}.
 */
@ExtendWith(VertxExtension.class)
class IncidentsApiTest {
  private static final long T0 = 1_714_564_800_000_000L; // 2024-05-01T12:00:00Z
  private static final long SECOND = 1_000_000L;

  @TempDir
  Path dataDir;
  private Path incidentsDir;
  private WebFixture fixture;

  // The older one is written last, so "newest first" cannot be the order of writing.
  private final Incident newer = TestIncidents.incident(T0 + 5 * SECOND, 0xbeef, "sequence_gap", "ETH-USD", 3, 2);
  private final Incident older = TestIncidents.incident(T0, 0x1f3a9c0e, "outlier_price", "BTC-USD", 4, 3);

  @BeforeEach
  void start(Vertx vertx) {
    incidentsDir = dataDir.resolve("incidents");
    fixture = WebFixture.withTokenSource(vertx, dataDir, Map.of(ApiToken.ENV, WebFixture.TOKEN));
  }

  private void writeBoth() {
    TestIncidents.write(incidentsDir, newer);
    TestIncidents.write(incidentsDir, older);
  }

  private JsonObject metaFile(Incident incident) throws IOException {
    return new JsonObject(Files.readString(incidentsDir.resolve(incident.id()).resolve("meta.json")));
  }

  @Test
  void noIncidentsDirectoryYetIsAnEmptyList() {
    assertThat(incidentsDir).doesNotExist();
    HttpProbe.Reply reply = fixture.get("/api/incidents");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.json()).isEqualTo(new JsonObject().put("incidents", new JsonArray()));
  }

  @Test
  void listIsNewestFirstEachTheMetaWithoutItsConfig() throws IOException {
    writeBoth();
    HttpProbe.Reply reply = fixture.get("/api/incidents");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json");
    JsonObject body = reply.json();
    assertThat(body.fieldNames()).containsExactly("incidents");
    JsonArray incidents = body.getJsonArray("incidents");
    assertThat(incidents).hasSize(2);

    JsonObject first = incidents.getJsonObject(0);
    JsonObject second = incidents.getJsonObject(1);
    assertThat(first.getString("id")).isEqualTo(newer.id());
    assertThat(second.getString("id")).isEqualTo(older.id());
    for (int i = 0; i < 2; i++) {
      assertThat(incidents.getJsonObject(i).containsKey("config")).isFalse();
    }
    JsonObject expected = metaFile(older);
    assertThat(expected.containsKey("config")).as("the bundle's own meta has it").isTrue();
    expected.remove("config");
    assertThat(second).isEqualTo(expected);
    assertThat(second.getJsonObject("trigger").getString("type")).isEqualTo("outlier_price");
    assertThat(second.getInteger("events_before")).isEqualTo(4);
    assertThat(second.getInteger("events_after")).isEqualTo(3);
  }

  @Test
  void limitKeepsTheNewest() {
    writeBoth();
    JsonArray one = fixture.get("/api/incidents?limit=1").json().getJsonArray("incidents");
    assertThat(one).hasSize(1);
    assertThat(one.getJsonObject(0).getString("id")).isEqualTo(newer.id());
    assertThat(fixture.get("/api/incidents?limit=1000").json().getJsonArray("incidents")).hasSize(2);
  }

  @Test
  void onlyCompleteBundlesWithAnIdForANameAreListed() throws IOException {
    writeBoth();
    Files.createDirectories(incidentsDir.resolve(".tmp-20240501T120009Z_00000001"));
    Files.createDirectories(incidentsDir.resolve("notes"));
    Files.writeString(Files.createDirectories(incidentsDir.resolve("20240501T120010Z_0000abcd")).resolve("meta.json"),
        "{not json");
    JsonArray incidents = fixture.get("/api/incidents").json().getJsonArray("incidents");
    assertThat(incidents.stream().map(o -> ((JsonObject) o).getString("id")))
        .containsExactly(newer.id(), older.id());
  }

  /** query string, then words the detail must contain. */
  @ParameterizedTest(name = "?{0}")
  @CsvSource(delimiter = '|', value = {
      "limit=0|limit|'0'|1 to 1000",
      "limit=1001|limit|'1001'|1 to 1000",
      "limit=ten|limit|'ten'|1 to 1000",
      "limit=1&limit=2|limit|2 times|limit",
      "symbol=BTC-USD|symbol|unknown|limit"})
  void badQueryIs400NamingTheParameter(String query, String word1, String word2, String word3) {
    HttpProbe.Reply reply = fixture.get("/api/incidents?" + query);
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.json().getString("error")).isEqualTo("bad_request");
    assertThat(reply.json().getString("detail")).contains(word1, word2, word3);
  }

  @Test
  void oneIncidentIsItsMetaWithConfigPlusItsReport() throws IOException {
    writeBoth();
    HttpProbe.Reply reply = fixture.get("/api/incidents/" + older.id());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json");
    Path bundle = incidentsDir.resolve(older.id());
    JsonObject expected = metaFile(older).put("report", Files.readString(bundle.resolve("report.md")));
    assertThat(reply.json()).isEqualTo(expected);
    assertThat(reply.json().getJsonObject("config").getInteger("before_events")).isEqualTo(100);
    assertThat(reply.json().getString("report")).startsWith("# Incident " + older.id() + "\n")
        .contains("| Trigger | outlier_price |");
  }

  @Test
  void eventsAreTheEventsJsonlAsNdjson() throws IOException {
    writeBoth();
    HttpProbe.Reply reply = fixture.get("/api/incidents/" + newer.id() + "/events");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/x-ndjson");
    String file = Files.readString(incidentsDir.resolve(newer.id()).resolve("events.jsonl"));
    assertThat(reply.body()).isEqualTo(file);
    assertThat(reply.body().lines()).hasSize(5);
    assertThat(reply.body().lines().map(JsonObject::new).map(e -> e.getString("symbol"))).containsOnly("ETH-USD");
  }

  @ParameterizedTest(name = "/api/incidents/ID{0}")
  @ValueSource(strings = {"", "/events"})
  void anUnknownIdIs404NamingIt(String suffix) {
    writeBoth();
    String unknown = "20240501T120000Z_00000000";
    HttpProbe.Reply reply = fixture.get("/api/incidents/" + unknown + suffix);
    assertThat(reply.status()).as(reply.body()).isEqualTo(404);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.json().getString("error")).isEqualTo("not_found");
    assertThat(reply.json().getString("detail")).contains("'" + unknown + "'");
  }

  @ParameterizedTest(name = "/api/incidents/{0}{1}")
  @CsvSource(delimiter = '|', value = {
      "not-an-id|",
      "not-an-id|/events",
      "20240501T120000Z_1F3A9C0E|",
      "20240501T120000Z_1f3a9c0e.bak|/events",
      "..%2Fsecret|",
      "..%2F..%2Fetc|/events"})
  void aMalformedIdIs400NamingIt(String id, String suffix) {
    writeBoth();
    HttpProbe.Reply reply = fixture.get("/api/incidents/" + id + (suffix == null ? "" : suffix));
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.json().fieldNames()).containsExactlyInAnyOrder("error", "detail");
    assertThat(reply.json().getString("error")).isEqualTo("bad_request");
    String decoded = java.net.URLDecoder.decode(id, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(reply.json().getString("detail")).contains("bad incident id '" + decoded + "'");
  }

  @Test
  void aDamagedBundleIsAServerErrorNamingIt() throws IOException {
    writeBoth();
    Files.writeString(incidentsDir.resolve(older.id()).resolve("meta.json"), "{not json");
    HttpProbe.Reply reply = fixture.get("/api/incidents/" + older.id());
    assertThat(reply.status()).as(reply.body()).isEqualTo(500);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.json().getString("error")).isEqualTo("incident_unreadable");
    assertThat(reply.json().getString("detail")).startsWith("incident '" + older.id() + "' cannot be read")
        .doesNotContain("database", "rules");
    // The damaged one is left out of the list rather than hiding the others.
    JsonArray listed = fixture.get("/api/incidents").json().getJsonArray("incidents");
    assertThat(listed.stream().map(o -> ((JsonObject) o).getString("id"))).containsExactly(newer.id());
  }

  @Test
  void anIncidentsPathThatIsAFileListsNothingAndFailsAReadWith500() throws IOException {
    Files.writeString(incidentsDir, "a file, not a directory");
    HttpProbe.Reply list = fixture.get("/api/incidents");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.json().getJsonArray("incidents")).as("no directory yet: nothing recorded").isEmpty();
    HttpProbe.Reply one = fixture.get("/api/incidents/" + older.id());
    assertThat(one.status()).as(one.body()).isEqualTo(500);
    assertThat(one.json().getString("error")).isEqualTo("incident_unreadable");
    assertThat(one.json().getString("detail")).contains(older.id());
  }
}
