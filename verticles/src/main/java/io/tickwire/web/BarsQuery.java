package io.tickwire.web;

import io.tickwire.codecs.BarLabel;
import io.tickwire.config.BatcherSettings.EmptyPolicy;

/**
 * A validated {@code /api/bars} request. Times are epoch microseconds, {@code from} inclusive and {@code to}
 * exclusive; an omitted bound is the edge of the range the API accepts. {@code venue} is null for every venue.
 * {@code label} is null unless asked for (then each bar also carries its label time). {@code resampleFromMillis} is
 * 0 for stored bars, else the stored interval resampled into {@code intervalMillis}, empty windows by {@code fill}.
 */
record BarsQuery(String symbol, String venue, long intervalMillis, long from, long to, int limit, BarLabel label,
    long resampleFromMillis, EmptyPolicy fill) {

  boolean resampled() {
    return resampleFromMillis > 0;
  }
}
