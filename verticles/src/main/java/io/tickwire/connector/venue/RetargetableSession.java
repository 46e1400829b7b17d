package io.tickwire.connector.venue;

import java.util.Collection;
import java.util.Set;

/**
 * A session whose symbols can change while its connection is open (Deribit's instrument list is refreshed while
 * running: new listings are added, expired ones dropped). Confined to the session's thread like the session.
 */
public interface RetargetableSession extends VenueSession {
  /** The symbols this session subscribes now. */
  Set<String> symbols();

  /**
   * Subscribes {@code symbols} from now on: unsubscribes and forgets those no longer wanted, subscribes the new
   * ones on the open connection (through {@link SessionOutput#send}), and makes the next connection's
   * {@link #subscribeFrames()} ask for them all.
   */
  void retarget(Collection<String> symbols);
}
