package io.tickwire.replay;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Injects faults into a stream of v1 JSON lines, deterministically: the same lines and settings give the same
 * output and the same {@link Injected} counts, on every machine, so an incident replays exactly.
 *
 * <p>Each input line gets at most one fault, from one draw: dropped (trades with numeric ids, which is what makes
 * a sequence gap), sent twice (trades), or schema-drifted (trades, quotes, books). The result then passes a
 * {@link ShuffleBuffer}. The counts are the ground truth the detectors are held to, computed from what was done
 * and from the final order, never by asking the detectors.
 */
public final class ChaosInjector {
  private final ChaosSettings settings;

  public ChaosInjector(ChaosSettings settings) {
    this.settings = settings;
  }

  /** The faulted stream of {@code lines} (blank lines skipped) and the faults in it, all in memory. */
  public ChaosResult inject(List<String> lines) {
    ChaosStream stream = stream(lines.iterator());
    List<String> output = new ArrayList<>();
    stream.forEachRemaining(output::add);
    return new ChaosResult(output, stream.injected());
  }

  /**
   * The same faults as {@link #inject(List)}, line for line, made as the output is read: {@code lines} is read
   * only as far as the output needs, so an input of any length takes bounded memory.
   */
  public ChaosStream stream(Iterator<String> lines) {
    return new ChaosStream(lines, settings);
  }
}
