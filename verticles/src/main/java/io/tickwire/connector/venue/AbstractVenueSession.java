package io.tickwire.connector.venue;

import io.tickwire.config.SessionSpec;
import io.tickwire.connector.FrameText;
import java.util.Collection;

/**
 * What every venue session does alike: holds its spec, stats and output, keeps the promise that a frame never
 * throws (a frame it cannot read is a parse error with the reason and the frame's start), and answers a lost
 * connection with one gap and a marker per affected symbol. A subclass reads frames ({@link #read}) and says how
 * it starts afresh ({@link #startAfresh}).
 */
public abstract class AbstractVenueSession implements VenueSession {
  protected final SessionSpec spec;
  protected final SessionStats stats;
  protected final SessionOutput output;
  private final String venue;
  private final String errorLabel;

  /**
   * @param errorLabel what a parse error starts with, naming the protocol ({@code "kraken v2: "}), or empty
   * @param stats where the session counts what only it can know; give the same object to a {@link CountingOutput}
   *     wrapped around {@code output} to count events too
   */
  protected AbstractVenueSession(String venue, String errorLabel, SessionSpec spec, SessionStats stats,
      SessionOutput output) {
    this.venue = venue;
    this.errorLabel = errorLabel;
    this.spec = spec;
    this.stats = stats;
    this.output = output;
  }

  @Override
  public final String venue() {
    return venue;
  }

  @Override
  public final SessionStats stats() {
    return stats;
  }

  @Override
  public final void onFrame(String text, long receivedMicros) {
    try {
      read(text, receivedMicros);
    } catch (RuntimeException e) {
      stats.addParseError(errorLabel + FrameText.describe(e, text));
    }
  }

  /** One inbound frame; throws {@link RuntimeException} naming what it could not read. */
  protected abstract void read(String text, long receivedMicros);

  /**
   * The symbols are reckoned before {@link #startAfresh()} throws the books away: a replay ({@link
   * SessionSpec#ANY_SYMBOL}) knows its symbols only from the books it kept.
   */
  @Override
  public void onDisconnect(String reason, long nowMicros) {
    Collection<String> affected = spec.affected(books().keySet());
    startAfresh();
    ConnectionGaps.mark(stats, output, affected, "disconnected: " + reason, nowMicros);
  }

  /** Forgets what the lost connection built (books, sequence runs): the next one starts with snapshots. */
  protected abstract void startAfresh();
}
