package io.tickwire.batcher;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.TickBatch;
import io.tickwire.config.Settings;
import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;

/**
 * One partition a batcher owns: its windows and books, the last sequence number applied, the cutoff before which
 * it emits nothing, and its live consumer.
 *
 * <p>Sequence numbers make a takeover exact: events replayed from the router's journal and live batches
 * redelivered after a failover overlap, and an event at or below the last applied sequence number is skipped.
 * Events without a sequence number (0: not routed, e.g. a test feeding the batcher directly) are always applied.
 *
 * <p>Not thread-safe: used from its batcher's event loop.
 */
final class OwnedPartition {
  private static final long NO_CUTOFF = Long.MIN_VALUE;

  final int partition;
  final PartitionWindows windows;
  final PartitionBooks books;
  /** Null when no information-bar series is configured: then the stage costs nothing. */
  final InformationBars info;
  private long lastSeq;
  private long cutoff = NO_CUTOFF;
  private long skipped;
  private MessageConsumer<TickBatch> consumer;
  /** Set while the partition catches up on a hole from the journal; live batches wait for it. */
  Future<Void> catchingUp;
  private long holesFilled;
  private long holesUnfilled;

  OwnedPartition(int partition, Settings settings) {
    this.partition = partition;
    // Per partition, the router's cap: hashing could put every live symbol in one partition.
    this.windows = new PartitionWindows(settings.batcher(), settings.router().maxSymbols());
    this.books = new PartitionBooks(settings.books(), settings.router().maxSymbols());
    InformationBars information = new InformationBars(settings.batcher(), settings.router().maxSymbols());
    this.info = information.enabled() ? information : null;
  }

  /** Applies the events not applied yet; what they produce goes to {@code out}. */
  void apply(List<MarketEvent> events, long arrival, PartitionOutput out) {
    List<MarketEvent> fresh = unseen(events);
    if (fresh.isEmpty()) {
      return;
    }

    windows.onEvents(fresh, arrival, out.bars);
    if (info != null) {
      info.onEvents(fresh, out.infoBars);
    }
    books.onEvents(fresh, out.snapshots, out.anomalies);
    lastSeq = Math.max(lastSeq, fresh.get(fresh.size() - 1).seq());
    keepFromCutoff(out);
  }

  /** The router's word that the partition is idle: lets the windows close by the wall clock. */
  void idle(long now, PartitionOutput out) {
    windows.onIdleCheck(now, out.bars);
    if (info != null) {
      info.advanceTo(windows.watermark(), out.infoBars);
    }
    keepFromCutoff(out);
  }

  /** Closes every open window: the last bars before this owner stops. */
  void flush(PartitionOutput out) {
    windows.flush(out.bars);
    if (info != null) {
      info.flush(out.infoBars);
    }
    keepFromCutoff(out);
  }

  private void keepFromCutoff(PartitionOutput out) {
    if (cutoff != NO_CUTOFF) {
      out.keepFrom(cutoff);
    }
  }

  /**
   * The suffix of {@code events} after the last applied sequence number. A batch is in sequence order, so one
   * look at its first event settles the usual case.
   */
  private List<MarketEvent> unseen(List<MarketEvent> events) {
    if (events.isEmpty() || events.get(0).seq() == 0 || events.get(0).seq() > lastSeq) {
      return events;
    }
    int first = 0;
    while (first < events.size() && events.get(first).seq() <= lastSeq) {
      first++;
    }
    skipped += first;
    return events.subList(first, events.size());
  }

  /**
   * True when {@code events} start past the next sequence number: on the live path the router sends every event of
   * the partition, so a hole means an earlier batch was overtaken (a redelivery racing the new owner's binding)
   * and is still on its way. Applying past it would make the skip rule drop that batch when it comes.
   */
  boolean missesEventsBefore(List<MarketEvent> events) {
    if (events.isEmpty()) {
      return false;
    }
    long first = events.get(0).seq();
    return first != 0 && first > lastSeq + 1;
  }

  /** The journal's cutoff: windows starting before it are not emitted (the journal may lack their events). */
  void restrictTo(long journalCutoff) {
    cutoff = Math.max(cutoff, journalCutoff);
  }

  /** Everything up to {@code seq} is accounted for, applied or (older than the journal's cutoff) judged too late. */
  void appliedThrough(long seq) {
    lastSeq = Math.max(lastSeq, seq);
  }

  long lastSeq() {
    return lastSeq;
  }

  /** Events skipped because they were applied already (a redelivery overlapping the replay). */
  long skipped() {
    return skipped;
  }

  /** Holes in the live sequence filled from the journal. */
  long holesFilled() {
    return holesFilled;
  }

  /** Holes applied past because the journal could not fill them: events lost to this partition's bars. */
  long holesUnfilled() {
    return holesUnfilled;
  }

  void holeUnfilled() {
    holesUnfilled++;
  }

  void holeFilled() {
    holesFilled++;
  }

  void consumer(MessageConsumer<TickBatch> consumer) {
    this.consumer = consumer;
  }

  /** Stops live delivery; completes once the cluster no longer routes this partition here. */
  Future<Void> unbind() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }
}
