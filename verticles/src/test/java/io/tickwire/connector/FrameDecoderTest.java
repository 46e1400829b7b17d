package io.tickwire.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
  private static final int MAX = 1024;
  private final List<String> frames = new ArrayList<>();
  private final FrameDecoder decoder = new FrameDecoder(MAX);

  private void feed(Buffer chunk) {
    decoder.feed(chunk, (bytes, offset, length) -> frames.add(new String(bytes, offset, length,
        StandardCharsets.UTF_8)));
  }

  @Test
  void splitsManyFramesInOneReadAndOneFrameOverManyReads() {
    feed(FrameWriter.frame("a").appendBuffer(FrameWriter.frame("bb")).appendBuffer(FrameWriter.frame("ccc")));
    byte[] split = FrameWriter.frame("{\"x\":\"é\"}").appendBuffer(FrameWriter.frame("z")).getBytes();
    for (byte b : split) {
      feed(Buffer.buffer(new byte[] {b}));
    }
    assertThat(frames).containsExactly("a", "bb", "ccc", "{\"x\":\"é\"}", "z");
    assertThat(decoder.midFrame()).isFalse();
  }

  @Test
  void refusesLengthsOutsideOneToMaxFromTheHeaderAlone() {
    assertThatThrownBy(() -> feed(Buffer.buffer().appendInt(Integer.MAX_VALUE)))
        .isInstanceOf(FrameDecoder.FrameLengthException.class).hasMessageContaining("exceeds max_frame_bytes");
    FrameDecoder other = new FrameDecoder(MAX);
    assertThatThrownBy(() -> other.feed(Buffer.buffer().appendInt(0), (b, o, l) -> { }))
        .isInstanceOf(FrameDecoder.FrameLengthException.class).hasMessageContaining("not positive");
    assertThat(decoder.peakBuffered()).isZero();
  }

  @Test
  void bufferNeverExceedsMaxFramePlusHeaderUnderAFloodOfPartialFrames() {
    Buffer junk = Buffer.buffer().appendInt(MAX).appendBytes(new byte[MAX]);
    for (int i = 0; i < 20_000; i++) {
      int cut = 1 + i % (junk.length() - 1);
      feed(junk.slice(0, cut));
      feed(junk.slice(cut, junk.length()));
    }
    assertThat(frames).hasSize(20_000);
    assertThat(decoder.peakBuffered()).isLessThanOrEqualTo(MAX + FrameDecoder.HEADER_BYTES);
  }

  @Test
  void aTrickledLargeFrameBuffersOnlyWhatArrived() {
    feed(Buffer.buffer().appendInt(MAX).appendBytes(new byte[10]));
    assertThat(decoder.peakBuffered()).isLessThanOrEqualTo(10 + FrameDecoder.HEADER_BYTES);
    assertThat(decoder.midFrame()).isTrue();
  }
}
