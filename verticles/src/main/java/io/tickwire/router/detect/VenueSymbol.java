package io.tickwire.router.detect;

/** Map key for per-(venue, symbol) detector state; a record so equality and hashing are by value. */
record VenueSymbol(String venue, String symbol) {
}
