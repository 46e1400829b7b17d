package io.tickwire.recorder;

import static io.tickwire.recorder.Recorded.T0;
import static io.tickwire.recorder.Recorded.anomaly;
import static io.tickwire.recorder.Recorded.settings;
import static io.tickwire.recorder.Recorded.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyTypes;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncidentStoreTest {
  @TempDir
  Path dir;

  /** A written incident triggered by trade {@code i} ({@code i} ms after T0), with suffix {@code suffix}. */
  private Incident written(int i, int suffix) throws IOException {
    Anomaly trigger = anomaly(AnomalyTypes.SEQUENCE_GAP, trade(i));
    Incident incident = new Incident(IncidentIds.of(trigger.ts(), suffix), trigger, List.of(trade(i)),
        List.of(trade(i + 1)), Map.of(AnomalyTypes.SEQUENCE_GAP, 1L), List.of(trigger),
        Incident.Completion.AFTER_EVENTS, 0, settings(1, 1, 0));
    IncidentWriter.write(dir, incident);
    return incident;
  }

  private static List<String> ids(List<JsonObject> metas) {
    return metas.stream().map(m -> m.getString("id")).toList();
  }

  @Test
  void listsNewestTriggerFirstAndWithinOneSecondTheLaterWritten() throws IOException {
    Incident oldest = written(0, 0xffffffff);
    Incident newest = written(2_000, 0x00000001);
    Incident sameSecondFirst = written(1_000, 0x99999999);
    Incident sameSecondLater = written(1_500, 0x11111111);

    assertThat(ids(new IncidentStore(dir).list()))
        .containsExactly(newest.id(), sameSecondLater.id(), sameSecondFirst.id(), oldest.id());
  }

  @Test
  void ignoresTemporaryDirectoriesLeftByACrashAndDirectoriesWithoutMeta() throws IOException {
    Incident complete = written(0, 1);
    // A crash mid-write: the temporary directory has some files, even a meta.json, but was never renamed.
    Path crashed = Files.createDirectory(dir.resolve(".tmp-" + IncidentIds.of(T0 + 5_000_000, 2)));
    Files.writeString(crashed.resolve("events.jsonl"), "{\"type\":\"tr");
    Files.writeString(crashed.resolve("meta.json"), new JsonObject().put("id", "crashed").encode());
    Files.createDirectory(dir.resolve(IncidentIds.of(T0 + 6_000_000, 3)));
    Files.writeString(dir.resolve("notes.txt"), "not an incident");
    Path broken = Files.createDirectory(dir.resolve(IncidentIds.of(T0 + 7_000_000, 4)));
    Files.writeString(broken.resolve("meta.json"), "{ truncated");

    assertThat(ids(new IncidentStore(dir).list())).containsExactly(complete.id());
  }

  @Test
  void readsTheMetaReportAndEventsOfAnIncident() throws IOException {
    Incident incident = written(0, 0xabcdef01);
    IncidentStore store = new IncidentStore(dir);

    assertThat(store.meta(incident.id())).hasValueSatisfying(meta -> {
      assertThat(meta.getString("id")).isEqualTo(incident.id());
      assertThat(meta.getInteger("events_before")).isEqualTo(1);
    });
    assertThat(store.report(incident.id())).hasValueSatisfying(report ->
        assertThat(report).startsWith("# Incident " + incident.id()).contains("--summary json"));
    assertThat(store.events(incident.id())).hasValue(dir.resolve(incident.id()).resolve("events.jsonl"));
  }

  @Test
  void anUnknownIdIsEmptyAndAMissingDirectoryListsNothing() throws IOException {
    String unknown = IncidentIds.of(T0, 42);
    IncidentStore store = new IncidentStore(dir.resolve("not-yet"));

    assertThat(store.list()).isEmpty();
    assertThat(store.meta(unknown)).isEmpty();
    assertThat(store.report(unknown)).isEmpty();
    assertThat(store.events(unknown)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x", "..", "", "20240501T120000Z_1F3A9C0E", "20240501T120000Z_1f3a9c0e/../../etc",
      ".tmp-20240501T120000Z_1f3a9c0e", "20240501T120000Z_1f3a9c0e\u0000"})
  void rejectsWhatIsNotAnIdBeforeTouchingTheFilesystem(String bad) throws IOException {
    Files.writeString(dir.resolve("x"), "outside any bundle");
    IncidentStore store = new IncidentStore(dir.resolve("incidents"));

    assertThatThrownBy(() -> store.meta(bad)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + bad + "'");
    assertThatThrownBy(() -> store.report(bad)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.events(bad)).isInstanceOf(IllegalArgumentException.class);
  }
}
