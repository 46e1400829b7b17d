package io.tickwire.replay;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An input file opened for reading: decompressed on the way as its first bytes say ({@link Compression}), with the
 * bytes read from disk counted for progress reports.
 */
final class InputFile implements AutoCloseable {
  private static final int BUFFER_BYTES = 1 << 16;

  private final CountingInputStream raw;
  private final InputStream in;
  private final long size;
  private final Compression compression;

  private InputFile(CountingInputStream raw, InputStream in, long size, Compression compression) {
    this.raw = raw;
    this.in = in;
    this.size = size;
    this.compression = compression;
  }

  /** Opens {@code path}, plain, gzip or zstd; fails now when it cannot be opened or its first bytes read. */
  static InputFile open(Path path) throws IOException {
    long size = Files.size(path);
    CountingInputStream raw = new CountingInputStream(Files.newInputStream(path));
    try {
      BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_BYTES);
      Compression compression = sniff(buffered);
      return new InputFile(raw, compression.decode(buffered), size, compression);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** The compression the first bytes announce; the stream is left where it was. */
  private static Compression sniff(BufferedInputStream in) throws IOException {
    byte[] head = new byte[Compression.MAGIC_BYTES];
    in.mark(head.length);
    int length = in.readNBytes(head, 0, head.length);
    in.reset();
    return Compression.of(head, length);
  }

  /** The decompressed content. */
  InputStream in() {
    return in;
  }

  long bytesRead() {
    return raw.count();
  }

  long size() {
    return size;
  }

  Compression compression() {
    return compression;
  }

  /** Closes the file; an error closing a file only read from loses nothing, so it is not reported. */
  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing was written; there is nothing to lose
    }
  }
}
