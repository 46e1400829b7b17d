package io.tickwire.coverage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The coverage of one stream as it goes: the covered span being extended, the hole waiting for the stream to come
 * back, and the most recent finished segments (at most {@code keep}, for the ratio; the store has them all).
 *
 * <p>Replay-safe: an event at or before what the stream already covers changes nothing, so the same stream fed
 * twice (a replay, a journal re-read after failover) yields the same segments; and a segment is identified by its
 * start, so writing it again only moves its end.
 */
final class StreamLedger {
  private static final long NONE = Long.MIN_VALUE;

  private final StreamKey key;
  private final int keep;
  private final ArrayDeque<Segment> recent = new ArrayDeque<>();
  /** Finished segments and hole openings not yet handed to the store. */
  private final List<Segment> unwritten = new ArrayList<>(2);
  private long spanStart = NONE;
  private long spanEnd = NONE;
  private boolean spanChanged;
  private Segment pendingHole;

  StreamLedger(StreamKey key, int keep) {
    this.key = key;
    this.keep = keep;
  }

  StreamKey key() {
    return key;
  }

  /** An event of this stream at event time {@code t}. */
  void observe(long t) {
    if (pendingHole != null) {
      if (t > pendingHole.from()) {
        closeHole(t);
      }
      return;
    }
    if (spanStart == NONE) {
      startSpan(t);
    } else if (t > spanEnd) {
      spanEnd = t;
      spanChanged = true;
    }
  }

  /**
   * The stream has a hole from its last event on; it lasts until the stream's next event. A second marker while
   * the hole is open adds nothing: the first cause stands. A stream with nothing covered yet has nothing to lose.
   */
  void hole(HoleCause cause, String detail) {
    if (pendingHole != null || spanStart == NONE) {
      return;
    }
    finishSpan();
    pendingHole = Segment.hole(key, spanEnd, spanEnd, cause, detail, true);
    unwritten.add(pendingHole);
  }

  /**
   * Restores the stream as stored ({@code [from, to]} its newest covered span, which the node kept covering until it
   * was last seen alive at {@code aliveUntil}) and opens a {@code not_running} hole from there, known to reach at
   * least {@code now}.
   */
  void restoreAfterDowntime(long from, long to, long aliveUntil, long now) {
    spanStart = from;
    spanEnd = Math.max(to, Math.min(aliveUntil, now));
    spanChanged = spanEnd != to;
    finishSpan();
    pendingHole = Segment.hole(key, spanEnd, Math.max(spanEnd, now), HoleCause.NOT_RUNNING,
        "no node was running", true);
    unwritten.add(pendingHole);
  }

  /** Moves what changed since the last call to {@code out}. */
  void drainChanges(List<Segment> out) {
    out.addAll(unwritten);
    unwritten.clear();
    if (spanChanged) {
      out.add(Segment.covered(key, spanStart, spanEnd));
      spanChanged = false;
    }
  }

  boolean changed() {
    return spanChanged || !unwritten.isEmpty();
  }

  /** The recent segments, the open span and the open hole, oldest first. */
  List<Segment> segments() {
    List<Segment> out = new ArrayList<>(recent);
    if (pendingHole != null) {
      out.add(pendingHole);
    } else if (spanStart != NONE) {
      out.add(Segment.covered(key, spanStart, spanEnd));
    }
    return out;
  }

  private void startSpan(long t) {
    spanStart = t;
    spanEnd = t;
    spanChanged = true;
  }

  private void finishSpan() {
    Segment span = Segment.covered(key, spanStart, spanEnd);
    remember(span);
    if (spanChanged) {
      unwritten.add(span);
      spanChanged = false;
    }
  }

  /**
   * Records what became of the hole opened with {@code outcome.holeReason()}: the newest such hole the stream still
   * remembers; false when it remembers none (already out of memory, or never opened here).
   */
  boolean resolve(HoleOutcome outcome) {
    // Only an open hole takes an outcome: a venue repeats its disconnect reason, and a second drop's hole can be
    // settled (nothing lost) while the first one's fetch is still running.
    if (pendingHole != null && awaitsOutcome(pendingHole, outcome)) {
      pendingHole = pendingHole.resolved(outcome);
      unwritten.add(pendingHole);
      return true;
    }
    var it = recent.descendingIterator();
    while (it.hasNext()) {
      Segment s = it.next();
      if (awaitsOutcome(s, outcome)) {
        Segment resolved = s.resolved(outcome);
        replaceRecent(s, resolved);
        unwritten.add(resolved);
        return true;
      }
    }
    return false;
  }

  private static boolean awaitsOutcome(Segment hole, HoleOutcome outcome) {
    return hole.kind() == Segment.Kind.HOLE && hole.state() == HoleOutcome.HoleState.OPEN
        && outcome.holeReason().equals(hole.detail());
  }

  private void replaceRecent(Segment old, Segment replacement) {
    List<Segment> all = new ArrayList<>(recent);
    all.set(all.lastIndexOf(old), replacement);
    recent.clear();
    recent.addAll(all);
  }

  private void closeHole(long t) {
    Segment closed = pendingHole.endingAt(t, false);
    pendingHole = null;
    remember(closed);
    unwritten.add(closed);
    startSpan(t);
  }

  private void remember(Segment segment) {
    recent.addLast(segment);
    while (recent.size() > keep) {
      recent.removeFirst();
    }
  }
}
