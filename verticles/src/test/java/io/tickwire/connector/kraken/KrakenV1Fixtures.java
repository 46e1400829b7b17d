package io.tickwire.connector.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.tickwire.connector.capture.CryptofeedCapture;
import io.tickwire.connector.capture.CryptofeedCapture.Direction;
import io.tickwire.connector.capture.CryptofeedCapture.Record;
import io.tickwire.testing.Fixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The Kraken v1 recordings of the shared fixtures, as the tests replay them. */
final class KrakenV1Fixtures {
  static final String BOOK = "KRAKEN.ws.50.head1500";
  static final String TRADES = "KRAKEN.ws.48.0";
  static final String TICKERS = "KRAKEN.ws.49.0";

  /** One recorded update frame with one level's volume altered, so that frame's checksum cannot match. */
  record Corrupted(List<String> frames, int index, String pair) {
  }

  private KrakenV1Fixtures() {
  }

  static List<Record> received(String file) {
    return CryptofeedCapture.readAll(Fixtures.cryptofeed(file)).stream()
        .filter(r -> r.direction() == Direction.RECEIVED).toList();
  }

  static List<String> receivedFrames(String file) {
    return received(file).stream().map(Record::payload).toList();
  }

  /** The pairs of the recording's first subscribe frame. */
  static List<String> subscribedPairs(String file) {
    Record sent = CryptofeedCapture.readAll(Fixtures.cryptofeed(file)).stream()
        .filter(r -> r.direction() == Direction.SENT).findFirst().orElseThrow();
    return new JsonObject(sent.payload()).getJsonArray("pair").stream().map(String.class::cast).toList();
  }

  /**
   * The book recording with one level's volume changed in a one-level, non-deleting update (well into the
   * recording) whose price sits in the checksummed top 10.
   */
  static Corrupted corruptOneTopLevel() {
    List<String> frames = receivedFrames(BOOK);
    int target = findTopLevelUpdate(frames);
    JsonArray frame = new JsonArray(frames.get(target));
    String side = frame.getJsonObject(1).containsKey("a") ? "a" : "b";
    String volume = frame.getJsonObject(1).getJsonArray(side).getJsonArray(0).getString(1);
    char last = volume.charAt(volume.length() - 1);
    String corruptedVolume = volume.substring(0, volume.length() - 1) + (last == '9' ? '8' : (char) (last + 1));
    List<String> corrupted = new ArrayList<>(frames);
    corrupted.set(target, frames.get(target).replace("\"" + volume + "\"", "\"" + corruptedVolume + "\""));
    assertThat(corrupted.get(target)).isNotEqualTo(frames.get(target));
    return new Corrupted(corrupted, target, frame.getString(3));
  }

  private static int findTopLevelUpdate(List<String> frames) {
    KrakenV1Book clean = new KrakenV1Book();
    for (int i = 0; i < frames.size(); i++) {
      clean.onFrame(frames.get(i));
      if (i >= 300 && frames.get(i).startsWith("[") && isTopLevelUpdate(clean, new JsonArray(frames.get(i)))) {
        return i;
      }
    }
    throw new AssertionError("no one-level update of a top-10 level in " + BOOK);
  }

  private static boolean isTopLevelUpdate(KrakenV1Book applied, JsonArray frame) {
    JsonObject part = frame.getJsonObject(1);
    if (frame.size() != 4 || part.containsKey("as") || part.containsKey("bs")) {
      return false;
    }
    Side side = part.containsKey("a") ? Side.SELL : Side.BUY;
    JsonArray levels = part.getJsonArray(side == Side.SELL ? "a" : "b");
    if (levels.size() != 1 || Decimals.unscaled(Decimals.parse(levels.getJsonArray(0).getString(1))) == 0) {
      return false;
    }
    long price = Decimals.parse(levels.getJsonArray(0).getString(0));
    OrderBook book = applied.bookOf(frame.getString(3));
    return book.topLevels(side, KrakenChecksum.LEVELS).stream().map(BookLevel::price).anyMatch(p -> p == price);
  }
}
