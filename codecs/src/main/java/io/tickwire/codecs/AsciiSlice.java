package io.tickwire.codecs;

/**
 * A reusable view of ASCII bytes as characters, so the text parsers that take a {@link CharSequence}
 * ({@link Decimals#parse}) read a frame's bytes without a {@code String} made for them. Not thread-safe.
 */
final class AsciiSlice implements CharSequence {
  private byte[] bytes;
  private int from;
  private int length;

  /** Points this view at {@code bytes[from, to)}, which must hold ASCII only. */
  AsciiSlice of(byte[] bytes, int from, int to) {
    this.bytes = bytes;
    this.from = from;
    this.length = to - from;
    return this;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    return (char) bytes[from + index];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().substring(start, end);
  }

  /** A copy: error messages keep the text after the view has moved on. */
  @Override
  public String toString() {
    return new String(bytes, from, length, java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
