package io.tickwire.connector.venue;

import io.vertx.core.Future;
import java.util.List;

/**
 * Where a connector learns its symbols when configuration cannot list them, because the venue lists and delists
 * them while it runs (Deribit's options), and how they may be spread over connections.
 */
public interface SymbolDirectory {
  /** The symbols to subscribe now, in order of preference; fails when the venue could not be asked. */
  Future<List<String>> symbols();

  /** How often to ask again, in milliseconds. */
  long refreshMs();

  /** The most symbols the first connection may carry (it also carries venue-wide channels). */
  int firstConnectionCapacity();

  /** The most symbols any other connection may carry. */
  int connectionCapacity();

  /** The most connections to open. */
  int maxConnections();

  Future<Void> close();
}
