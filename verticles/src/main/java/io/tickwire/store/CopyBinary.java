package io.tickwire.store;

import io.tickwire.codecs.Decimals;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's binary {@code COPY} format, built in one reusable buffer: what the server reads with no text
 * parsing (timestamps as microseconds, numerics as base-10000 digits). Not thread-safe; one per connection.
 *
 * @see <a href="https://www.postgresql.org/docs/17/sql-copy.html#SQL-COPY-BINARY-FORMAT">COPY binary format</a>
 */
final class CopyBinary {
  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
  /** Microseconds from the Unix epoch to PostgreSQL's, 2000-01-01T00:00:00Z. */
  static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
  private static final short NUMERIC_POS = 0x0000;
  private static final short NUMERIC_NEG = 0x4000;
  private static final int NBASE = 10_000;
  /** Base-10000 digits of a packed decimal at most: 19 integer digits and 15 decimals. */
  private static final int MAX_NUMERIC_DIGITS = 10;

  private byte[] buf = new byte[64 * 1024];
  private int len;
  private final short[] digits = new short[MAX_NUMERIC_DIGITS];

  /** Starts a new stream: header (signature, no flags, no extension). */
  CopyBinary begin() {
    len = 0;
    ensure(SIGNATURE.length + 8);
    System.arraycopy(SIGNATURE, 0, buf, 0, SIGNATURE.length);
    len = SIGNATURE.length;
    putInt(0);
    putInt(0);
    return this;
  }

  /** Ends the stream with the trailer. */
  CopyBinary end() {
    ensure(2);
    putShort(-1);
    return this;
  }

  CopyBinary row(int fields) {
    ensure(2);
    putShort(fields);
    return this;
  }

  CopyBinary nullValue() {
    ensure(4);
    putInt(-1);
    return this;
  }

  /** UTF-8 text, as the server's {@code text} receive function reads it (which refuses NUL, as for any text). */
  CopyBinary text(String s) {
    int n = s.length();
    ensure(4 + n);
    int lengthAt = len;
    len += 4;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        len = lengthAt;
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        ensure(4 + utf8.length);
        putInt(utf8.length);
        System.arraycopy(utf8, 0, buf, len, utf8.length);
        len += utf8.length;
        return this;
      }
      buf[len++] = (byte) c;
    }
    int at = len;
    len = lengthAt;
    putInt(n);
    len = at;
    return this;
  }

  CopyBinary int8(long v) {
    ensure(12);
    putInt(8);
    putLong(v);
    return this;
  }

  CopyBinary bool(boolean v) {
    ensure(5);
    putInt(1);
    buf[len++] = (byte) (v ? 1 : 0);
    return this;
  }

  /** A {@code timestamptz} from epoch microseconds. */
  CopyBinary timestamp(long epochMicros) {
    return int8(epochMicros - PG_EPOCH_MICROS);
  }

  /**
   * A {@code numeric} from a packed {@link Decimals} value, exactly, keeping its scale as the display scale (so
   * {@code 1.50} reads back as {@code 1.50}, as the text form would).
   */
  CopyBinary numeric(long packed) {
    long unscaled = Decimals.unscaled(packed);
    int scale = Decimals.scale(packed);
    // |unscaled| < 2^59, so the absolute value cannot overflow
    long abs = Math.abs(unscaled);
    long pow = Decimals.pow10(scale);
    long intPart = abs / pow;
    long fraction = abs % pow;
    int fractionGroups = (scale + 3) / 4;
    fraction *= Decimals.pow10(fractionGroups * 4 - scale);  // < 10^16: fits
    int intGroups = 0;
    for (long v = intPart; v > 0; v /= NBASE) {
      intGroups++;
    }
    int n = intGroups + fractionGroups;
    for (int i = intGroups - 1; i >= 0; i--) {
      digits[i] = (short) (intPart % NBASE);
      intPart /= NBASE;
    }
    for (int i = n - 1; i >= intGroups; i--) {
      digits[i] = (short) (fraction % NBASE);
      fraction /= NBASE;
    }
    int first = 0;
    while (first < n && digits[first] == 0) {
      first++;
    }
    int last = n;
    while (last > first && digits[last - 1] == 0) {
      last--;
    }
    int count = last - first;
    int weight = count == 0 ? 0 : intGroups - 1 - first;
    short sign = unscaled < 0 && count > 0 ? NUMERIC_NEG : NUMERIC_POS;
    ensure(4 + 8 + 2 * count);
    putInt(8 + 2 * count);
    putShort(count);
    putShort(weight);
    putShort(sign);
    putShort(scale);
    for (int i = first; i < last; i++) {
      putShort(digits[i]);
    }
    return this;
  }

  byte[] bytes() {
    return buf;
  }

  int length() {
    return len;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  private void putShort(int v) {
    buf[len++] = (byte) (v >>> 8);
    buf[len++] = (byte) v;
  }

  private void putInt(int v) {
    buf[len++] = (byte) (v >>> 24);
    buf[len++] = (byte) (v >>> 16);
    buf[len++] = (byte) (v >>> 8);
    buf[len++] = (byte) v;
  }

  private void putLong(long v) {
    putInt((int) (v >>> 32));
    putInt((int) v);
  }
}
