package io.tickwire.web;

import io.tickwire.codecs.BarLabel;
import io.tickwire.config.BatcherSettings.EmptyPolicy;
import io.tickwire.config.InfoBarSpec;

/**
 * A validated {@code /api/bars} request. Times are epoch microseconds, {@code from} inclusive and {@code to}
 * exclusive; an omitted bound is the edge of the range the API accepts. {@code venue} is null for every venue.
 * {@code label} is null unless asked for (then each bar also carries its label time). {@code resampleFromMillis} is
 * 0 for stored bars, else the stored interval resampled into {@code intervalMillis}, empty windows by {@code fill}.
 * {@code series} is null for time bars, else the information-bar series asked for (time-bar fields then unused).
 */
record BarsQuery(String symbol, String venue, long intervalMillis, long from, long to, int limit, BarLabel label,
    long resampleFromMillis, EmptyPolicy fill, InfoBarSpec series) {

  /** Whether this asks for an information-bar series ({@code series=volume:5}) rather than time bars. */
  boolean information() {
    return series != null;
  }

  boolean resampled() {
    return resampleFromMillis > 0;
  }
}
