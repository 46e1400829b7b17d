package io.tickwire.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** A Prometheus text scrape read into series (name with its labels, as printed) and values, for assertions. */
public final class Scrape {
  private final Map<String, Double> series = new LinkedHashMap<>();

  public Scrape(String text) {
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
  }

  /**
   * The value of the one series named {@code name} whose labels include every {@code label="value"} given, in any
   * order; empty when there is none. Fails when several match.
   */
  public OptionalDouble value(String name, String... labels) {
    Double found = null;
    for (Map.Entry<String, Double> entry : series.entrySet()) {
      if (matches(entry.getKey(), name, labels)) {
        if (found != null) {
          throw new AssertionError("several series match " + name + " " + String.join(",", labels));
        }
        found = entry.getValue();
      }
    }
    return found == null ? OptionalDouble.empty() : OptionalDouble.of(found);
  }

  /** The sum of every series named {@code name} whose labels include the given ones (0 when none). */
  public double sum(String name, String... labels) {
    double total = 0;
    for (Map.Entry<String, Double> entry : series.entrySet()) {
      if (matches(entry.getKey(), name, labels)) {
        total += entry.getValue();
      }
    }
    return total;
  }

  private static boolean matches(String key, String name, String... labels) {
    int brace = key.indexOf('{');
    String keyName = brace < 0 ? key : key.substring(0, brace);
    if (!keyName.equals(name)) {
      return false;
    }
    for (String label : labels) {
      if (!key.contains(label)) {
        return false;
      }
    }
    return true;
  }
}
