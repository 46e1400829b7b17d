package io.tickwire.coverage;

/**
 * A stretch of one stream in event time (epoch µs, {@code [from, to]}): covered, or a hole with its cause. A hole
 * still {@code ongoing} has no end yet (the stream has not come back): {@code to} is as far as it is known to reach.
 * A stored segment is identified by its stream, kind and {@code from}, so writing it again only moves its end.
 */
public record Segment(StreamKey stream, Kind kind, long from, long to, HoleCause cause, String detail,
    boolean ongoing, HoleOutcome.HoleState state, long recovered, String resolution, boolean verified) {

  /** A segment as the ledger knows it: only the reconciliation, in the store, verifies a hole. */
  public Segment(StreamKey stream, Kind kind, long from, long to, HoleCause cause, String detail, boolean ongoing,
      HoleOutcome.HoleState state, long recovered, String resolution) {
    this(stream, kind, from, to, cause, detail, ongoing, state, recovered, resolution, false);
  }

  /** A segment as the stream left it: a hole not yet backfilled or given up. */
  public Segment(StreamKey stream, Kind kind, long from, long to, HoleCause cause, String detail, boolean ongoing) {
    this(stream, kind, from, to, cause, detail, ongoing, kind == Kind.HOLE ? HoleOutcome.HoleState.OPEN : null, 0,
        null);
  }

  /** This hole with {@code outcome}: backfilled with a count, or unrecoverable with the reason. */
  public Segment resolved(HoleOutcome outcome) {
    return new Segment(stream, kind, from, to, cause, detail, ongoing, outcome.state(), outcome.recovered(),
        outcome.why());
  }

  /** This segment with another end and openness, its state kept. */
  public Segment endingAt(long end, boolean stillOngoing) {
    return new Segment(stream, kind, from, end, cause, detail, stillOngoing, state, recovered, resolution, verified);
  }

  /** Missing data: a hole not backfilled. */
  public boolean missing() {
    return kind == Kind.HOLE && state != HoleOutcome.HoleState.BACKFILLED;
  }

  public enum Kind {
    COVERED("covered"),
    HOLE("hole");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    public static Kind parse(String wire) {
      for (Kind k : values()) {
        if (k.wire.equals(wire)) {
          return k;
        }
      }
      throw new IllegalArgumentException("segment kind '" + wire + "': expected covered or hole");
    }
  }

  public static Segment covered(StreamKey stream, long from, long to) {
    return new Segment(stream, Kind.COVERED, from, to, null, null, false);
  }

  public static Segment hole(StreamKey stream, long from, long to, HoleCause cause, String detail, boolean ongoing) {
    return new Segment(stream, Kind.HOLE, from, to, cause, detail, ongoing);
  }

  /** What identifies the segment in the store; a later version of it replaces an earlier one. */
  public Id id() {
    return new Id(stream, kind, from);
  }

  public long length() {
    return to - from;
  }

  public record Id(StreamKey stream, Kind kind, long from) {
  }
}
