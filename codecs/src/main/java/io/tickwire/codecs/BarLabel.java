package io.tickwire.codecs;

import java.util.Locale;

/**
 * Which instant names a bar when it is shown: its window's start ({@code open}, the default, as stored) or its
 * exclusive end ({@code close}, the moment the bar is complete). Both are always carried; only presentation
 * changes.
 */
public enum BarLabel {
  OPEN, CLOSE;

  /** {@code open} or {@code close}; throws naming the text otherwise. */
  public static BarLabel parse(String text) {
    if (text != null) {
      for (BarLabel label : values()) {
        if (label.name().toLowerCase(Locale.ROOT).equals(text)) {
          return label;
        }
      }
    }
    throw new IllegalArgumentException("bad label '" + text + "'; expected open or close");
  }
}
