package io.tickwire.connector.binance;

import io.tickwire.connector.capture.CryptofeedCapture;
import io.tickwire.connector.capture.CryptofeedCapture.Direction;
import io.tickwire.connector.venue.VenueSession;
import io.tickwire.testing.Fixtures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The recorded Binance traffic as one timeline: the websocket frames of BINANCE.ws.1.0 and the REST depth
 * snapshots of BINANCE.http.0.0, merged by receive time. Replaying it hands each frame to a session and each
 * snapshot to {@link VenueSession#onSnapshot} when its time comes, provided the session asked for it by then (the
 * way {@code replay --rest} answers requests).
 */
final class BinanceFixtureReplay {
  /** A received websocket frame, or (when {@code snapshot} is set) a REST answer. */
  record Step(long at, String frame, BinanceRestCapture.Snapshot snapshot) {
  }

  private BinanceFixtureReplay() {
  }

  static List<String> frames() {
    List<String> frames = new ArrayList<>();
    for (Step step : timeline()) {
      if (step.frame() != null) {
        frames.add(step.frame());
      }
    }
    return frames;
  }

  static List<Step> timeline() {
    List<Step> steps = new ArrayList<>();
    CryptofeedCapture.read(Fixtures.cryptofeed("BINANCE.ws.1.0"), record -> {
      if (record.direction() == Direction.RECEIVED) {
        steps.add(new Step(record.epochMicros(), record.payload(), null));
      }
    });
    for (BinanceRestCapture.Snapshot s : BinanceRestCapture.read(Fixtures.cryptofeed("BINANCE.http.0.0"))) {
      steps.add(new Step(s.receivedMicros(), null, s));
    }
    steps.sort(Comparator.comparingLong(Step::at)); // stable: equal times keep file order
    return steps;
  }

  /**
   * Plays {@code steps} into {@code session}; {@code requests} is the session's list of snapshot requests so far
   * (read as it grows), and a snapshot is delivered only to a symbol with a request not yet answered.
   */
  static void play(List<Step> steps, VenueSession session, Supplier<List<String>> requests) {
    Set<String> pending = new HashSet<>();
    int seen = 0;
    for (Step step : steps) {
      List<String> asked = requests.get();
      for (; seen < asked.size(); seen++) {
        pending.add(asked.get(seen));
      }
      if (step.frame() != null) {
        session.onFrame(step.frame(), step.at());
      } else if (pending.remove(step.snapshot().symbol())) {
        session.onSnapshot(step.snapshot().symbol(), step.snapshot().body(), step.at());
      }
    }
  }
}
