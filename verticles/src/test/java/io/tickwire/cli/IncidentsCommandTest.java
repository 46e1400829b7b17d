package io.tickwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.IsoTime;
import io.tickwire.recorder.Incident;
import io.tickwire.testing.TestIncidents;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tickwire incidents list|show} run in-process as {@code main} runs it: exit codes, stdout, stderr. */
class IncidentsCommandTest {
  private static final long T0 = 1_714_564_800_000_000L; // 2024-05-01T12:00:00Z

  @TempDir
  Path dataDir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  // The older one is written last, so "newest first" cannot be the order of writing.
  private final Incident newer = TestIncidents.incident(T0 + 65_000_000L, 0xbeef, "sequence_gap", "ETH-USD", 3, 2);
  private final Incident older = TestIncidents.incident(T0, 0x1f3a9c0e, "outlier_price", "BTC-USD", 4, 3);

  private Path incidentsDir() {
    return dataDir.resolve("incidents");
  }

  private void writeBoth() {
    TestIncidents.write(incidentsDir(), newer);
    TestIncidents.write(incidentsDir(), older);
  }

  /** {@code tickwire incidents ARGS --set data_dir=<the temporary directory>}. */
  private int incidents(String... args) {
    List<String> all = new ArrayList<>(List.of("incidents"));
    all.addAll(List.of(args));
    all.addAll(List.of("--set", "data_dir=" + dataDir));
    return Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(all.toArray(String[]::new));
  }

  private String file(Incident incident, String name) throws IOException {
    return Files.readString(incidentsDir().resolve(incident.id()).resolve(name));
  }

  @Test
  void listWithNoIncidentsSaysSoOnStderrAndPrintsNothing() {
    assertThat(incidents("list")).isZero();
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().strip()).isEqualTo("no incidents in " + incidentsDir());
  }

  @Test
  void listJsonWithNoIncidentsPrintsNothingAtAll() {
    assertThat(incidents("list", "--json")).isZero();
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void listIsATableNewestFirst() {
    writeBoth();
    assertThat(incidents("list")).as(err.toString()).isZero();
    assertThat(err.toString()).isEmpty();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).split("\\s+"))
        .containsExactly("ID", "TRIGGER", "VENUE", "SYMBOL", "BEFORE", "AFTER", "TRIGGER", "TIME");
    assertThat(lines.get(1).split("\\s+")).containsExactly(newer.id(), "sequence_gap", "sim", "ETH-USD", "3", "2",
        IsoTime.format(newer.trigger().ts()));
    assertThat(lines.get(2).split("\\s+")).containsExactly(older.id(), "outlier_price", "sim", "BTC-USD", "4", "3",
        IsoTime.format(T0));
    assertThat(lines.get(1).indexOf("sequence_gap")).as("columns aligned with the header")
        .isEqualTo(lines.get(0).indexOf("TRIGGER"));
  }

  @Test
  void listJsonIsOneMetaObjectPerLineNewestFirst() throws IOException {
    writeBoth();
    assertThat(incidents("list", "--json")).as(err.toString()).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(new JsonObject(lines.get(0))).isEqualTo(new JsonObject(file(newer, "meta.json")));
    assertThat(new JsonObject(lines.get(1))).isEqualTo(new JsonObject(file(older, "meta.json")));
  }

  @Test
  void showPrintsTheReport() throws IOException {
    writeBoth();
    assertThat(incidents("show", older.id())).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo(file(older, "report.md") + System.lineSeparator());
    assertThat(out.toString()).startsWith("# Incident " + older.id() + "\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void showJsonPrintsTheMeta() throws IOException {
    writeBoth();
    assertThat(incidents("show", newer.id(), "--json")).as(err.toString()).isZero();
    JsonObject printed = new JsonObject(out.toString());
    assertThat(printed).isEqualTo(new JsonObject(file(newer, "meta.json")));
    assertThat(printed.getString("id")).isEqualTo(newer.id());
    assertThat(printed.containsKey("config")).isTrue();
  }

  @Test
  void showJsonOfADamagedBundleExitsOneNamingIt() throws IOException {
    writeBoth();
    Files.writeString(incidentsDir().resolve(newer.id()).resolve("meta.json"), "{\"id\":");
    assertThat(incidents("show", newer.id(), "--json")).isEqualTo(1);
    assertThat(err.toString()).contains("incident '" + newer.id() + "'").contains("cannot be read");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void showAnUnknownIdExitsOneNamingItAndTheDirectory() {
    writeBoth();
    String unknown = "20240501T120000Z_00000000";
    assertThat(incidents("show", unknown)).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("no incident '" + unknown + "' in " + incidentsDir(),
        "tickwire incidents list");
    assertThat(incidents("show", unknown, "--json")).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void showAMalformedIdExitsTwoAndReadsNothingOutsideTheDirectory() throws IOException {
    writeBoth();
    Files.writeString(dataDir.resolve("x"), "outside");
    assertThat(incidents("show", "../x")).isEqualTo(2);
    assertThat(incidents("show", "../x", "--json")).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("bad incident id '../x'").doesNotContain("outside");
  }

  @Test
  void theIncidentsDirectoryComesFromTheConfigFile() throws IOException {
    Path config = Files.writeString(dataDir.resolve("tickwire.yaml"), "recorder:\n  dir: bundles\n");
    TestIncidents.write(dataDir.resolve("bundles"), older);
    assertThat(incidents("list", "--json", "--config", config.toString())).as(err.toString()).isZero();
    assertThat(new JsonObject(out.toString().strip()).getString("id")).isEqualTo(older.id());
  }

  @Test
  void aBadConfigurationExitsTwo() {
    Path missing = dataDir.resolve("missing.yaml");
    assertThat(incidents("list", "--config", missing.toString())).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("tickwire: ").contains(missing.toString());
  }

  @Test
  void noSubcommandIsAUsageError() {
    int code = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute("incidents");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("missing subcommand: list or show ID");
    assertThat(out.toString()).isEmpty();
  }
}
