package io.tickwire.connector.kraken;

import io.tickwire.book.OrderBook;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Kraken's book checksum (websocket v1 and v2): CRC32 over the top 10 asks (low to high) then the top 10 bids
 * (high to low), each level contributing its price then its volume as received, with the {@code '.'} removed and
 * leading zeros stripped; the result is compared as an unsigned decimal.
 *
 * <p>Because {@link Decimals} keeps the received scale, "the text without '.' and leading zeros" is exactly the
 * decimal digits of the unscaled value ({@code "0.000022900"} is unscaled 22900 at scale 9, giving
 * {@code "22900"}), so no text needs to be kept beside the book.
 */
public final class KrakenChecksum {
  public static final int LEVELS = 10;

  private KrakenChecksum() {
  }

  /** The checksum of {@code book}'s current top 10 levels per side. */
  public static long of(OrderBook book) {
    return crc(input(book));
  }

  /** The string the CRC is computed over (for diagnostics). */
  public static String input(OrderBook book) {
    StringBuilder sb = new StringBuilder(512);
    appendSide(sb, book, Side.SELL);
    appendSide(sb, book, Side.BUY);
    return sb.toString();
  }

  /** CRC32 of an ASCII string, as the unsigned value. */
  public static long crc(CharSequence text) {
    CRC32 crc = new CRC32();
    byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
    crc.update(bytes, 0, bytes.length);
    return crc.getValue();
  }

  /** Appends one decimal as Kraken's checksum text: digits without the point and without leading zeros. */
  public static StringBuilder appendLevelText(StringBuilder sb, long packed) {
    long unscaled = Decimals.unscaled(packed);
    if (unscaled < 0) {
      throw new IllegalArgumentException("negative value in a book checksum: " + Decimals.toString(packed));
    }
    return sb.append(unscaled);
  }

  private static void appendSide(StringBuilder sb, OrderBook book, Side side) {
    int n = 0;
    for (Map.Entry<Long, Long> level : book.side(side).entrySet()) {
      if (n++ >= LEVELS) {
        break;
      }
      appendLevelText(sb, level.getKey());
      appendLevelText(sb, level.getValue());
    }
  }
}
