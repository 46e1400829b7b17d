package io.tickwire.router.detect;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.codecs.Trade;
import java.util.Arrays;
import java.util.Collection;
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
 * Ids that are not all digits (or too long for a long) carry no continuity and are ignored. The highest id and the
 * pending ids are kept in the symbol's {@link SymbolState}.
 */
public final class SequenceGapDetector {
  public static final int DEFAULT_REORDER_WINDOW = 128;
  static final int MAX_PENDING = 4_096;
  private static final int MAX_DIGITS = 18;

  private final int reorderWindow;

  public SequenceGapDetector() {
    this(DEFAULT_REORDER_WINDOW);
  }

  public SequenceGapDetector(int reorderWindow) {
    this.reorderWindow = reorderWindow;
  }

  /** Notes {@code trade}'s id; adds an anomaly for each run of ids now known lost. Returns the ids reported. */
  public long check(Trade trade, SymbolState state, List<Anomaly> out) {
    long id = parseId(trade.tradeId());
    if (id < 0) {
      return 0;
    }
    IdTrack track = state.ids;
    if (track == null) {
      state.ids = new IdTrack(id);
      return 0;
    }
    long reported = 0;
    if (id > track.max) {
      long missing = id - track.max - 1;
      if (missing > MAX_PENDING) {
        reported += confirm(state, Long.MAX_VALUE, trade.eventTime(), out);
        report(state, track.max + 1, id - 1, trade.eventTime(), out);
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
    return reported + confirm(state, track.max - reorderWindow, trade.eventTime(), out);
  }

  /** Reports every pending id as lost: the stream has ended, nothing more will arrive. */
  public long flush(Collection<SymbolState> states, long eventTime, List<Anomaly> out) {
    long reported = 0;
    for (SymbolState state : states) {
      if (state.ids != null) {
        reported += confirm(state, Long.MAX_VALUE, eventTime, out);
      }
    }
    return reported;
  }

  /**
   * Reports each run of consecutive pending ids whose last id is below {@code below}: a run is judged whole, so
   * one lost stretch is one anomaly however the ids behind it arrive.
   */
  private static long confirm(SymbolState state, long below, long eventTime, List<Anomaly> out) {
    IdTrack track = state.ids;
    int n = 0;
    while (n < track.count) {
      int end = n + 1;
      while (end < track.count && track.pending[end] == track.pending[end - 1] + 1) {
        end++;
      }
      if (track.pending[end - 1] >= below) {
        break;
      }
      report(state, track.pending[n], track.pending[end - 1], eventTime, out);
      n = end;
    }
    System.arraycopy(track.pending, n, track.pending, 0, track.count - n);
    track.count -= n;
    return n;
  }

  private static void report(SymbolState state, long first, long last, long eventTime, List<Anomaly> out) {
    long missing = last - first + 1;
    String ids = first == last ? "trade id " + first : "trade ids " + first + ".." + last;
    out.add(new Anomaly(state.venue, state.symbol, AnomalyTypes.SEQUENCE_GAP, eventTime,
        ids + " never arrived (" + missing + " missing)", missing));
  }

  private static void add(IdTrack track, long id) {
    if (track.count == track.pending.length) {
      track.pending = Arrays.copyOf(track.pending, track.count * 2);
    }
    track.pending[track.count++] = id;
  }

  private static void remove(IdTrack track, long id) {
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
}
