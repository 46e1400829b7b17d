package io.tickwire.coverage;

import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.MarketEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The completeness ledger in memory: for every venue x symbol x channel seen, covered spans in event time and holes
 * with their causes, merged as the stream goes (one covered span grows until a hole cuts it). Changed segments wait
 * in {@link #drainChanges} for the store; writing one twice is harmless.
 *
 * <p>Bounded: at most {@code maxStreams} streams (least recently used dropped, after its changes are kept for the
 * store), {@code keepPerStream} recent segments each, and {@code maxUnwritten} segments waiting for the store
 * (oldest dropped and counted when the database stays away). Not thread-safe: one event loop owns it.
 */
public final class CoverageLedger {
  private final int keepPerStream;
  private final int maxUnwritten;
  private final Map<StreamKey, StreamLedger> streams;
  private final Map<Segment.Id, Segment> unwritten = new LinkedHashMap<>();
  private final Set<StreamLedger> changed = new LinkedHashSet<>();
  private long newestEventTime = Long.MIN_VALUE;
  private long unwrittenDropped;
  private long streamsEvicted;
  private long unmatchedOutcomes;

  public CoverageLedger(int maxStreams, int keepPerStream, int maxUnwritten) {
    this.keepPerStream = keepPerStream;
    this.maxUnwritten = maxUnwritten;
    // Access-ordered, least recently used first; an evicted stream's changes are kept for the store first.
    this.streams = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<StreamKey, StreamLedger> eldest) {
        boolean evict = size() > maxStreams;
        if (evict) {
          keepChanges(eldest.getValue());
          streamsEvicted++;
        }
        return evict;
      }
    };
  }

  /** Folds one routed event in: data extends its stream's coverage, a gap marker opens holes. */
  public void observe(MarketEvent event) {
    if (event instanceof FeedGap gap) {
      HoleOutcome outcome = HoleOutcome.parse(gap.reason());
      if (outcome == null) {
        hole(gap.venue(), gap.symbol(), HoleCause.classify(gap.reason()), gap.reason());
      } else {
        resolve(gap.venue(), gap.symbol(), outcome);
      }
      return;
    }
    Channel channel = Channel.of(event.kind());
    if (channel == null) {
      return;
    }
    StreamLedger stream = stream(new StreamKey(event.venue(), event.symbol(), channel));
    stream.observe(event.eventTime());
    newestEventTime = Math.max(newestEventTime, event.eventTime());
  }

  /** Opens a hole of {@code cause} on every channel of ({@code venue}, {@code symbol}) the cause concerns. */
  public void hole(String venue, String symbol, HoleCause cause, String detail) {
    for (Channel channel : cause.channels()) {
      StreamLedger stream = streams.get(new StreamKey(venue, symbol, channel));
      if (stream != null) {
        stream.hole(cause, detail);
        noteChanged(stream);
      }
    }
  }

  /** Backfills concern trades: the outcome goes to the trade stream's hole opened with the same reason. */
  private void resolve(String venue, String symbol, HoleOutcome outcome) {
    StreamLedger stream = streams.get(new StreamKey(venue, symbol, Channel.TRADES));
    if (stream != null && stream.resolve(outcome)) {
      noteChanged(stream);
    } else {
      unmatchedOutcomes++;
    }
  }

  /** Backfill outcomes whose hole the ledger no longer held in memory (or never saw). */
  public long unmatchedOutcomes() {
    return unmatchedOutcomes;
  }

  /**
   * A node starting after downtime: each stored stream resumes from its newest covered span, with a
   * {@code not_running} hole from when a node was last seen alive ({@code aliveUntil}) to at least {@code now}.
   */
  public void restoreAfterDowntime(Segment lastCovered, long aliveUntil, long now) {
    StreamLedger stream = new StreamLedger(lastCovered.stream(), keepPerStream);
    streams.put(lastCovered.stream(), stream);
    stream.restoreAfterDowntime(lastCovered.from(), lastCovered.to(), aliveUntil, now);
    noteChanged(stream);
  }

  /** Every segment changed since the last call, each once in its newest version, oldest change first. */
  public List<Segment> drainChanges() {
    for (StreamLedger stream : changed) {
      keepChanges(stream);
    }
    changed.clear();
    List<Segment> out = new ArrayList<>(unwritten.values());
    unwritten.clear();
    return out;
  }

  /** Puts back segments the store could not take, behind anything newer about the same segment. */
  public void retry(List<Segment> failed) {
    Map<Segment.Id, Segment> newer = new LinkedHashMap<>(unwritten);
    unwritten.clear();
    for (Segment s : failed) {
      unwritten.put(s.id(), s);
    }
    unwritten.putAll(newer);
    trimUnwritten();
  }

  /** Covered and missing time per (venue, channel) over the window of {@code windowMicros} before the newest event. */
  public Map<String, Map<Channel, CoverageRatio>> ratios(long windowMicros) {
    Map<String, Map<Channel, CoverageRatio>> out = new HashMap<>();
    long to = newestEventTime;
    long from = to - windowMicros;
    for (StreamLedger stream : streams.values()) {
      CoverageRatio r = CoverageRatio.of(stream.segments(), from, to);
      out.computeIfAbsent(stream.key().venue(), v -> new HashMap<>()).merge(stream.key().channel(), r,
          CoverageRatio::plus);
    }
    return out;
  }

  /** The segments the ledger holds for {@code key}, oldest first; empty when it does not follow the stream. */
  public List<Segment> segments(StreamKey key) {
    StreamLedger stream = streams.get(key);
    return stream == null ? List.of() : stream.segments();
  }

  public int streams() {
    return streams.size();
  }

  public long streamsEvicted() {
    return streamsEvicted;
  }

  /** Segment versions dropped because more than {@code maxUnwritten} waited for the store. */
  public long unwrittenDropped() {
    return unwrittenDropped;
  }

  private StreamLedger stream(StreamKey key) {
    StreamLedger stream = streams.get(key);
    if (stream == null) {
      stream = new StreamLedger(key, keepPerStream);
      streams.put(key, stream);
    }
    noteChanged(stream);
    return stream;
  }

  private void noteChanged(StreamLedger stream) {
    changed.add(stream);
  }

  private void keepChanges(StreamLedger stream) {
    List<Segment> out = new ArrayList<>(2);
    stream.drainChanges(out);
    for (Segment s : out) {
      unwritten.remove(s.id());
      unwritten.put(s.id(), s);
    }
    trimUnwritten();
  }

  private void trimUnwritten() {
    var it = unwritten.keySet().iterator();
    while (unwritten.size() > maxUnwritten && it.hasNext()) {
      it.next();
      it.remove();
      unwrittenDropped++;
    }
  }
}
