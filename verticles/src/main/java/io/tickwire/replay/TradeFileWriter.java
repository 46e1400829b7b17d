package io.tickwire.replay;

import io.tickwire.codecs.Trade;
import io.tickwire.codecs.V1JsonWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * Writes a {@link TradeStream} to a file as v1 JSON lines, the input {@code tickwire replay --file} reads;
 * compressed when the name ends in {@code .gz} or {@code .zst}. It streams: memory holds one buffer of lines and
 * the stream's delayed trades, whatever the count. The lines go to {@code FILE.part}, renamed to FILE only once
 * complete, so an interrupted run never leaves a short file that looks finished.
 */
public final class TradeFileWriter {
  private static final int FLUSH_BYTES = 1 << 16;

  private final Progress progress;

  public TradeFileWriter(Progress progress) {
    this.progress = progress.counting("trades", "written");
  }

  public GeneratedFile write(TradeStream trades, Path path) throws IOException {
    long start = System.nanoTime();
    Path partial = path.resolveSibling(path.getFileName() + ".part");
    DisorderTally tally = new DisorderTally();
    long bytes;
    try (OutputStream out = Compression.ofName(path.getFileName().toString())
        .encode(new BufferedOutputStream(Files.newOutputStream(partial), FLUSH_BYTES))) {
      bytes = writeLines(trades, out, tally);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new GeneratedFile(path, tally.trades(), bytes, tally.outOfOrder(), tally.maxLagMicros(),
        System.nanoTime() - start);
  }

  /** Returns the bytes written. */
  private long writeLines(TradeStream trades, OutputStream out, DisorderTally tally) throws IOException {
    Lines lines = new Lines(out, tally);
    try {
      trades.forEach(lines);
      lines.drain();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return lines.bytes;
  }

  /** Lines gather in the writer's buffer and go out a buffer at a time. */
  private final class Lines implements Consumer<Trade> {
    private final V1JsonWriter writer = new V1JsonWriter();
    private final OutputStream out;
    private final DisorderTally tally;
    long bytes;

    Lines(OutputStream out, DisorderTally tally) {
      this.out = out;
      this.tally = tally;
    }

    @Override
    public void accept(Trade trade) {
      int before = writer.size();
      writer.write(trade);
      tally.written(trade);
      progress.sent(writer.size() - before);
      if (writer.size() >= FLUSH_BYTES) {
        drain();
      }
    }

    void drain() {
      int size = writer.size();
      try {
        out.write(writer.toByteArray());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      writer.reset();
      bytes += size;
    }
  }
}
