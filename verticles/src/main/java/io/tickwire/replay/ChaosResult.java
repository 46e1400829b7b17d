package io.tickwire.replay;

import java.util.List;

/** The lines to send, in order, and the faults in them. */
public record ChaosResult(List<String> lines, Injected injected) {
  public ChaosResult {
    lines = List.copyOf(lines);
  }
}
