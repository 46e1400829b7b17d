package io.tickwire.coverage;

import io.tickwire.store.CoverageRow;
import java.util.List;

/** Segments to and from the rows of {@code coverage_segment}. */
public final class SegmentRows {
  private SegmentRows() {
  }

  public static List<CoverageRow> rows(List<Segment> segments) {
    return segments.stream().map(SegmentRows::row).toList();
  }

  public static CoverageRow row(Segment s) {
    StreamKey k = s.stream();
    return new CoverageRow(k.venue(), k.symbol(), k.channel().wire(), s.kind().wire(), s.from(), s.to(),
        s.cause() == null ? null : s.cause().wire(), s.detail(), s.ongoing(),
        s.state() == null ? null : s.state().wire(), s.recovered(), s.resolution());
  }

  /** A stored row back as a segment; a value the ledger never writes fails naming it. */
  public static Segment segment(CoverageRow r) {
    StreamKey key = new StreamKey(r.venue(), r.symbol(), Channel.parse(r.channel()));
    Segment.Kind kind = Segment.Kind.parse(r.kind());
    HoleCause cause = r.cause() == null ? null : HoleCause.parse(r.cause());
    HoleOutcome.HoleState state = r.state() == null ? null : HoleOutcome.HoleState.parse(r.state());
    return new Segment(key, kind, r.from(), r.to(), cause, r.detail(), r.ongoing(), state, r.recovered(),
        r.resolution(), r.verified());
  }
}
