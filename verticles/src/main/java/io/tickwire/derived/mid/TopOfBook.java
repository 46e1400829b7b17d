package io.tickwire.derived.mid;

/** A venue's best bid and ask at event time {@code time}; prices and sizes are packed exact decimals. */
record TopOfBook(long bidPrice, long bidSize, long askPrice, long askSize, long time) {
}
