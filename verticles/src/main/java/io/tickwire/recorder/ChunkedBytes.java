package io.tickwire.recorder;

/**
 * A queue of bytes: appended at the tail, released from the head, addressed by a position that only grows. The
 * bytes live in equal chunks taken as the queue grows and given back as the head passes them, so a small stream
 * holds one chunk, growing never copies what is held, and the queue never holds more than its bytes plus three
 * chunks (a part-used one at either end, and one released chunk kept for the next one needed). That spare means
 * that in steady state the same chunks go round and nothing is allocated. Chunks are a power of two bytes (a
 * position splits into chunk number and offset with a shift) and at most 64 KiB, far below G1's humongous-object
 * size (half a region, 512 KiB at the least), so none takes a region of its own. Not thread-safe.
 */
final class ChunkedBytes {
  private static final int MAX_CHUNK = 64 * 1024;
  private static final int MIN_CHUNK = 64;
  private static final int INITIAL_SLOTS = 8;

  private final int shift;
  private final int chunkSize;
  /** Chunk number {@code n} is in slot {@code n & (slots.length - 1)}; null when not held. */
  private byte[][] slots = new byte[INITIAL_SLOTS][];
  private byte[] spare;
  private long head;
  private long tail;

  /** Chunks sized for about {@code bound} bytes held: small enough that the part-used ones are a small share. */
  ChunkedBytes(long bound) {
    long size = Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, Long.highestOneBit(Math.max(1, bound / 8))));
    this.shift = Long.numberOfTrailingZeros(size);
    this.chunkSize = (int) size;
  }

  /** Appends {@code [0, length)} of {@code src} at the tail. */
  void append(byte[] src, int length) {
    int done = 0;
    while (done < length) {
      byte[] chunk = writableChunk(tail >>> shift);
      int offset = (int) (tail & (chunkSize - 1));
      int n = Math.min(length - done, chunkSize - offset);
      System.arraycopy(src, done, chunk, offset, n);
      done += n;
      tail += n;
    }
  }

  /** Copies {@code length} bytes from {@code position} (held: between head and tail) into {@code dst}. */
  void copy(long position, byte[] dst, int length) {
    int done = 0;
    while (done < length) {
      long at = position + done;
      int offset = (int) (at & (chunkSize - 1));
      int n = Math.min(length - done, chunkSize - offset);
      System.arraycopy(slots[slot(at >>> shift)], offset, dst, done, n);
      done += n;
    }
  }

  /** Drops the {@code length} oldest bytes, giving back every chunk the head moves past. */
  void release(int length) {
    long first = head >>> shift;
    head += length;
    // The head's own chunk stays: it holds the oldest byte, or is where the next append writes when all is gone.
    for (long n = first; n < head >>> shift; n++) {
      giveBack(n);
    }
  }

  private byte[] writableChunk(long number) {
    if (number - (head >>> shift) >= slots.length) {
      growSlots(number);
    }
    int slot = slot(number);
    if (slots[slot] == null) {
      slots[slot] = spare != null ? spare : new byte[chunkSize];
      spare = null;
    }
    return slots[slot];
  }

  private void giveBack(long number) {
    int slot = slot(number);
    if (slots[slot] != null) {
      spare = slots[slot];
      slots[slot] = null;
    }
  }

  /**
   * Doubles the slot table, placing each held chunk by its number in the new size. Chunk {@code next} is not taken
   * yet: its slot in the old table still holds the head's chunk, which is why the table must grow.
   */
  private void growSlots(long next) {
    byte[][] grown = new byte[slots.length * 2][];
    for (long n = head >>> shift; n < next; n++) {
      grown[(int) (n & (grown.length - 1))] = slots[slot(n)];
    }
    slots = grown;
  }

  private int slot(long number) {
    return (int) (number & (slots.length - 1));
  }

  long head() {
    return head;
  }

  long tail() {
    return tail;
  }

  int chunkSize() {
    return chunkSize;
  }

  /** Chunks held now, the spare included: what this queue costs the heap, in chunks. */
  int chunksHeld() {
    int held = spare != null ? 1 : 0;
    for (byte[] chunk : slots) {
      held += chunk != null ? 1 : 0;
    }
    return held;
  }
}
