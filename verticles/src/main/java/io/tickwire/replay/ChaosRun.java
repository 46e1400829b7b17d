package io.tickwire.replay;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One pass of {@link ChaosInjector} over one input: the random streams, the shuffle and the tallies. Lines go in
 * one at a time and come out to a consumer as the shuffle lets them go, so nothing but the shuffle window is held.
 */
final class ChaosRun {
  private enum Fault { NONE, GAP, DUPLICATE, DRIFT }

  /** An output line with what the truth needs to know about it. */
  private record Out(EventLine line, String text, boolean drifted) {
  }

  private final ChaosSettings settings;
  private final Consumer<String> output;
  private final SplittableRandom faults;
  private final ShuffleBuffer<Out> shuffle;
  private final DriftMutation drift = new DriftMutation();
  private final GapEpisodes gaps = new GapEpisodes();
  private final Reorderings reorderings = new Reorderings();
  private final Map<DriftKind, Long> drifted = new EnumMap<>(DriftKind.class);
  private long duplicates;
  private long dropped;

  ChaosRun(ChaosSettings settings, Consumer<String> output) {
    this.settings = settings;
    this.output = output;
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
    output.accept(out.text());
  }

  /** Lets out what the shuffle still holds; call once, after the last line. */
  void finish() {
    shuffle.drain(this::write);
  }

  /** The faults put in; final once {@link #finish} has run. */
  Injected injected() {
    return new Injected(duplicates, drifted, gaps.episodes(), dropped, reorderings.count());
  }
}
