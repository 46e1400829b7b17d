package io.tickwire.store;

/**
 * One row of {@code coverage_segment}: a covered span or a hole of one stream, times in epoch µs; {@code cause} and
 * {@code detail} are null for a covered span; a hole's {@code state} is open, backfilled ({@code recovered} trades)
 * or unrecoverable ({@code resolution} says why); {@code verified}: a backfilled hole the reconciliation checked.
 */
public record CoverageRow(String venue, String symbol, String channel, String kind, long from, long to,
    String cause, String detail, boolean ongoing, String state, long recovered, String resolution,
    boolean verified) {

  /** A row as the ledger writes it: only the reconciliation verifies. */
  public CoverageRow(String venue, String symbol, String channel, String kind, long from, long to, String cause,
      String detail, boolean ongoing, String state, long recovered, String resolution) {
    this(venue, symbol, channel, kind, from, to, cause, detail, ongoing, state, recovered, resolution, false);
  }
}
