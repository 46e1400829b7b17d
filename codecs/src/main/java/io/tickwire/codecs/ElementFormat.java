package io.tickwire.codecs;

/**
 * How one batch element is laid out in the binary format. Implementations write and read fields in the same
 * order; strings that repeat across a batch (venue, symbol, names) go through {@link WireWriter#writeName} so the
 * batch carries each once.
 */
public interface ElementFormat<E> {
  void write(WireWriter out, E element);

  E read(WireReader in);
}
