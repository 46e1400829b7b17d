package io.tickwire.router.detect;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.codecs.MarketEvent;
import java.util.Iterator;
import io.tickwire.flow.LruMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flags a (venue, symbol) that has gone {@code staleAfterMicros} of wall-clock time without an event as
 * {@code stale_feed}, once per silence: the next event re-arms it. The measure is the silence in seconds.
 *
 * <p>Why wall clock: a feed that stops sends no event time to compare with. Why only symbols already seen: the
 * router cannot know what a connector subscribed to, and a symbol that never traded is not a stale feed. The
 * caller skips checks while it is itself held back by back-pressure, when silence is ours, not the feed's.
 * Keys are bounded by LRU ({@code maxKeys}); an evicted key simply is not watched until it trades again.
 */
public final class StaleFeedDetector {
  public static final int DEFAULT_MAX_KEYS = 100_000;

  /** Last arrival (wall micros) and whether this silence was already reported. */
  private static final class Watch {
    long lastSeenMicros;
    long lastEventTime;
    boolean reported;
  }

  private final long staleAfterMicros;
  private final LruMap<VenueSymbol, Watch> watches;

  public StaleFeedDetector(long staleAfterMicros) {
    this(staleAfterMicros, DEFAULT_MAX_KEYS);
  }

  public StaleFeedDetector(long staleAfterMicros, int maxKeys) {
    this.staleAfterMicros = staleAfterMicros;
    this.watches = new LruMap<>(maxKeys);
  }

  /** Notes that {@code event} arrived at {@code nowMicros} (wall clock). */
  public void seen(MarketEvent event, long nowMicros) {
    Watch watch = watches.computeIfAbsent(new VenueSymbol(event.venue(), event.symbol()), k -> new Watch());
    watch.lastSeenMicros = nowMicros;
    watch.lastEventTime = Math.max(watch.lastEventTime, event.eventTime());
    watch.reported = false;
  }

  /** Adds one anomaly for each watched symbol silent for the threshold and not yet reported; returns how many. */
  public int check(long nowMicros, List<Anomaly> out) {
    int found = 0;
    // Iterating an access-ordered map must not "access" it, so the entry set is walked directly.
    for (Iterator<Map.Entry<VenueSymbol, Watch>> it = watches.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<VenueSymbol, Watch> entry = it.next();
      Watch watch = entry.getValue();
      long silent = nowMicros - watch.lastSeenMicros;
      if (!watch.reported && silent >= staleAfterMicros) {
        watch.reported = true;
        VenueSymbol key = entry.getKey();
        double seconds = silent / 1e6;
        out.add(new Anomaly(key.venue(), key.symbol(), AnomalyTypes.STALE_FEED, watch.lastEventTime,
            "no event for " + String.format(Locale.ROOT, "%.1f", seconds) + " s (last event time is the anomaly's ts)",
            seconds));
        found++;
      }
    }
    return found;
  }

  int trackedKeys() {
    return watches.size();
  }

  /** Keys dropped, least recently used first, to stay within the key cap; each starts afresh if it comes back. */
  public long evictions() {
    return watches.evictions();
  }
}
