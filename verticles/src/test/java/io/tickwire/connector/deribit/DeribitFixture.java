package io.tickwire.connector.deribit;

import io.tickwire.connector.capture.CryptofeedCapture;
import io.tickwire.connector.capture.CryptofeedCapture.Direction;
import io.tickwire.testing.Fixtures;
import java.util.List;

/** The received frames of the recorded Deribit traffic (DERIBIT.ws.1.0), in order, and a received time for each. */
final class DeribitFixture {
  static final int OPTION_TICKERS = 89;
  static final int BOOKS = 10;
  static final int CHANGES = 36;

  record Frame(long receivedMicros, String text) {
  }

  private DeribitFixture() {
  }

  static List<Frame> frames() {
    return CryptofeedCapture.readAll(Fixtures.cryptofeed("DERIBIT.ws.1.0")).stream()
        .filter(r -> r.direction() == Direction.RECEIVED)
        .map(r -> new Frame(r.epochMicros(), r.payload())).toList();
  }
}
