package io.tickwire.replay;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it. Placed on the file itself, under any decompressor, so the count compares with
 * the file's size on disk whatever the compression. Volatile: the progress reporter may read it from another
 * thread than the reader.
 */
final class CountingInputStream extends FilterInputStream {
  private volatile long count;

  CountingInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count += skipped;
    return skipped;
  }

  /** Marking is refused: a reset would count bytes twice. */
  @Override
  public boolean markSupported() {
    return false;
  }

  long count() {
    return count;
  }
}
