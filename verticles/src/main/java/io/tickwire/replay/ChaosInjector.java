package io.tickwire.replay;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

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

  /** The faulted stream of {@code lines} (blank lines skipped) and the faults in it. */
  public ChaosResult inject(List<String> lines) {
    Run run = new Run(settings);
    for (String line : lines) {
      if (!line.isBlank()) {
        run.accept(EventLine.of(line));
      }
    }
    return run.finish();
  }

  private enum Fault { NONE, GAP, DUPLICATE, DRIFT }

  /** An output line with what the truth needs to know about it. */
  private record Out(EventLine line, String text, boolean drifted) {
  }

  /** One pass over one input: the random streams, the shuffle and the tallies. */
  private static final class Run {
    private final ChaosSettings settings;
    private final SplittableRandom faults;
    private final ShuffleBuffer<Out> shuffle;
    private final DriftMutation drift = new DriftMutation();
    private final GapEpisodes gaps = new GapEpisodes();
    private final Reorderings reorderings = new Reorderings();
    private final Map<DriftKind, Long> drifted = new EnumMap<>(DriftKind.class);
    private final List<String> output = new ArrayList<>();
    private long duplicates;
    private long dropped;

    Run(ChaosSettings settings) {
      this.settings = settings;
      this.faults = new SplittableRandom(settings.seed());
      // its own stream, so how many draws the faults take never changes how the shuffle falls
      this.shuffle = new ShuffleBuffer<>(settings.shuffleWindow(), faults.split());
    }

    void accept(EventLine line) {
      switch (fault(line)) {
        case GAP -> dropGap(line);
        case DUPLICATE -> sendTwice(line);
        case DRIFT -> sendDrifted(line);
        case NONE -> send(line);
      }
    }

    /** One draw decides; a fault the line cannot take (a gap in a quote, say) leaves it alone. */
    private Fault fault(EventLine line) {
      double u = faults.nextDouble();
      if (u < settings.gapRate()) {
        return line.hasNumericTradeId() ? Fault.GAP : Fault.NONE;
      }
      u -= settings.gapRate();
      if (u < settings.duplicateRate()) {
        return line.isTrade() ? Fault.DUPLICATE : Fault.NONE;
      }
      u -= settings.duplicateRate();
      return u < settings.driftRate() && line.isEvent() ? Fault.DRIFT : Fault.NONE;
    }

    private void dropGap(EventLine line) {
      dropped++;
      gaps.missing(line);
    }

    private void sendTwice(EventLine line) {
      duplicates++;
      send(line);
      emit(new Out(line, line.text(), false));
    }

    private void sendDrifted(EventLine line) {
      DriftMutation.Drifted d = drift.drift(line, faults);
      drifted.merge(d.kind(), 1L, Long::sum);
      gaps.missing(line);
      emit(new Out(line, d.text(), true));
    }

    private void send(EventLine line) {
      gaps.kept(line);
      emit(new Out(line, line.text(), false));
    }

    private void emit(Out out) {
      shuffle.offer(out, this::write);
    }

    private void write(Out out) {
      reorderings.emitted(out.line(), out.drifted());
      output.add(out.text());
    }

    ChaosResult finish() {
      shuffle.drain(this::write);
      return new ChaosResult(output, new Injected(duplicates, drifted, gaps.episodes(), dropped,
          reorderings.count()));
    }
  }
}
