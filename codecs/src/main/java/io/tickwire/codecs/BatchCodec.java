package io.tickwire.codecs;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * The one event-bus codec for every batch type, parameterised by how an element is laid out. Layout (v1):
 *
 * <pre>
 *   byte    format version (1)
 *   int     payload length: the bytes after this int, so a truncated message is detected, not misread
 *   int     string-table offset from the payload start (this int): the table comes last so encoding is one pass
 *   varint  batch header (TickBatch: partition; others: 0)
 *   varint  element count, then the elements ({@link ElementFormat})
 *   varint  string count, then each string as length + UTF-8
 * </pre>
 *
 * Local delivery skips all this: records are immutable, so {@link #transform} hands over the same instance.
 */
public final class BatchCodec<B extends Batch<E>, E> implements MessageCodec<B, B> {
  public static final int VERSION = 1;

  /** Rebuilds a batch from its header value and decoded elements. */
  @FunctionalInterface
  public interface Factory<B, E> {
    B create(int header, List<E> items);
  }

  private final String name;
  private final Class<B> type;
  private final ElementFormat<E> format;
  private final ToIntFunction<B> header;
  private final Factory<B, E> factory;

  public BatchCodec(String name, Class<B> type, ElementFormat<E> format, ToIntFunction<B> header,
      Factory<B, E> factory) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.format = Objects.requireNonNull(format, "format");
    this.header = Objects.requireNonNull(header, "header");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  public Class<B> type() {
    return type;
  }

  @Override
  public void encodeToWire(Buffer buffer, B batch) {
    buffer.appendByte((byte) VERSION);
    int lengthAt = buffer.length();
    buffer.appendInt(0).appendInt(0); // length and table offset, patched below
    int payloadStart = lengthAt + 4;
    WireWriter out = new WireWriter(buffer);
    out.writeVarLong(header.applyAsInt(batch));
    out.writeVarUnsigned(batch.items().size());
    for (E element : batch.items()) {
      format.write(out, element);
    }
    int tableAt = buffer.length();
    out.writeVarUnsigned(out.table().size());
    for (String s : out.table()) {
      out.writeText(s);
    }
    buffer.setInt(lengthAt, buffer.length() - payloadStart);
    buffer.setInt(lengthAt + 4, tableAt - payloadStart);
  }

  @Override
  public B decodeFromWire(int pos, Buffer buffer) {
    WireReader head = new WireReader(buffer, pos, buffer.length());
    int version = head.readByte();
    if (version != VERSION) {
      throw new WireFormatException(name + ": unsupported format version " + version + " (expected " + VERSION + ")");
    }
    int length = head.readInt("the payload length");
    int payloadStart = head.position();
    if (length < 4 || length > head.remaining()) {
      throw new WireFormatException(name + ": truncated message: payload of " + length + " bytes announced but "
          + head.remaining() + " remain");
    }
    int tableOffset = head.readInt("the string-table offset");
    if (tableOffset < 4 || tableOffset > length) {
      throw new WireFormatException(name + ": corrupt string-table offset " + tableOffset);
    }
    int tableAt = payloadStart + tableOffset;
    WireReader elements = new WireReader(buffer, head.position(), tableAt);
    elements.table(readTable(new WireReader(buffer, tableAt, payloadStart + length)));
    return readBatch(elements);
  }

  private static List<String> readTable(WireReader in) {
    int n = in.readCount("string table");
    List<String> table = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String s = in.readText();
      if (s == null) {
        throw new WireFormatException("corrupt string table: entry " + i + " is null");
      }
      table.add(StringInterner.intern(s));
    }
    return table;
  }

  private B readBatch(WireReader in) {
    long head = in.readVarLong();
    int count = in.readCount("element");
    List<E> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(readElement(in, i));
    }
    if (in.remaining() != 0) {
      throw new WireFormatException(name + ": corrupt message: " + in.remaining() + " stray bytes after the elements");
    }
    if (head < Integer.MIN_VALUE || head > Integer.MAX_VALUE) {
      throw new WireFormatException(name + ": corrupt batch header " + head);
    }
    try {
      return factory.create((int) head, items);
    } catch (IllegalArgumentException e) {
      throw new WireFormatException(name + ": corrupt batch header: " + e.getMessage());
    }
  }

  private E readElement(WireReader in, int index) {
    try {
      return format.read(in);
    } catch (WireFormatException e) {
      throw new WireFormatException(name + ": element " + index + ": " + e.getMessage());
    } catch (RuntimeException e) { // a record invariant broken by corrupt bytes
      throw new WireFormatException(name + ": element " + index + " is corrupt: " + e);
    }
  }

  /** Records are immutable, so local delivery shares the instance instead of copying it. */
  @Override
  public B transform(B batch) {
    return batch;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
