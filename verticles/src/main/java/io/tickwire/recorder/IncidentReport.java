package io.tickwire.recorder;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.IsoTime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** report.md: the incident for a human, ending with the command that replays it. */
final class IncidentReport {
  private IncidentReport() {
  }

  /** The replay command for a bundle whose events are (finally) at {@code eventsFile}. */
  static String replayCommand(Path eventsFile) {
    return "./tickwire replay --local --file " + eventsFile.toAbsolutePath() + " --summary json";
  }

  static String render(Incident incident, Path eventsFile) {
    StringBuilder md = new StringBuilder(4096);
    md.append("# Incident ").append(incident.id()).append("\n\n");
    summary(md, incident);
    counts(md, incident.anomalyCounts());
    evidence(md, incident.evidence());
    md.append("## Replay\n\n```\n").append(replayCommand(eventsFile)).append("\n```\n");
    return md.toString();
  }

  private static void summary(StringBuilder md, Incident incident) {
    Anomaly trigger = incident.trigger();
    md.append("| | |\n|---|---|\n");
    row(md, "Trigger", trigger.type());
    row(md, "Venue", trigger.venue());
    row(md, "Symbol", trigger.symbol());
    row(md, "Time", IsoTime.format(trigger.ts()));
    row(md, "Detail", trigger.detail());
    row(md, "Measure", measure(trigger.measure()));
    row(md, "Events before (trigger included)", Integer.toString(incident.before().size()));
    row(md, "Events after", Integer.toString(incident.after().size()));
    row(md, "Trigger line in events.jsonl",
        incident.triggerLine().isPresent() ? Integer.toString(incident.triggerLine().getAsInt()) : "not recorded");
    row(md, "Event time range",
        IsoTime.format(incident.firstEventTime()) + " to " + IsoTime.format(incident.lastEventTime()));
    row(md, "Venues", String.join(", ", incident.venues()));
    row(md, "Symbols", String.join(", ", incident.symbols()));
    row(md, "Capture ended by", incident.completion().wire());
    md.append('\n');
  }

  private static void counts(StringBuilder md, Map<String, Long> counts) {
    md.append("## Anomalies during the capture\n\n| Type | Count |\n|---|---|\n");
    counts.forEach((type, n) -> row(md, type, Long.toString(n)));
    md.append('\n');
  }

  private static void evidence(StringBuilder md, List<Anomaly> evidence) {
    md.append("## Evidence (first ").append(evidence.size()).append(" anomalies of the capture)\n\n")
        .append("| Time | Type | Venue | Symbol | Detail | Measure |\n|---|---|---|---|---|---|\n");
    for (Anomaly a : evidence) {
      md.append("| ").append(IsoTime.format(a.ts()));
      cells(md, a.type(), a.venue(), a.symbol(), a.detail(), measure(a.measure()));
      md.append('\n');
    }
    md.append('\n');
  }

  private static void row(StringBuilder md, String name, String value) {
    md.append("| ").append(cell(name));
    cells(md, value);
    md.append('\n');
  }

  private static void cells(StringBuilder md, String... values) {
    for (String value : values) {
      md.append(" | ").append(cell(value));
    }
    md.append(" |");
  }

  /** Feed text must not break the table: pipes are escaped, line breaks flattened. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
  }

  private static String measure(double value) {
    return Double.isNaN(value) ? "" : Double.toString(value);
  }
}
