package io.tickwire.recorder;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link RecordWriter} wrote. The bytes never left this process, so there are no format checks: a
 * mismatch between the two is a bug, and fails loudly as an index out of bounds.
 */
final class RecordReader {
  private final byte[] buf;
  private int pos;

  RecordReader(byte[] buf, int pos) {
    this.buf = buf;
    this.pos = pos;
  }

  int readByte() {
    return buf[pos++];
  }

  boolean readBoolean() {
    return readByte() != 0;
  }

  long readVarUnsigned() {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = buf[pos++];
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
  }

  long readVarLong() {
    long raw = readVarUnsigned();
    return (raw >>> 1) ^ -(raw & 1);
  }

  String readText() {
    int n = (int) readVarUnsigned();
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  int position() {
    return pos;
  }
}
