package io.tickwire.replay;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The faulted lines of {@link ChaosInjector#stream}, made as they are asked for: each input line read yields at
 * most two output lines, and the end of the input lets out at most the shuffle window, so what waits here is
 * bounded whatever the input's length. {@link #injected()} is the ground truth, final once the stream is exhausted.
 */
public final class ChaosStream implements Iterator<String> {
  private final Iterator<String> input;
  private final ChaosRun run;
  private final ArrayDeque<String> ready = new ArrayDeque<>();
  private boolean finished;

  ChaosStream(Iterator<String> input, ChaosSettings settings) {
    this.input = input;
    this.run = new ChaosRun(settings, ready::add);
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty() && !finished) {
      step();
    }
    return !ready.isEmpty();
  }

  /** Feeds the next input line (blank ones skipped), or at the end of the input lets the shuffle go. */
  private void step() {
    if (input.hasNext()) {
      String line = input.next();
      if (!line.isBlank()) {
        run.accept(EventLine.of(line));
      }
    } else {
      run.finish();
      finished = true;
    }
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the faulted stream has ended");
    }
    return ready.poll();
  }

  /** The faults in the stream; counted as it goes, and asked for only once it is exhausted, when they are final. */
  public Injected injected() {
    if (!finished || !ready.isEmpty()) {
      throw new IllegalStateException("the injected counts are final only once the stream has been read to its end");
    }
    return run.injected();
  }
}
