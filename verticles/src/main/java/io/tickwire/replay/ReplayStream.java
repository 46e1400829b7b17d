package io.tickwire.replay;

import java.util.Optional;

/** The frames a replay sends, and the faults injected into them when any were asked for. */
public interface ReplayStream {
  /** The frames, read once, as the sending goes. */
  Payloads frames();

  /** The faults put in, final once {@link #frames()} is exhausted; empty when the input goes as it is. */
  Optional<Injected> injected();

  /** The input with faults injected as it is read. */
  static ReplayStream faulted(ChaosStream stream) {
    Payloads frames = Payloads.ofLines(stream);
    return new ReplayStream() {
      @Override
      public Payloads frames() {
        return frames;
      }

      @Override
      public Optional<Injected> injected() {
        return Optional.of(stream.injected());
      }
    };
  }

  /** The input as it is: no faults, no shuffle, so its lines need not be read, only sent. */
  static ReplayStream asIs(Payloads frames) {
    return new ReplayStream() {
      @Override
      public Payloads frames() {
        return frames;
      }

      @Override
      public Optional<Injected> injected() {
        return Optional.empty();
      }
    };
  }
}
