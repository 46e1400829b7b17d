package io.tickwire.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ByteLinesTest {
  @TempDir
  Path dir;

  @Test
  void givesTheLinesInputLinesGivesCrLfBlankLinesAndAMissingLastNewlineIncluded() throws IOException {
    StringBuilder text = new StringBuilder();
    List<String> trades = StreamLines.trades(3_000, 4);
    for (int i = 0; i < trades.size(); i++) {
      text.append(trades.get(i)).append(i % 7 == 0 ? "\r\n" : "\n");
      if (i % 500 == 0) {
        text.append("\n  \t\n");
      }
    }
    text.append("{\"last\":\"line without a newline\"}");
    Path file = Files.writeString(dir.resolve("mixed.jsonl"), text);
    List<String> expected = new ArrayList<>();
    try (InputLines lines = InputLines.open(file)) {
      lines.forEachRemaining(line -> {
        if (!line.isBlank()) {
          expected.add(line);
        }
      });
    }
    assertThat(readAll(file)).isEqualTo(expected).hasSize(trades.size() + 1);
  }

  @Test
  void aLineLongerThanTheReadChunkGrowsTheBufferAndAGzipFileReadsTheSame() throws IOException {
    String longLine = "{\"pad\":\"" + "x".repeat(300_000) + "\"}";
    byte[] plain = ("a\n" + longLine + "\nb\n").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gz)) {
      out.write(plain);
    }
    for (Path file : List.of(Files.write(dir.resolve("p"), plain), Files.write(dir.resolve("g"), gz.toByteArray()))) {
      assertThat(readAll(file)).containsExactly("a", longLine, "b");
    }
  }

  @Test
  void aLineLongerThanTheLimitIsAnErrorNamingItsNumber() throws IOException {
    Path file = Files.writeString(dir.resolve("long.jsonl"), "ok\n" + "y".repeat(200_000) + "\n");
    try (ByteLines lines = ByteLines.open(file, 100_000)) {
      assertThat(lines.next()).isTrue();
      assertThatThrownBy(lines::next).isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("line 2 is longer than 100000 bytes");
    }
  }

  @Test
  void theWholeFileIsCountedAsRead() throws IOException {
    Path file = Files.writeString(dir.resolve("n.jsonl"), String.join("\n", StreamLines.trades(1_000, 2)));
    try (ByteLines lines = ByteLines.open(file)) {
      while (lines.next()) {
        assertThat(lines.length()).isPositive();
      }
      assertThat(lines.bytesRead()).isEqualTo(lines.size()).isEqualTo(Files.size(file));
    }
  }

  private static List<String> readAll(Path file) throws IOException {
    List<String> all = new ArrayList<>();
    try (ByteLines lines = ByteLines.open(file)) {
      while (lines.next()) {
        all.add(new String(lines.bytes(), lines.offset(), lines.length(), StandardCharsets.UTF_8));
      }
    }
    return all;
  }
}
