package io.tickwire.web.dashboard;

/**
 * One message on its way to a client: its frame text (serialised once, shared by every client that gets it) and
 * what routing and queueing need to know about it.
 *
 * @param key            what a newer message replaces, for coalescing streams; null for the others
 * @param symbol         the symbol it is about; null when it concerns no symbol (health, control)
 * @param intervalMillis the bar interval it belongs to; 0 when it has none
 */
record Push(DashboardStream stream, String key, String symbol, long intervalMillis, String text) {

  /** A message about one symbol (and interval, for bars); keyed by venue, symbol and interval when it coalesces. */
  static Push of(DashboardStream stream, String venue, String symbol, long intervalMillis, String text) {
    String key = stream.coalesces() ? stream.wire() + '|' + venue + '|' + symbol + '|' + intervalMillis : null;
    return new Push(stream, key, symbol, intervalMillis, text);
  }

  /** A message about no symbol, of a coalescing stream: a newer one of the same {@code key} replaces it. */
  static Push latest(DashboardStream stream, String key, String text) {
    return new Push(stream, stream.wire() + '|' + key, null, 0, text);
  }

  /** A message about no symbol in particular. */
  static Push general(DashboardStream stream, String text) {
    return new Push(stream, null, null, 0, text);
  }
}
