package io.tickwire.replay;

import io.airlift.compress.zstd.ZstdInputStream;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How a file is compressed. An input is told by its first bytes rather than its name: a capture renamed, or piped
 * through a tool that drops the extension, still reads. An output is told by its name ({@code .gz}, {@code .zst}),
 * the one thing a writer has to go by.
 */
enum Compression {
  NONE(new byte[0]),
  GZIP(new byte[] {0x1f, (byte) 0x8b}),
  ZSTD(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd});

  /** The longest magic number: how many bytes {@link #of} needs to see. */
  static final int MAGIC_BYTES = 4;
  private static final int GZIP_BUFFER_BYTES = 1 << 16;

  private final byte[] magic;

  Compression(byte[] magic) {
    this.magic = magic;
  }

  /** The compression whose magic number {@code head} (the first {@code length} bytes of a file) starts with. */
  static Compression of(byte[] head, int length) {
    for (Compression c : new Compression[] {GZIP, ZSTD}) {
      if (c.startsOf(head, length)) {
        return c;
      }
    }
    return NONE;
  }

  /** The compression a file name asks for: {@code .gz} gzip, {@code .zst} zstd, anything else none. */
  static Compression ofName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      return GZIP;
    }
    return name.endsWith(".zst") ? ZSTD : NONE;
  }

  private boolean startsOf(byte[] head, int length) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** The decompressed bytes of {@code raw}. */
  InputStream decode(InputStream raw) throws IOException {
    return switch (this) {
      case NONE -> raw;
      case GZIP -> new GZIPInputStream(raw, GZIP_BUFFER_BYTES);
      case ZSTD -> new ZstdInputStream(raw);
    };
  }

  /** A stream compressing into {@code raw}; closing it finishes the compressed form and closes {@code raw}. */
  OutputStream encode(OutputStream raw) throws IOException {
    return switch (this) {
      case NONE -> raw;
      case GZIP -> new GZIPOutputStream(raw, GZIP_BUFFER_BYTES);
      case ZSTD -> new ZstdOutputStream(raw);
    };
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
