package io.tickwire.connector.venue;

import io.tickwire.connector.ws.FeedState;
import io.tickwire.health.Status;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A live connector's figures, copied on its event loop once a second so /health and the metrics scrape (other
 * threads) read a consistent snapshot without touching the session.
 */
public record ConnectorFigures(FeedState state, String lastError, long frames, long trades, long quotes,
    long bookUpdates, long gapMarkers, long reconnects, long resyncs, long gaps, long checksumOk, long checksumFailed,
    long parseErrors, long schemaDrift, long dropped, int buffered, long lastMessageAgeMs, long recordedLines,
    int connections, long symbolsRefused, Derivatives derivatives) {

  /** What only derivatives venues produce; zeros elsewhere. */
  public record Derivatives(long optionTickers, long markFunding, long volatilityIndex, long continuous,
      long heartbeats) {
    static final Derivatives NONE = new Derivatives(0, 0, 0, 0, 0);

    static Derivatives of(SessionStats s) {
      return new Derivatives(s.optionTickers(), s.markFunding(), s.volatilityIndex(), s.continuous(),
          s.heartbeats());
    }
  }

  static final ConnectorFigures INITIAL = new ConnectorFigures(FeedState.CONNECTING, "", 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, -1, 0, 0, 0, Derivatives.NONE);

  static ConnectorFigures of(FeedState state, String lastError, SessionStats s, long reconnects, long dropped,
      int buffered, long lastMessageAgeMs, long recordedLines, int connections, long symbolsRefused) {
    return new ConnectorFigures(state, lastError, s.frames(), s.trades(), s.quotes(), s.bookUpdates(),
        s.gapMarkers(), reconnects, s.resyncs(), s.gaps(), s.checksumOk(), s.checksumFailed(), s.parseErrors(),
        s.schemaDrift(), dropped, buffered, lastMessageAgeMs, recordedLines, connections, symbolsRefused,
        Derivatives.of(s));
  }

  /** Open is fine; dialling or backing off is degraded (data is missing); given up is down. */
  public Status status() {
    return switch (state) {
      case OPEN, STOPPED -> Status.OK;
      case CONNECTING, BACKING_OFF -> Status.DEGRADED;
      case FAILED -> Status.DOWN;
    };
  }

  public Map<String, Number> gauges() {
    Map<String, Number> g = new LinkedHashMap<>();
    g.put("frames", frames);
    g.put("trades", trades);
    g.put("quotes", quotes);
    g.put("book_updates", bookUpdates);
    g.put("gap_markers", gapMarkers);
    g.put("reconnects", reconnects);
    g.put("resyncs", resyncs);
    g.put("gaps", gaps);
    g.put("checksum_ok", checksumOk);
    g.put("checksum_failed", checksumFailed);
    g.put("parse_errors", parseErrors);
    g.put("schema_drift", schemaDrift);
    g.put("dropped", dropped);
    g.put("buffered", buffered);
    g.put("last_message_age_ms", lastMessageAgeMs);
    g.put("recorded_lines", recordedLines);
    g.put("option_tickers", derivatives.optionTickers());
    g.put("mark_funding", derivatives.markFunding());
    g.put("volatility_index", derivatives.volatilityIndex());
    g.put("sequence_continuous", derivatives.continuous());
    g.put("heartbeats_answered", derivatives.heartbeats());
    g.put("connections", connections);
    g.put("symbols_refused", symbolsRefused);
    return g;
  }
}
