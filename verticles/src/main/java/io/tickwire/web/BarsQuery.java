package io.tickwire.web;

/**
 * A validated {@code /api/bars} request. Times are epoch microseconds, {@code from} inclusive and {@code to}
 * exclusive; an omitted bound is the edge of the range the API accepts. {@code venue} is null for every venue.
 */
record BarsQuery(String symbol, String venue, long intervalMillis, long from, long to, int limit) {
}
