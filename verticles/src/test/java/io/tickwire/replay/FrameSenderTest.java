package io.tickwire.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.testing.Await;
import io.tickwire.testing.FrameSink;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameSenderTest {
  @Test
  void everyLineArrivesIntactAsOneFrameInOrder() throws Exception {
    List<String> lines = new ArrayList<>(StreamLines.trades(5_000, 1));
    lines.add("{\"symbol\":\"€-Ünïcødé 📈\"}");
    lines.add("x".repeat(200_000)); // larger than the sender's buffer
    try (FrameSink sink = FrameSink.start()) {
      SendResult sent = new FrameSender(sink.target(), Rate.MAX, Progress.none()).sendLines(lines);
      Await.until(() -> sink.payloads().size() == lines.size(), Duration.ofSeconds(10), "every frame read");
      assertThat(sink.payloads()).isEqualTo(lines);
      assertThat(sent.frames()).isEqualTo(lines.size());
      assertThat(sent.bytes()).isEqualTo(lines.stream().mapToLong(l -> 4 + l.getBytes(StandardCharsets.UTF_8).length)
          .sum());
    }
  }

  @Test
  void aRateSpacesTheFramesOut() throws Exception {
    List<String> lines = StreamLines.trades(101, 2);
    try (FrameSink sink = FrameSink.start()) {
      SendResult sent = new FrameSender(sink.target(), new Rate(200), Progress.none()).sendLines(lines);
      // the 101st frame is due 100/200 s after the first; loose bounds, as timing on a loaded machine is loose
      assertThat(sent.elapsed()).isBetween(Duration.ofMillis(450), Duration.ofSeconds(5));
      assertThat(sent.eventsPerSecond()).isBetween(20.0, 225.0);
      Await.until(() -> sink.payloads().size() == lines.size(), Duration.ofSeconds(10), "every frame read");
    }
  }

  @Test
  void aRefusedConnectionIsAnErrorNamingTheTarget() throws IOException {
    HostPort closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = new HostPort("127.0.0.1", socket.getLocalPort());
    }
    FrameSender sender = new FrameSender(closed, Rate.MAX, Progress.none());
    assertThatThrownBy(() -> sender.sendLines(List.of("{}")))
        .isInstanceOf(SendException.class)
        .hasMessageContaining("cannot connect to 127.0.0.1:" + closed.port())
        .satisfies(e -> assertThat(((SendException) e).sentBefore().frames()).isZero());
  }

  @Test
  void aConnectionDroppedMidwayFailsWithWhatWasWrittenBeforeIt() throws IOException {
    List<String> lines = Collections.nCopies(200_000, "{\"ver\":1,\"kind\":\"trade\",\"pad\":\"" + "p".repeat(100) + "\"}");
    try (FrameSink sink = FrameSink.closingAfter(10)) {
      FrameSender sender = new FrameSender(sink.target(), Rate.MAX, Progress.none());
      assertThatThrownBy(() -> sender.sendLines(lines))
          .isInstanceOf(SendException.class)
          .hasMessageContaining("connection to " + sink.target() + " failed after")
          .satisfies(e -> assertThat(((SendException) e).sentBefore().frames()).isBetween(10L, 199_999L));
    }
  }
}
