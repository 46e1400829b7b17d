package io.tickwire.testing;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.V1Json;
import java.util.ArrayList;
import java.util.List;

/** The trades and bars in v1 JSON lines printed by {@code --print md.ticks --print md.bars}. */
public record PrintedOutput(List<Trade> trades, List<Bar> bars) {
  public static PrintedOutput parse(String text) {
    List<Trade> trades = new ArrayList<>();
    List<Bar> bars = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      Object record = V1Json.read(line);
      if (record instanceof Trade trade) {
        trades.add(trade);
      } else if (record instanceof Bar bar) {
        bars.add(bar);
      } else {
        throw new AssertionError("unexpected line: " + line);
      }
    }
    return new PrintedOutput(List.copyOf(trades), List.copyOf(bars));
  }
}
