package io.tickwire.router;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.metrics.Metrics;
import io.tickwire.recorder.FlightRecorder;
import io.tickwire.recorder.Incident;
import io.tickwire.recorder.IncidentNotice;
import io.tickwire.recorder.IncidentWriter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The router's flight recorder: every valid event is recorded before the detectors see it (so a bundle holds the
 * trigger event and, for a duplicate, its original), every anomaly is offered as a trigger, and bundles are
 * written off the event loop, each announced on {@code md.incidents} once on disk. Stopping completes the capture
 * in progress and waits for every write.
 *
 * <p>When {@code recorder.enabled} is false this records nothing and costs one branch per event.
 */
final class IncidentRecording {
  private static final System.Logger LOG = System.getLogger(IncidentRecording.class.getName());
  private static final long POLL_MS = 250;

  private final Vertx vertx;
  private final Path dir;
  private final FlightRecorder recorder;
  private final AtomicLong written = new AtomicLong();
  private final List<Future<?>> writing = new ArrayList<>();
  private long pollTimer = -1;

  private IncidentRecording(Vertx vertx, Settings settings) {
    this.vertx = vertx;
    this.dir = settings.incidentsDir();
    this.recorder = settings.recorder().enabled() ? new FlightRecorder(settings.recorder(), this::write) : null;
  }

  static IncidentRecording start(Vertx vertx, Settings settings, Metrics metrics) {
    IncidentRecording recording = new IncidentRecording(vertx, settings);
    metrics.incidents(recording.written::get);
    if (recording.recorder != null) {
      recording.pollTimer = vertx.setPeriodic(POLL_MS, id -> recording.recorder.poll(System.currentTimeMillis()));
    }
    return recording;
  }

  void record(MarketEvent event) {
    if (recorder != null) {
      recorder.record(event);
    }
  }

  void anomalies(List<Anomaly> found) {
    if (recorder == null || found.isEmpty()) {
      return;
    }
    long now = System.currentTimeMillis();
    for (Anomaly anomaly : found) {
      recorder.anomaly(anomaly, now);
    }
  }

  /** Completes the capture in progress and waits until every bundle is on disk. */
  Future<Void> stop() {
    if (recorder == null) {
      return Future.succeededFuture();
    }
    vertx.cancelTimer(pollTimer);
    recorder.flush();
    return Future.join(List.copyOf(writing)).mapEmpty();
  }

  long written() {
    return written.get();
  }

  Map<String, Number> gauges() {
    return recorder == null ? Map.of() : recorder.stats().gauges();
  }

  private void write(Incident incident) {
    Future<Path> done = vertx.executeBlocking(() -> IncidentWriter.write(dir, incident), false);
    writing.add(done);
    done.onComplete(path -> {
      written.incrementAndGet();
      // Best-effort, like every notice: the bundle on disk is the record, this only tells watchers it is there.
      vertx.eventBus().publish(Addresses.INCIDENTS, IncidentNotice.of(incident));
      LOG.log(System.Logger.Level.WARNING, "incident {0} ({1} on {2} {3}): bundle written to {4}", incident.id(),
          incident.trigger().type(), incident.trigger().venue(), incident.trigger().symbol(), path);
    }, failure -> LOG.log(System.Logger.Level.ERROR, "incident {0}: writing the bundle failed: {1}",
        incident.id(), failure.getMessage()));
    done.onComplete(v -> writing.remove(done));
  }
}
