package io.tickwire.codecs;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends primitives to a Vert.x {@link Buffer} for one batch: zig-zag varints for integers (small values are
 * small on the wire), times as deltas from the previous time in the batch (events are close in time), and
 * repeated strings as indexes into a per-batch string table that the batch codec appends at the end.
 */
public final class WireWriter {
  private final Buffer buffer;
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> table = new ArrayList<>();
  private long lastTime;

  WireWriter(Buffer buffer) {
    this.buffer = buffer;
  }

  public void writeByte(int value) {
    buffer.appendByte((byte) value);
  }

  public void writeBoolean(boolean value) {
    writeByte(value ? 1 : 0);
  }

  /** Unsigned varint: 7 bits per byte, high bit set on every byte but the last. */
  public void writeVarUnsigned(long value) {
    while ((value & ~0x7FL) != 0) {
      buffer.appendByte((byte) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    buffer.appendByte((byte) value);
  }

  /** Zig-zag varint, so small negative numbers stay small too. */
  public void writeVarLong(long value) {
    writeVarUnsigned((value << 1) ^ (value >> 63));
  }

  public void writeDouble(double value) {
    buffer.appendDouble(value);
  }

  /** An epoch-microsecond time as the difference from the previous time written in this batch. */
  public void writeTime(long epochMicros) {
    writeVarLong(epochMicros - lastTime);
    lastTime = epochMicros;
  }

  /** A string likely to repeat in the batch (venue, symbol, names), as its string-table index; null allowed. */
  public void writeName(String value) {
    if (value == null) {
      writeVarUnsigned(0);
      return;
    }
    Integer id = ids.get(value);
    if (id == null) {
      id = table.size();
      ids.put(value, id);
      table.add(value);
    }
    writeVarUnsigned(id + 1L);
  }

  /** A string unlikely to repeat (trade id, free text), inline as length + UTF-8; null allowed. */
  public void writeText(String value) {
    if (value == null) {
      writeVarUnsigned(0);
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    writeVarUnsigned(utf8.length + 1L);
    buffer.appendBytes(utf8);
  }

  List<String> table() {
    return table;
  }

  Buffer buffer() {
    return buffer;
  }
}
