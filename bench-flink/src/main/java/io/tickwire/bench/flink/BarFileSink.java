package io.tickwire.bench.flink;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes every bar to one local file as v1 JSON lines, for comparing with tickwire's. One writer: run it at
 * parallelism 1. Not a transactional sink: a failed job leaves a partial file, which is all a comparison needs.
 */
final class BarFileSink implements Sink<OhlcvBar> {
  /** A string, not a Path: the sink is serialized into the job, and Path is not Serializable. */
  private final String path;

  BarFileSink(Path path) {
    this.path = path.toAbsolutePath().toString();
  }

  @Override
  public SinkWriter<OhlcvBar> createWriter(WriterInitContext context) throws IOException {
    return new BarWriter(Files.newBufferedWriter(Path.of(path), StandardCharsets.UTF_8));
  }

  private static final class BarWriter implements SinkWriter<OhlcvBar> {
    private final Writer file;
    private final BarJson json;

    BarWriter(Writer file) throws IOException {
      this.file = file;
      this.json = new BarJson(file);
    }

    @Override
    public void write(OhlcvBar bar, Context context) throws IOException {
      json.write(bar);
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      json.flush();
    }

    @Override
    public void close() throws IOException {
      json.flush();
      file.close();
    }
  }
}
