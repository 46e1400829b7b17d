package io.tickwire.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lines of a file, read as they are asked for, so a replay of any length holds only a buffer's worth of it;
 * gzip and zstd files are decompressed on the way ({@link Compression}). A read error part-way surfaces as an
 * {@link UncheckedIOException} from {@link #hasNext}: an iterator cannot throw a checked one.
 */
public final class InputLines implements Iterator<String>, AutoCloseable {
  private static final int BUFFER_BYTES = 1 << 16;

  private final InputFile file;
  private final BufferedReader reader;
  private String next;
  private boolean ended;

  private InputLines(InputFile file) {
    this.file = file;
    this.reader = reader(file.in());
  }

  /** Opens {@code path}, plain, gzip or zstd; fails now when it cannot be opened or its first bytes read. */
  public static InputLines open(Path path) throws IOException {
    return new InputLines(InputFile.open(path));
  }

  /** Strict UTF-8, as {@code Files.readAllLines} is: a malformed byte is an error, not a silent U+FFFD. */
  private static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), BUFFER_BYTES);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !ended) {
      next = readLine();
      ended = next == null;
    }
    return next != null;
  }

  private String readLine() {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the file has no more lines");
    }
    String line = next;
    next = null;
    return line;
  }

  /** Bytes read from the file so far, before decompression: compare with {@link #size()}. */
  public long bytesRead() {
    return file.bytesRead();
  }

  /** The file's size on disk. */
  public long size() {
    return file.size();
  }

  public String compression() {
    return file.compression().label();
  }

  /** Closes the file; an error closing a file only read from loses nothing, so it is not reported. */
  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException ignored) {
      // nothing was written; there is nothing to lose
    }
  }
}
