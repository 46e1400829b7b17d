package io.tickwire.replay;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** The payloads of frames to send, one at a time; each is valid until the next call to {@link #next}. */
public interface Payloads {
  /** Moves to the next payload; false when there are no more. */
  boolean next();

  byte[] bytes();

  int offset();

  int length();

  /** Each array of {@code arrays} whole, as one payload. */
  static Payloads of(Iterator<byte[]> arrays) {
    return new Payloads() {
      private byte[] current;

      @Override
      public boolean next() {
        current = arrays.hasNext() ? arrays.next() : null;
        return current != null;
      }

      @Override
      public byte[] bytes() {
        return current;
      }

      @Override
      public int offset() {
        return 0;
      }

      @Override
      public int length() {
        return current.length;
      }
    };
  }

  /** Each line's UTF-8 bytes, encoded only when its turn comes. */
  static Payloads ofLines(Iterator<String> lines) {
    return of(new Iterator<>() {
      @Override
      public boolean hasNext() {
        return lines.hasNext();
      }

      @Override
      public byte[] next() {
        return lines.next().getBytes(StandardCharsets.UTF_8);
      }
    });
  }

  /** The payloads as UTF-8 text, one line each, decoded only when asked for. */
  static Iterator<String> lines(Payloads payloads) {
    return new Iterator<>() {
      private Boolean ahead;

      @Override
      public boolean hasNext() {
        if (ahead == null) {
          ahead = payloads.next();
        }
        return ahead;
      }

      @Override
      public String next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more payloads");
        }
        ahead = null;
        return new String(payloads.bytes(), payloads.offset(), payloads.length(), StandardCharsets.UTF_8);
      }
    };
  }
}
