package io.tickwire.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The lines of a file as byte slices of one reused buffer: no {@code String} and no copy per line, for sending a
 * file as it is (no faults to inject, so nothing needs to read the lines). Lines end at {@code \n}, a {@code \r}
 * before it is dropped, and blank lines are skipped, as {@link InputLines} does. A line may be at most
 * {@link #MAX_LINE_BYTES} (64 MiB) long, so memory stays bounded whatever the file holds. Not thread-safe.
 */
public final class ByteLines implements Payloads, AutoCloseable {
  /** Longer than any frame an ingest accepts; a longer line is an error naming its number. */
  static final int MAX_LINE_BYTES = 64 << 20;
  private static final int CHUNK_BYTES = 1 << 16;

  private final InputFile file;
  private final int maxLineBytes;
  private byte[] buffer = new byte[CHUNK_BYTES];
  private int filled;
  private int scanned;
  private int lineStart;
  private int lineEnd;
  private long lineNumber;
  private boolean ended;

  private ByteLines(InputFile file, int maxLineBytes) {
    this.file = file;
    this.maxLineBytes = maxLineBytes;
  }

  /** Opens {@code path}, plain, gzip or zstd; fails now when it cannot be opened or its first bytes read. */
  public static ByteLines open(Path path) throws IOException {
    return open(path, MAX_LINE_BYTES);
  }

  /** As {@link #open(Path)}, refusing lines longer than {@code maxLineBytes}. */
  static ByteLines open(Path path, int maxLineBytes) throws IOException {
    return new ByteLines(InputFile.open(path), maxLineBytes);
  }

  /** Moves to the next non-blank line; false at the end of the file. Read errors are {@link UncheckedIOException}. */
  @Override
  public boolean next() {
    while (true) {
      lineStart = scanned;
      int newline = indexOfNewline(scanned);
      if (newline < 0 && !fill()) {
        return lastLine();
      }
      if (newline >= 0) {
        lineNumber++;
        scanned = newline + 1;
        lineEnd = newline > lineStart && buffer[newline - 1] == '\r' ? newline - 1 : newline;
        if (!blank()) {
          return true;
        }
      }
    }
  }

  private int indexOfNewline(int from) {
    for (int i = from; i < filled; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    scanned = from; // nothing yet: the line continues in the next chunk
    return -1;
  }

  /** The last line when the file does not end in a newline. */
  private boolean lastLine() {
    if (scanned >= filled) {
      return false;
    }
    lineNumber++;
    lineStart = scanned;
    lineEnd = filled;
    scanned = filled;
    return !blank();
  }

  /** Reads more of the file after what is unread; false at its end. */
  private boolean fill() {
    if (ended) {
      return false;
    }
    compact();
    try {
      int n = file.in().read(buffer, filled, buffer.length - filled);
      if (n < 0) {
        ended = true;
        return false;
      }
      filled += n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves the unfinished line to the front, growing the buffer when the line fills it. */
  private void compact() {
    int kept = filled - lineStart;
    if (lineStart > 0) {
      System.arraycopy(buffer, lineStart, buffer, 0, kept);
    } else if (kept == buffer.length) {
      if (kept >= maxLineBytes) {
        throw new UncheckedIOException(new IOException("line " + (lineNumber + 1) + " is longer than "
            + maxLineBytes + " bytes"));
      }
      buffer = Arrays.copyOf(buffer, Math.min(maxLineBytes, buffer.length * 2));
    }
    scanned -= lineStart;
    lineStart = 0;
    filled = kept;
  }

  private boolean blank() {
    for (int i = lineStart; i < lineEnd; i++) {
      byte c = buffer[i];
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  /** The buffer holding the current line; valid until the next call to {@link #next}. */
  @Override
  public byte[] bytes() {
    return buffer;
  }

  @Override
  public int offset() {
    return lineStart;
  }

  @Override
  public int length() {
    return lineEnd - lineStart;
  }

  /** Bytes read from the file so far, before decompression: compare with {@link #size()}. */
  public long bytesRead() {
    return file.bytesRead();
  }

  /** The file's size on disk. */
  public long size() {
    return file.size();
  }

  @Override
  public void close() {
    file.close();
  }
}
