package io.tickwire.testing;

import io.tickwire.codecs.Trade;
import io.tickwire.config.SessionSpec;
import io.tickwire.connector.capture.CryptofeedCapture;
import io.tickwire.connector.capture.CryptofeedCapture.Direction;
import io.tickwire.connector.coinbase.CoinbaseExchangeSession;
import io.tickwire.connector.venue.RecordingOutput;
import java.util.List;
import java.util.Set;

/** Trades of a recorded exchange session, decoded by the venue's own session code. */
public final class CapturedTrades {
  /** The products the Coinbase Exchange recording subscribed. */
  public static final List<String> COINBASE_PRODUCTS = List.of("SKL-USD", "SKL-BTC", "BAND-GBP", "NMR-EUR",
      "BAND-BTC", "YFI-BTC", "DASH-BTC", "NU-GBP", "CRV-EUR", "SKL-GBP");

  private CapturedTrades() {
  }

  /** Every trade of {@code COINBASE.ws.28.0}, in the order received. */
  public static List<Trade> coinbase() {
    RecordingOutput output = new RecordingOutput();
    CoinbaseExchangeSession session = new CoinbaseExchangeSession(
        new SessionSpec(COINBASE_PRODUCTS, Set.of(SessionSpec.Channel.values()), 50), output);
    for (CryptofeedCapture.Record r : CryptofeedCapture.readAll(Fixtures.cryptofeed("COINBASE.ws.28.0"))) {
      if (r.direction() == Direction.RECEIVED) {
        session.onFrame(r.payload(), r.epochMicros());
      }
    }
    return output.events.stream().filter(Trade.class::isInstance).map(Trade.class::cast).toList();
  }
}
