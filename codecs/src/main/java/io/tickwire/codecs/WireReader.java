package io.tickwire.codecs;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads what {@link WireWriter} wrote, within {@code [pos, limit)}. Every read is bounds-checked, so truncated or
 * corrupt input ends in a {@link WireFormatException} naming what was being read, never an
 * IndexOutOfBoundsException or a huge allocation.
 */
public final class WireReader {
  private final Buffer buffer;
  private final int limit;
  private int pos;
  private List<String> table = List.of();
  private long lastTime;

  WireReader(Buffer buffer, int pos, int limit) {
    this.buffer = buffer;
    this.pos = pos;
    this.limit = limit;
  }

  public int readByte() {
    need(1, "a byte");
    return buffer.getByte(pos++);
  }

  public boolean readBoolean() {
    int b = readByte();
    if (b != 0 && b != 1) {
      throw new WireFormatException("corrupt boolean " + b + " at position " + (pos - 1));
    }
    return b == 1;
  }

  public long readVarUnsigned() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      need(1, "a varint");
      byte b = buffer.getByte(pos++);
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new WireFormatException("corrupt varint longer than 10 bytes before position " + pos);
  }

  public long readVarLong() {
    long raw = readVarUnsigned();
    return (raw >>> 1) ^ -(raw & 1);
  }

  /** A non-negative count that cannot exceed the bytes left (every counted item takes at least one byte). */
  public int readCount(String what) {
    long n = readVarUnsigned();
    if (n < 0 || n > remaining()) {
      throw new WireFormatException("corrupt " + what + " count " + n + " with only " + remaining() + " bytes left");
    }
    return (int) n;
  }

  public double readDouble() {
    need(8, "a double");
    double value = buffer.getDouble(pos);
    pos += 8;
    return value;
  }

  public long readTime() {
    lastTime += readVarLong();
    return lastTime;
  }

  public String readName() {
    long id = readVarUnsigned();
    if (id == 0) {
      return null;
    }
    if (id > table.size()) {
      throw new WireFormatException("string index " + (id - 1) + " is outside the table of " + table.size());
    }
    return table.get((int) id - 1);
  }

  public String readText() {
    long n = readVarUnsigned();
    if (n == 0) {
      return null;
    }
    int length = (int) Math.min(n - 1, Integer.MAX_VALUE);
    need(length, "a string of " + (n - 1) + " bytes");
    String s = buffer.getString(pos, pos + length, StandardCharsets.UTF_8.name());
    pos += length;
    return s;
  }

  /** Reads a single {@code int}, for fixed-width header fields. */
  int readInt(String what) {
    need(4, what);
    int value = buffer.getInt(pos);
    pos += 4;
    return value;
  }

  int position() {
    return pos;
  }

  void position(int pos) {
    this.pos = pos;
  }

  int remaining() {
    return limit - pos;
  }

  void table(List<String> table) {
    this.table = table;
  }

  private void need(int bytes, String what) {
    if (bytes < 0 || limit - pos < bytes) {
      throw new WireFormatException("truncated message: needed " + bytes + " bytes for " + what + " at position "
          + pos + " but only " + Math.max(0, limit - pos) + " remain");
    }
  }
}
