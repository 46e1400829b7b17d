package io.tickwire.coverage;

/**
 * What became of a hole in trades after a backfill, as a gap marker's reason carries it from the connector to the
 * ledger: {@code backfilled <count> trades: <the hole's reason>} or {@code unrecoverable (<why>): <the hole's
 * reason>}. The hole is found by its reason, which is the detail the ledger stored with it.
 */
public record HoleOutcome(HoleState state, long recovered, String why, String holeReason) {
  private static final String BACKFILLED = "backfilled ";
  private static final String TRADES = " trades: ";
  private static final String UNRECOVERABLE = "unrecoverable (";
  private static final String WHY_END = "): ";

  public enum HoleState {
    OPEN("open"),
    BACKFILLED("backfilled"),
    UNRECOVERABLE("unrecoverable");

    private final String wire;

    HoleState(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    public static HoleState parse(String wire) {
      for (HoleState s : values()) {
        if (s.wire.equals(wire)) {
          return s;
        }
      }
      throw new IllegalArgumentException("hole state '" + wire + "': expected open, backfilled or unrecoverable");
    }
  }

  /** The reason of the marker saying {@code count} missing trades were fetched and fill the hole of {@code hole}. */
  public static String backfilled(long count, String hole) {
    return BACKFILLED + count + TRADES + hole;
  }

  /** The reason of the marker saying the hole of {@code hole} cannot be filled, and {@code why}. */
  public static String unrecoverable(String why, String hole) {
    return UNRECOVERABLE + why.replace(WHY_END, ", ") + WHY_END + hole;
  }

  /** The outcome a marker's reason states, or null when it opens a hole instead. */
  public static HoleOutcome parse(String reason) {
    if (reason.startsWith(BACKFILLED)) {
      int end = reason.indexOf(TRADES);
      if (end > BACKFILLED.length()) {
        try {
          long count = Long.parseLong(reason.substring(BACKFILLED.length(), end));
          return new HoleOutcome(HoleState.BACKFILLED, count, null, reason.substring(end + TRADES.length()));
        } catch (NumberFormatException e) {
          return null;
        }
      }
    } else if (reason.startsWith(UNRECOVERABLE)) {
      int end = reason.indexOf(WHY_END);
      if (end > 0) {
        return new HoleOutcome(HoleState.UNRECOVERABLE, 0, reason.substring(UNRECOVERABLE.length(), end),
            reason.substring(end + WHY_END.length()));
      }
    }
    return null;
  }
}
