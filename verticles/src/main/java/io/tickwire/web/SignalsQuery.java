package io.tickwire.web;

/**
 * A validated {@code /api/signals} request. Times are epoch microseconds, {@code from} inclusive and {@code to}
 * exclusive; {@code symbol} and {@code name} are null for any; {@code after} is null on the first page.
 */
record SignalsQuery(String symbol, String name, long from, long to, int limit, SignalCursor after) {
}
