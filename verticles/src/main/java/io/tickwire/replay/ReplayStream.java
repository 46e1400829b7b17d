package io.tickwire.replay;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The frames a replay sends, and the faults injected into them when any were asked for.
 *
 * @param frames read once, as the sending goes
 * @param injected the faults put in, final once {@code frames} is exhausted; empty when the input goes as it is
 */
public record ReplayStream(Payloads frames, Supplier<Optional<Injected>> injected) {
  /** The input with faults injected as it is read. */
  public static ReplayStream faulted(ChaosStream stream) {
    return new ReplayStream(Payloads.ofLines(stream), () -> Optional.of(stream.injected()));
  }

  /** The input as it is: no faults, no shuffle, so its lines need not be read, only sent. */
  public static ReplayStream asIs(Payloads frames) {
    return new ReplayStream(frames, Optional::empty);
  }
}
