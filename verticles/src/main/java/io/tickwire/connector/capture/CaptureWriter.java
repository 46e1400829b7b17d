package io.tickwire.connector.capture;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import java.nio.file.Path;

/**
 * Records one connector's raw traffic ({@code tickwire run --record DIR}) in tickwire's capture format: the line
 * shapes of {@link CryptofeedCapture} (so one reader serves both), preceded by a header naming venue and protocol:
 * <pre>
 * # tickwire capture v1 venue=kraken protocol=v2 url=wss://ws.kraken.com/v2
 * wss://ws.kraken.com/v2 &lt;-&gt; 1718000000.123456          connection opened
 * wss://ws.kraken.com/v2 &lt;- 1718000000.200000: {...}    a frame sent (subscribe)
 * 1718000000.300000: {...}                               a frame received
 * https://api.binance.com/api/v3/depth?symbol=BTCUSDT&amp;limit=1000 -&gt; 1718000000.4: {...}   a REST body
 * </pre>
 * Times are epoch seconds with six decimals (the receive time). A frame's line breaks become spaces: in JSON they can
 * only be whitespace between tokens, so the frame means the same. Writes go through a non-blocking file; if the disk
 * falls behind by more than the write queue, lines are dropped and counted rather than stalling the event loop.
 */
public final class CaptureWriter {
  private static final int MAX_QUEUED_BYTES = 64 << 20;

  private final AsyncFile file;
  private final Path path;
  private long lines;
  private long dropped;

  private CaptureWriter(AsyncFile file, Path path) {
    this.file = file;
    this.path = path;
  }

  /** Creates {@code path} (failing if it exists) and writes the header. */
  public static Future<CaptureWriter> open(Vertx vertx, Path path, String venue, String protocol, String url) {
    return vertx.fileSystem().mkdirs(path.toAbsolutePath().getParent().toString())
        .compose(v -> vertx.fileSystem().open(path.toString(), new OpenOptions().setCreateNew(true).setWrite(true)))
        .map(f -> {
          f.setWriteQueueMaxSize(MAX_QUEUED_BYTES);
          CaptureWriter writer = new CaptureWriter(f, path);
          writer.write(header(venue, protocol, url));
          return writer;
        });
  }

  public static String header(String venue, String protocol, String url) {
    return "# tickwire capture v1 venue=" + venue + " protocol=" + protocol + " url=" + url;
  }

  public void opened(String url, long micros) {
    write(url + " <-> " + seconds(micros));
  }

  public void sent(String url, String frame, long micros) {
    write(url + " <- " + seconds(micros) + ": " + oneLine(frame));
  }

  public void received(String frame, long micros) {
    write(seconds(micros) + ": " + oneLine(frame));
  }

  public void rest(String requestUrl, String body, long micros) {
    write(requestUrl + " -> " + seconds(micros) + ": " + oneLine(body));
  }

  public Future<Void> close() {
    return file.close();
  }

  public Path path() {
    return path;
  }

  public long lines() {
    return lines;
  }

  public long dropped() {
    return dropped;
  }

  private void write(String line) {
    if (file.writeQueueFull()) {
      dropped++;
      return;
    }
    lines++;
    file.write(Buffer.buffer(line).appendByte((byte) '\n'));
  }

  /** Epoch micros as {@code seconds.micros}, six decimals, the capture's time format. */
  static String seconds(long micros) {
    long secs = Math.floorDiv(micros, 1_000_000);
    long frac = Math.floorMod(micros, 1_000_000);
    String digits = Long.toString(frac);
    return secs + "." + "000000".substring(digits.length()) + digits;
  }

  private static String oneLine(String frame) {
    return frame.indexOf('\n') < 0 && frame.indexOf('\r') < 0 ? frame : frame.replace('\n', ' ').replace('\r', ' ');
  }
}
