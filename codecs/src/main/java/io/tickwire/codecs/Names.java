package io.tickwire.codecs;

/**
 * What a venue, a symbol or a trade id may look like. They come from producers and end up as map keys, metric
 * labels, Redis keys, file names and database text (PostgreSQL refuses a NUL), so they are checked where they
 * enter: bounded in length, with no control or white-space characters. Venues are lowercase-friendly identifiers;
 * symbols also allow the separators venues use ({@code BTC-USD}, {@code XBT/USD}, {@code BTC-27DEC24-60000-C},
 * {@code btcusdt@perp}); trade ids may hold any visible character, as venues' ids do.
 */
public final class Names {
  public static final int MAX_VENUE_LENGTH = 32;
  public static final int MAX_SYMBOL_LENGTH = 64;
  public static final int MAX_TRADE_ID_LENGTH = 64;
  private static final String VENUE_PUNCTUATION = "-_.";
  private static final String SYMBOL_PUNCTUATION = "-_./:@+#";

  private Names() {
  }

  /** Null when {@code venue} is fit; otherwise what is wrong with it, naming the value. */
  public static String venueProblem(String venue) {
    return problem("venue", venue, MAX_VENUE_LENGTH, VENUE_PUNCTUATION);
  }

  /** Null when {@code symbol} is fit; otherwise what is wrong with it, naming the value. */
  public static String symbolProblem(String symbol) {
    return problem("symbol", symbol, MAX_SYMBOL_LENGTH, SYMBOL_PUNCTUATION);
  }

  /** Null when {@code tradeId} is fit; otherwise what is wrong with it, naming the value. */
  public static String tradeIdProblem(String tradeId) {
    return problem("trade_id", tradeId, MAX_TRADE_ID_LENGTH, null);
  }

  /** @param punctuation the characters allowed besides letters and digits; null allows every visible character */
  private static String problem(String field, String value, int maxLength, String punctuation) {
    if (value.length() > maxLength) {
      return field + " " + quoted(value.substring(0, Math.min(value.length(), maxLength))) + "... is "
          + value.length() + " characters long (at most " + maxLength + ")";
    }
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      if (!allowed(c, punctuation)) {
        return field + " " + quoted(value) + " has " + describe(c) + " at index " + i + " (allowed: letters, digits"
            + (punctuation == null ? " and visible punctuation)" : " and " + punctuation + ")");
      }
      i += Character.charCount(c);
    }
    return null;
  }

  private static boolean allowed(int c, String punctuation) {
    if (c < 0x80) { // every name a venue sends is ASCII: decide it without the Unicode tables
      return asciiAlphanumeric(c) || (punctuation == null ? c > 0x20 && c != 0x7f : punctuation.indexOf(c) >= 0);
    }
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    if (punctuation != null) {
      return c < 0x80 && punctuation.indexOf(c) >= 0;
    }
    return c > 0x20 && c != 0x7f && !Character.isISOControl(c) && !Character.isWhitespace(c)
        && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT
        && Character.getType(c) != Character.SURROGATE && Character.getType(c) != Character.UNASSIGNED;
  }

  private static boolean asciiAlphanumeric(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static String describe(int c) {
    String code = String.format("U+%04X", c);
    if (Character.isISOControl(c)) {
      return "a control character " + code;
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return "a space " + code;
    }
    return "the character " + code;
  }

  /** The value in quotes with anything unprintable escaped, so a log line or an error body stays one clean line. */
  static String quoted(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
