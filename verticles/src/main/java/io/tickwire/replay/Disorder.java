package io.tickwire.replay;

import java.util.Locale;

/**
 * How out of order a generated stream is: the share of trades delayed, and how far behind the newest trade written a
 * delayed trade may fall, in event time. A consumer whose watermark trails the newest event time by at least
 * {@code maxDelayMicros} sees none of them as late.
 *
 * @param share of trades delayed, within [0, 1]
 * @param maxDelayMicros the bound, positive
 */
public record Disorder(double share, long maxDelayMicros) {
  public static final Disorder NONE = new Disorder(0, 1);

  public Disorder {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be within 0% and 100%, got " + share);
    }
    if (maxDelayMicros <= 0) {
      throw new IllegalArgumentException("max delay must be positive, got " + maxDelayMicros + " us");
    }
  }

  /** {@code 5%} or {@code 0.05}; throws naming the text when it is neither, or outside 0% to 100%. */
  public static double parseShare(String text) {
    String trimmed = text == null ? "" : text.strip();
    boolean percent = trimmed.endsWith("%");
    double value;
    try {
      value = Double.parseDouble(percent ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a percentage such as 5% or a fraction such as 0.05, got '"
          + text + "'");
    }
    double share = percent ? value / 100 : value;
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("must be within 0% and 100%, got '" + text + "'");
    }
    return share;
  }

  /** {@code 5.00%}, as the share is spelled back to a person. */
  public String shareText() {
    return String.format(Locale.ROOT, "%.2f%%", share * 100);
  }
}
