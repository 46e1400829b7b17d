package io.tickwire.recorder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one event record in a reused array, so encoding an event allocates nothing: zig-zag varints for integers
 * (the same as the event-bus wire format) and strings as length + UTF-8. The array grows to fit an unusually large
 * event and is dropped again on the next {@link #reset}, so one huge book does not pin its size for good.
 */
final class RecordWriter {
  private static final int INITIAL = 256;
  private static final int MAX_KEPT = 64 * 1024;
  // Room for the largest varint, so a write checks capacity once, not per byte.
  private static final int MAX_VARINT = 10;

  private byte[] buf = new byte[INITIAL];
  private int length;

  void reset() {
    if (buf.length > MAX_KEPT) {
      buf = new byte[INITIAL];
    }
    length = 0;
  }

  void writeByte(int value) {
    ensure(1);
    buf[length++] = (byte) value;
  }

  void writeBoolean(boolean value) {
    writeByte(value ? 1 : 0);
  }

  /** Unsigned varint: 7 bits per byte, high bit set on every byte but the last. */
  void writeVarUnsigned(long value) {
    ensure(MAX_VARINT);
    // Locals, not fields, in the loop: this runs several times per event on the router's thread.
    byte[] b = buf;
    int at = length;
    while ((value & ~0x7FL) != 0) {
      b[at++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    b[at++] = (byte) value;
    length = at;
  }

  /** Zig-zag varint, so small negative numbers stay small too. */
  void writeVarLong(long value) {
    writeVarUnsigned((value << 1) ^ (value >> 63));
  }

  /** Length + UTF-8. Venue, symbol and ids are ASCII in practice: copied char by char, no byte[] made for them. */
  void writeText(String value) {
    int n = value.length();
    // An ASCII string's length is its UTF-8 length, and below 128 it is one varint byte.
    if (n < 0x80 && writeAscii(value, n)) {
      return;
    }
    writeBytes(value.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes length and chars if every char is ASCII; otherwise writes nothing and returns false. */
  private boolean writeAscii(String value, int n) {
    ensure(1 + n);
    byte[] b = buf;
    int at = length;
    b[at++] = (byte) n;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        return false;
      }
      b[at++] = (byte) c;
    }
    length = at;
    return true;
  }

  private void writeBytes(byte[] utf8) {
    writeVarUnsigned(utf8.length);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, buf, length, utf8.length);
    length += utf8.length;
  }

  private void ensure(int bytes) {
    if (buf.length - length < bytes) {
      buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * buf.length, (long) length + bytes)));
    }
  }

  /** The record built since the last {@link #reset}: {@code [0, length())} of this array. */
  byte[] array() {
    return buf;
  }

  int length() {
    return length;
  }
}
