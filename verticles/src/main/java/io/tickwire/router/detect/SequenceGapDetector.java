package io.tickwire.router.detect;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.codecs.Trade;
import java.util.Arrays;
import io.tickwire.flow.LruMap;
import java.util.List;

/**
 * For venues whose trade ids are consecutive integers, reports ids that never arrived as {@code sequence_gap}:
 * one anomaly per run of consecutive missing ids, whose measure is the run's length.
 *
 * <p>Why not report every forward jump at once: feeds reorder a little (and so does a replay with a shuffle
 * window), and a late id is not a lost one. A missing id is held as pending until {@code reorderWindow} later
 * ids of its symbol have arrived; if it turns up by then the jump was a reordering, otherwise it is lost. So a
 * gap is reported {@code reorderWindow} trades late, and {@link #flush} reports what is still pending when the
 * stream ends. A jump of more than {@link #MAX_PENDING} ids is reported at once: no reordering explains it.
 * Ids that are not all digits (or too long for a long) carry no continuity and are ignored. State per
 * (venue, symbol) is bounded by LRU ({@code maxKeys}).
 */
public final class SequenceGapDetector {
  public static final int DEFAULT_MAX_KEYS = 100_000;
  public static final int DEFAULT_REORDER_WINDOW = 128;
  static final int MAX_PENDING = 4_096;
  private static final int MAX_DIGITS = 18;

  /** The highest id seen and the ids below it still missing, ascending. */
  private static final class Track {
    final String venue;
    final String symbol;
    long max;
    long[] pending = new long[4];
    int count;

    Track(String venue, String symbol, long max) {
      this.venue = venue;
      this.symbol = symbol;
      this.max = max;
    }
  }

  private final LruMap<VenueSymbol, Track> tracks;
  private final int reorderWindow;

  public SequenceGapDetector() {
    this(DEFAULT_MAX_KEYS, DEFAULT_REORDER_WINDOW);
  }

  public SequenceGapDetector(int maxKeys, int reorderWindow) {
    this.tracks = new LruMap<>(maxKeys);
    this.reorderWindow = reorderWindow;
  }

  /** Notes {@code trade}'s id; adds an anomaly for each run of ids now known lost. Returns the ids reported. */
  public long check(Trade trade, List<Anomaly> out) {
    long id = parseId(trade.tradeId());
    if (id < 0) {
      return 0;
    }
    VenueSymbol key = new VenueSymbol(trade.venue(), trade.symbol());
    Track track = tracks.get(key);
    if (track == null) {
      tracks.put(key, new Track(trade.venue(), trade.symbol(), id));
      return 0;
    }
    long reported = 0;
    if (id > track.max) {
      long missing = id - track.max - 1;
      if (missing > MAX_PENDING) {
        reported += confirm(track, Long.MAX_VALUE, trade.eventTime(), out);
        report(track, track.max + 1, id - 1, trade.eventTime(), out);
        reported += missing;
      } else {
        for (long m = track.max + 1; m < id; m++) {
          add(track, m);
        }
      }
      track.max = id;
    } else {
      remove(track, id);
    }
    return reported + confirm(track, track.max - reorderWindow, trade.eventTime(), out);
  }

  /** Reports every pending id as lost: the stream has ended, nothing more will arrive. */
  public long flush(long eventTime, List<Anomaly> out) {
    long reported = 0;
    for (Track track : tracks.values()) {
      reported += confirm(track, Long.MAX_VALUE, eventTime, out);
    }
    return reported;
  }

  /**
   * Reports each run of consecutive pending ids whose last id is below {@code below}: a run is judged whole, so
   * one lost stretch is one anomaly however the ids behind it arrive.
   */
  private static long confirm(Track track, long below, long eventTime, List<Anomaly> out) {
    int n = 0;
    while (n < track.count) {
      int end = n + 1;
      while (end < track.count && track.pending[end] == track.pending[end - 1] + 1) {
        end++;
      }
      if (track.pending[end - 1] >= below) {
        break;
      }
      report(track, track.pending[n], track.pending[end - 1], eventTime, out);
      n = end;
    }
    System.arraycopy(track.pending, n, track.pending, 0, track.count - n);
    track.count -= n;
    return n;
  }

  private static void report(Track track, long first, long last, long eventTime, List<Anomaly> out) {
    long missing = last - first + 1;
    String ids = first == last ? "trade id " + first : "trade ids " + first + ".." + last;
    out.add(new Anomaly(track.venue, track.symbol, AnomalyTypes.SEQUENCE_GAP, eventTime,
        ids + " never arrived (" + missing + " missing)", missing));
  }

  private static void add(Track track, long id) {
    if (track.count == track.pending.length) {
      track.pending = Arrays.copyOf(track.pending, track.count * 2);
    }
    track.pending[track.count++] = id;
  }

  private static void remove(Track track, long id) {
    int at = Arrays.binarySearch(track.pending, 0, track.count, id);
    if (at >= 0) {
      System.arraycopy(track.pending, at + 1, track.pending, at, track.count - at - 1);
      track.count--;
    }
  }

  /** The id as a non-negative long, or -1 when it is empty, not all ASCII digits, or too long. */
  static long parseId(String id) {
    int n = id.length();
    if (n == 0 || n > MAX_DIGITS) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Keys dropped, least recently used first, to stay within the key cap; each starts afresh if it comes back. */
  public long evictions() {
    return tracks.evictions();
  }
}
