package io.tickwire.config;

import io.tickwire.codecs.InfoBar;
import java.util.regex.Pattern;

/**
 * One information-bar series to build ({@code batcher.info_bars}): a kind, a threshold, and the symbols it applies
 * to, spelled {@code kind:threshold} (every symbol) or {@code kind:threshold@glob}, where the glob matches the
 * symbol ({@code *} any run of characters, {@code ?} one), e.g. {@code volume:5@BTC-*} or {@code dollar:1000000}.
 */
public record InfoBarSpec(InfoBar.Kind kind, double threshold, String glob, Pattern pattern) {

  public boolean appliesTo(String symbol) {
    return pattern.matcher(symbol).matches();
  }

  /** Parses one spelling; throws {@link IllegalArgumentException} naming the problem. */
  public static InfoBarSpec parse(String text) {
    int at = text.indexOf('@');
    String series = at < 0 ? text : text.substring(0, at);
    String glob = at < 0 ? "*" : text.substring(at + 1);
    int colon = series.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("expected kind:threshold[@symbols], e.g. volume:5@BTC-*");
    }
    InfoBar.Kind kind = InfoBar.Kind.parse(series.substring(0, colon));
    double threshold;
    try {
      threshold = Double.parseDouble(series.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("threshold '" + series.substring(colon + 1) + "' is not a number");
    }
    if (!(threshold > 0) || Double.isInfinite(threshold)
        || (kind == InfoBar.Kind.TICK && (threshold != Math.rint(threshold) || threshold > 1_000_000_000))) {
      throw new IllegalArgumentException("threshold must be positive and finite (a whole number of trades for tick"
          + " bars, at most 1e9), was " + series.substring(colon + 1));
    }
    if (glob.isEmpty() || glob.length() > 200) {
      throw new IllegalArgumentException("the symbol glob after @ must be 1-200 characters");
    }
    return new InfoBarSpec(kind, threshold, glob, Pattern.compile(globToRegex(glob)));
  }

  private static String globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }
}
