package io.tickwire.router;

/**
 * Maps (venue, symbol) to a partition. Uses {@link String#hashCode()}, whose value the Java specification fixes,
 * so every node and every run agrees, and which each String caches, so it costs nothing per event.
 */
public final class Partitioner {
  private Partitioner() {
  }

  public static int partition(String venue, String symbol, int partitions) {
    return Math.floorMod(31 * venue.hashCode() + symbol.hashCode(), partitions);
  }
}
