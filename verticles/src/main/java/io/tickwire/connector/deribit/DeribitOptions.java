package io.tickwire.connector.deribit;

import io.tickwire.config.DeribitSettings;
import java.util.List;

/**
 * What one Deribit connection's session needs beyond its instruments: the channel intervals, the heartbeat
 * interval, the DVOL indexes it subscribes (only the first connection carries them) and how many books it may
 * hold (its memory bound: a replay, which subscribes nothing, takes every instrument it sees up to this cap).
 */
public record DeribitOptions(String tickerInterval, String streamInterval, int heartbeatSeconds,
    List<String> volatilityIndexes, int maxBooks) {
  /** What a replay uses: it sends nothing, so only the book cap matters. */
  public static final DeribitOptions REPLAY = new DeribitOptions("100ms", "raw", 30, List.of(), 10_000);

  public DeribitOptions {
    volatilityIndexes = List.copyOf(volatilityIndexes);
    if (maxBooks < 1) {
      throw new IllegalArgumentException("a Deribit session must be allowed a book, was " + maxBooks);
    }
  }

  /**
   * The options of connection {@code lane} (0 carries the DVOL channels); its books are capped by the
   * per-connection channel limit, which no connection's instruments can exceed.
   */
  public static DeribitOptions of(DeribitSettings settings, int lane) {
    return new DeribitOptions(settings.tickerInterval(), settings.streamInterval(), settings.heartbeatSeconds(),
        lane == 0 ? settings.volatilityIndexes() : List.of(), settings.maxChannelsPerConnection());
  }
}
