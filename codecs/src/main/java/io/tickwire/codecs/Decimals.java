package io.tickwire.codecs;

import java.math.BigDecimal;

/**
 * Exact decimals packed into one {@code long}: the upper 60 bits hold the signed unscaled value and the
 * low 4 bits the scale (0..15), so {@code value = unscaled * 10^-scale}.
 *
 * <p>Why: exchanges send prices and sizes as decimal strings, and book keys and checksums need them exactly,
 * but a {@link BigDecimal} per field would cost two allocations per event on a path that must carry a
 * million events a second. One primitive long per field is exact, allocation-free and compares cheaply.
 * The scale is kept as parsed ({@code "1.50"} keeps scale 2) so the original text can be reproduced, which
 * venue checksums rely on. Range: |unscaled| &lt; 2^59 (about 5.7e17), at most 15 decimal places; anything
 * beyond is rejected rather than rounded.
 *
 * <p>Bars and features are computed in {@code double}: see {@link #toDouble(long)}.
 */
public final class Decimals {
  public static final int MAX_SCALE = 15;
  private static final long MAX_UNSCALED = (1L << 59) - 1;
  private static final long MIN_UNSCALED = -(1L << 59);
  private static final long[] POW10 = new long[19];
  private static final double[] POW10_D = new double[MAX_SCALE + 1];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
    for (int i = 0; i <= MAX_SCALE; i++) {
      POW10_D[i] = POW10[i];
    }
  }

  private Decimals() {
  }

  /** Packs an unscaled value and a scale; throws when either is out of range. */
  public static long of(long unscaled, int scale) {
    if (scale < 0 || scale > MAX_SCALE) {
      throw new DecimalFormatException("scale " + scale + " is outside 0.." + MAX_SCALE);
    }
    if (unscaled > MAX_UNSCALED || unscaled < MIN_UNSCALED) {
      throw new DecimalFormatException("unscaled value " + unscaled + " is outside the 60-bit range");
    }
    return (unscaled << 4) | scale;
  }

  /** 10^n for n in 0..18. */
  public static long pow10(int n) {
    return POW10[n];
  }

  public static long unscaled(long packed) {
    return packed >> 4;
  }

  public static int scale(long packed) {
    return (int) (packed & 0xF);
  }

  /** Nearest double; exact (correctly rounded) whenever |unscaled| &lt; 2^53. */
  public static double toDouble(long packed) {
    return unscaled(packed) / POW10_D[scale(packed)];
  }

  /** Rounds a double to {@code scale} decimal places (half away from zero). For generators, not for exchange data. */
  public static long fromDouble(double value, int scale) {
    if (!Double.isFinite(value)) {
      throw new DecimalFormatException("not a finite number: " + value);
    }
    if (scale < 0 || scale > MAX_SCALE) {
      throw new DecimalFormatException("scale " + scale + " is outside 0.." + MAX_SCALE);
    }
    double scaled = value * POW10_D[scale];
    if (Math.abs(scaled) > MAX_UNSCALED) {
      throw new DecimalFormatException(value + " does not fit at scale " + scale);
    }
    return of(Math.round(scaled), scale);
  }

  public static long parse(CharSequence text) {
    return parse(text, 0, text.length());
  }

  /**
   * Parses {@code [-+]digits[.digits][(e|E)[-+]digits]} from {@code text[from, to)} without allocating.
   * Throws {@link DecimalFormatException} naming the text when it is not such a number or does not fit.
   */
  public static long parse(CharSequence text, int from, int to) {
    int i = from;
    if (i >= to) {
      throw bad(text, from, to, "empty");
    }
    boolean negative = false;
    char c = text.charAt(i);
    if (c == '-' || c == '+') {
      negative = c == '-';
      i++;
    }
    long unscaled = 0;
    int scale = 0;
    int digits = 0;
    int pendingZeros = 0;
    boolean fraction = false;
    for (; i < to; i++) {
      c = text.charAt(i);
      if (c == '0' && fraction) {
        // Deferred: trailing fractional zeros beyond the range must not overflow an otherwise exact value.
        pendingZeros++;
        digits++;
      } else if (c >= '0' && c <= '9') {
        for (; pendingZeros > 0; pendingZeros--, scale++) {
          unscaled = appendDigit(unscaled, 0, text, from, to);
        }
        unscaled = appendDigit(unscaled, c - '0', text, from, to);
        digits++;
        if (fraction) {
          scale++;
        }
      } else if (c == '.' && !fraction) {
        fraction = true;
      } else if (c == 'e' || c == 'E') {
        break;
      } else {
        throw bad(text, from, to, "unexpected character '" + c + "'");
      }
    }
    if (digits == 0) {
      throw bad(text, from, to, "no digits");
    }
    // Keep as many trailing zeros as fit ("1.50" keeps scale 2); the rest do not change the value.
    for (; pendingZeros > 0 && unscaled <= MAX_UNSCALED / 10; pendingZeros--, scale++) {
      unscaled *= 10;
    }
    if (i < to) {
      scale -= parseExponent(text, i + 1, to, from);
    }
    while (scale > MAX_SCALE && unscaled % 10 == 0) {
      unscaled /= 10;
      scale--;
    }
    if (scale > MAX_SCALE) {
      throw bad(text, from, to, "more than " + MAX_SCALE + " decimal places");
    }
    if (scale < 0 && unscaled == 0) {
      scale = 0;
    }
    if (scale < 0) {
      if (-scale > 17 || unscaled > MAX_UNSCALED / POW10[-scale]) {
        throw bad(text, from, to, "too large");
      }
      unscaled *= POW10[-scale];
      scale = 0;
    }
    return of(negative ? -unscaled : unscaled, scale);
  }

  private static long appendDigit(long unscaled, int digit, CharSequence text, int from, int to) {
    if (unscaled > (MAX_UNSCALED - digit) / 10) {
      throw bad(text, from, to, "too many significant digits");
    }
    return unscaled * 10 + digit;
  }

  private static int parseExponent(CharSequence text, int i, int to, int from) {
    if (i >= to) {
      throw bad(text, from, to, "empty exponent");
    }
    boolean negative = false;
    char c = text.charAt(i);
    if (c == '-' || c == '+') {
      negative = c == '-';
      i++;
    }
    if (i >= to) {
      throw bad(text, from, to, "empty exponent");
    }
    int exponent = 0;
    for (; i < to; i++) {
      c = text.charAt(i);
      if (c < '0' || c > '9' || exponent > 100) {
        throw bad(text, from, to, "bad exponent");
      }
      exponent = exponent * 10 + (c - '0');
    }
    return negative ? -exponent : exponent;
  }

  private static DecimalFormatException bad(CharSequence text, int from, int to, String why) {
    return new DecimalFormatException("'" + text.subSequence(from, to) + "' is not an exact decimal: " + why);
  }

  public static String toString(long packed) {
    StringBuilder sb = new StringBuilder(24);
    append(sb, packed);
    return sb.toString();
  }

  /** Appends the plain decimal text, keeping the parsed scale: {@code of(150, 2)} prints {@code 1.50}. */
  public static StringBuilder append(StringBuilder sb, long packed) {
    long unscaled = unscaled(packed);
    int scale = scale(packed);
    if (unscaled < 0) {
      sb.append('-');
      unscaled = -unscaled;
    }
    if (scale == 0) {
      return sb.append(unscaled);
    }
    long intPart = unscaled / POW10[scale];
    long fracPart = unscaled % POW10[scale];
    sb.append(intPart).append('.');
    for (int width = digitCount(fracPart); width < scale; width++) {
      sb.append('0');
    }
    return sb.append(fracPart);
  }

  private static int digitCount(long v) {
    int n = 1;
    while (v >= 10) {
      v /= 10;
      n++;
    }
    return n;
  }

  /** The same value with trailing fractional zeros removed, so equal values have equal encodings (book keys). */
  public static long normalize(long packed) {
    long unscaled = unscaled(packed);
    int scale = scale(packed);
    while (scale > 0 && unscaled % 10 == 0) {
      unscaled /= 10;
      scale--;
    }
    return of(unscaled, scale);
  }

  /** Numeric comparison across scales. */
  public static int compare(long a, long b) {
    int sa = scale(a);
    int sb = scale(b);
    if (sa == sb) {
      return Long.compare(unscaled(a), unscaled(b));
    }
    return toBigDecimal(a).compareTo(toBigDecimal(b));
  }

  public static BigDecimal toBigDecimal(long packed) {
    return BigDecimal.valueOf(unscaled(packed), scale(packed));
  }

  public static boolean isPositive(long packed) {
    return unscaled(packed) > 0;
  }
}
