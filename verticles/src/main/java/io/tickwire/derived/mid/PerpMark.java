package io.tickwire.derived.mid;

/** A perpetual's mark price and funding rate (packed exact decimals) at event time {@code time}. */
record PerpMark(long markPrice, long fundingRate, long time) {
}
