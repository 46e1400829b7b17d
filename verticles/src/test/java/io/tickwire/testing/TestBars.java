package io.tickwire.testing;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.IsoTime;
import java.util.Collection;
import java.util.StringJoiner;

/**
 * Puts bars straight into {@code bars_ohlcv} with SQL, bypassing the sink, so a reader of the table (the API) is
 * tested against rows whose values the test chose. Values are written as exact literals: Java's double text
 * reads back in PostgreSQL as the same double.
 */
public final class TestBars {
  private TestBars() {
  }

  public static void insert(TestDatabase db, Collection<Bar> bars) {
    StringJoiner rows = new StringJoiner(",\n");
    for (Bar bar : bars) {
      rows.add(row(bar));
    }
    db.execute("INSERT INTO bars_ohlcv (venue, symbol, interval, bucket_start, open, high, low, close, volume, "
        + "vwap, trades, revision) VALUES\n" + rows);
  }

  private static String row(Bar b) {
    return "(" + String.join(", ", text(b.venue()), text(b.symbol()), text(b.interval()),
        text(IsoTime.format(b.start())) + "::timestamptz", number(b.open()), number(b.high()), number(b.low()),
        number(b.close()), number(b.volume()), number(b.vwap()), Long.toString(b.trades()),
        Integer.toString(b.revision())) + ")";
  }

  private static String text(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String number(double value) {
    return "'" + value + "'::float8"; // quoted: PostgreSQL reads 1.0E-7 and NaN as float8 text, not as SQL
  }
}
