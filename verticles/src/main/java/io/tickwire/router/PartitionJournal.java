package io.tickwire.router;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.config.BatcherSettings;
import io.tickwire.config.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * The routed events of one partition, in sequence order, kept in memory so that a compute node taking the partition
 * over can rebuild its windows (see {@link JournalService}).
 *
 * <p>What is kept: every event whose event time is at or after the cutoff {@code C}, a multiple of the largest
 * batcher interval {@code L}. C trails the newest event time by at least the retention
 * {@code allowed lateness + revision horizon + L + margin}, so the windows starting at or after C are complete here,
 * and every window starting before C was already closed (the margin: and its bar delivered) by the owner's watermark.
 * C only ever moves on whole boundaries, so a window of the largest interval is either wholly kept or not at all.
 *
 * <p>An event arriving with an event time before C is not journaled. That is safe: for any interval {@code I <= L}
 * its window ends by {@code C + L <= newest - lateness - horizon}, so the batcher judges it too late and drops it
 * (either late policy), and the window it would have touched starts before C, which a takeover does not emit anyway.
 *
 * <p>The cap ({@code router.journal_max_events}) bounds memory when the rate is high: past it C moves to the next
 * boundary early (counted as {@link #capAdvances()}); a takeover then emits only the windows after that C.
 *
 * <p>Cost on the router's hot path: one array store per event (the ring doubles until the cap, then stays), no
 * allocation. Not thread-safe: used from the router's event loop only.
 */
public final class PartitionJournal {
  private static final int INITIAL_CAPACITY = 1024;

  private final long boundaryMicros;
  private final long retentionMicros;
  private final int maxEvents;
  private MarketEvent[] ring = new MarketEvent[INITIAL_CAPACITY];
  private int head;
  private int size;
  private long cutoff = Long.MIN_VALUE;
  private long newest = Long.MIN_VALUE;
  private long notJournaled;
  private long capAdvances;

  /**
   * @param boundaryMicros the largest batcher interval: the cutoff is always a multiple of it
   * @param retentionMicros event time kept behind the newest event, at least
   * @param maxEvents the cap on events kept
   */
  public PartitionJournal(long boundaryMicros, long retentionMicros, int maxEvents) {
    if (boundaryMicros <= 0 || retentionMicros < 0 || maxEvents < 1) {
      throw new IllegalArgumentException("boundary " + boundaryMicros + ", retention " + retentionMicros
          + ", cap " + maxEvents);
    }
    this.boundaryMicros = boundaryMicros;
    this.retentionMicros = retentionMicros;
    this.maxEvents = maxEvents;
  }

  /** The journal the batcher settings call for: the largest interval as boundary, lateness and horizon covered. */
  public static PartitionJournal forSettings(Settings settings) {
    BatcherSettings batcher = settings.batcher();
    long largestMillis = batcher.intervalsMillis()[batcher.intervalsMillis().length - 1];
    long retentionMillis = batcher.allowedLatenessMs() + batcher.revisionHorizonMs() + largestMillis
        + settings.router().journalMarginMs();
    return new PartitionJournal(largestMillis * 1000, retentionMillis * 1000, settings.router().journalMaxEvents());
  }

  /** Journals a sequenced event, unless it is older than the cutoff; moves the cutoff on as event time advances. */
  public void append(MarketEvent event) {
    long time = event.eventTime();
    if (time < cutoff) {
      notJournaled++;
      return;
    }
    if (size == maxEvents) {
      advancePastHead();
    }
    if (size == ring.length) {
      grow();
    }
    ring[(head + size) % ring.length] = event;
    size++;
    if (time > newest) {
      newest = time;
      advanceTo(Math.floorDiv(time - retentionMicros, boundaryMicros) * boundaryMicros);
    }
  }

  /** Moves the cutoff to {@code next} (when that is later) and trims the events it leaves behind. */
  private void advanceTo(long next) {
    if (next > cutoff) {
      cutoff = next;
      trimHead();
    }
  }

  /**
   * Over the cap: the next boundary after the oldest event kept becomes the cutoff, so at least that event goes.
   * Events are in sequence order, not event-time order, so the oldest kept may be later than C; the jump is from it.
   */
  private void advancePastHead() {
    long headTime = ring[head].eventTime();
    long next = Math.max(cutoff + boundaryMicros, Math.floorDiv(headTime, boundaryMicros) * boundaryMicros
        + boundaryMicros);
    capAdvances++;
    advanceTo(next);
  }

  /**
   * Drops events from the head while they are older than the cutoff. Only a prefix goes: an event older than C
   * behind a newer one stays until it reaches the head, which keeps every event at or after C (the guarantee).
   */
  private void trimHead() {
    while (size > 0 && ring[head].eventTime() < cutoff) {
      ring[head] = null;
      head = (head + 1) % ring.length;
      size--;
    }
  }

  private void grow() {
    MarketEvent[] bigger = new MarketEvent[Math.min(ring.length * 2, Math.max(maxEvents, ring.length + 1))];
    for (int i = 0; i < size; i++) {
      bigger[i] = ring[(head + i) % ring.length];
    }
    ring = bigger;
    head = 0;
  }

  /** Up to {@code max} journaled events with {@code seq >= fromSeq}, in sequence order. */
  public List<MarketEvent> from(long fromSeq, int max) {
    int first = firstAtOrAfter(fromSeq);
    int n = Math.min(max, size - first);
    List<MarketEvent> out = new ArrayList<>(n);
    for (int i = first; i < first + n; i++) {
      out.add(at(i));
    }
    return out;
  }

  /** Binary search by sequence number, which rises along the ring (gaps where events were not journaled). */
  private int firstAtOrAfter(long seq) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (at(mid).seq() < seq) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private MarketEvent at(int index) {
    return ring[(head + index) % ring.length];
  }

  /** Event time (epoch micros) from which every journaled event is kept; {@code Long.MIN_VALUE} before any trim. */
  public long cutoff() {
    return cutoff;
  }

  public int size() {
    return size;
  }

  /** Events that arrived older than the cutoff and were not journaled (the batcher drops them as too late). */
  public long notJournaled() {
    return notJournaled;
  }

  /** Times the cap moved the cutoff on early. */
  public long capAdvances() {
    return capAdvances;
  }
}
