package io.tickwire.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputLinesTest {
  private static final List<String> LINES = StreamLines.trades(2_000, 3);

  @TempDir
  Path dir;

  private static byte[] text(List<String> lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  private static byte[] zstd(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream z = new ZstdOutputStream(out)) {
      z.write(bytes);
    }
    return out.toByteArray();
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static List<String> readAll(InputLines input) {
    List<String> all = new ArrayList<>();
    input.forEachRemaining(all::add);
    return all;
  }

  @Test
  void plainGzipAndZstdFilesGiveTheSameLinesAndTheWholeFileIsCountedAsRead() throws IOException {
    byte[] plain = text(LINES);
    for (Path path : List.of(write("plain.jsonl", plain), write("a.jsonl.gz", gzip(plain)),
        write("a.jsonl.zst", zstd(plain)))) {
      try (InputLines input = InputLines.open(path)) {
        assertThat(input.bytesRead()).as("%s: nothing but a buffer read before asked", path)
            .isLessThanOrEqualTo(1 << 16);
        assertThat(readAll(input)).as(path.toString()).isEqualTo(LINES);
        assertThat(input.bytesRead()).as(path.toString()).isEqualTo(Files.size(path)).isEqualTo(input.size());
      }
    }
  }

  @Test
  void compressionIsToldByTheFirstBytesWhateverTheName() throws IOException {
    byte[] plain = text(LINES.subList(0, 10));
    assertThat(compressionOf(write("looks-plain.jsonl", gzip(plain)))).isEqualTo("gzip");
    assertThat(compressionOf(write("looks-gzip.gz", zstd(plain)))).isEqualTo("zstd");
    assertThat(compressionOf(write("looks-zstd.zst", plain))).isEqualTo("none");
    assertThat(compressionOf(write("empty.jsonl", new byte[0]))).isEqualTo("none");
    assertThat(compressionOf(write("one-byte.jsonl", new byte[] {0x1f}))).isEqualTo("none");
    try (InputLines input = InputLines.open(dir.resolve("looks-plain.jsonl"))) {
      assertThat(readAll(input)).isEqualTo(LINES.subList(0, 10));
    }
  }

  private static String compressionOf(Path path) throws IOException {
    try (InputLines input = InputLines.open(path)) {
      return input.compression();
    }
  }

  @Test
  void linesEndAsFilesReadAllLinesEndsThemAndGzipMembersFollowOneAnother() throws IOException {
    byte[] first = gzip("a\r\nb\n".getBytes(StandardCharsets.UTF_8));
    byte[] second = gzip("\nc".getBytes(StandardCharsets.UTF_8));
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    Path path = write("members.gz", both);
    try (InputLines input = InputLines.open(path)) {
      assertThat(readAll(input)).containsExactly("a", "b", "", "c");
    }
  }

  @Test
  void aFileCutShortFailsWhenTheReadingReachesTheCut() throws IOException {
    byte[] whole = gzip(text(LINES));
    Path path = write("cut.gz", Arrays.copyOf(whole, whole.length / 2));
    try (InputLines input = InputLines.open(path)) {
      assertThat(input.hasNext()).isTrue();
      assertThatThrownBy(() -> readAll(input)).isInstanceOf(UncheckedIOException.class);
    }
  }

  @Test
  void malformedUtf8IsAnErrorAsInFilesReadAllLines() throws IOException {
    Path path = write("bad.jsonl", new byte[] {'{', (byte) 0xc3, '}', '\n'});
    try (InputLines input = InputLines.open(path)) {
      assertThatThrownBy(input::hasNext).isInstanceOf(UncheckedIOException.class);
    }
  }
}
