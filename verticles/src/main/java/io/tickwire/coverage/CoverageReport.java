package io.tickwire.coverage;

import io.tickwire.codecs.IsoTime;
import io.tickwire.store.CoverageRow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to "is my data complete?" for a range of event time: per stream, its covered spans and holes clipped
 * to the range, and the percent complete (covered time, backfilled holes included, over covered + missing time;
 * time before a stream's first event or after its last, with no hole reported, counts as neither). A hole still
 * open reaches the range's end or now, whichever is first.
 */
public record CoverageReport(long from, long to, List<StreamCoverage> streams, boolean truncated) {

  public record StreamCoverage(StreamKey stream, List<Segment> covered, List<Segment> holes, CoverageRatio ratio) {
    /** No hole is missing data: every one in the range was backfilled. */
    public boolean complete() {
      return holes.stream().noneMatch(Segment::missing);
    }

    public double percent() {
      return Math.round(ratio.ratio() * 100_000.0) / 1000.0;
    }

    public JsonObject toJson(long from, long to) {
      JsonArray spans = new JsonArray();
      covered.forEach(s -> spans.add(new JsonObject().put("from", IsoTime.format(s.from()))
          .put("to", IsoTime.format(s.to()))));
      JsonArray missing = new JsonArray();
      holes.forEach(h -> missing.add(new JsonObject().put("from", IsoTime.format(h.from()))
          .put("to", IsoTime.format(h.to())).put("cause", h.cause().wire()).put("detail", h.detail())
          .put("ongoing", h.ongoing()).put("state", h.state().wire()).put("recovered", h.recovered())
          .put("resolution", h.resolution()).put("verified", h.verified())));
      return new JsonObject().put("venue", stream.venue()).put("symbol", stream.symbol())
          .put("channel", stream.channel().wire()).put("from", IsoTime.format(from)).put("to", IsoTime.format(to))
          .put("percent", percent()).put("complete", complete()).put("covered", spans).put("holes", missing);
    }
  }

  /** Every stream has no hole in the range, and there is at least one stream: nothing recorded is not complete. */
  public boolean complete() {
    return !streams.isEmpty() && streams.stream().allMatch(StreamCoverage::complete);
  }

  /**
   * The report of {@code rows} (as {@code CoverageTable.inRange} reads them, ordered by stream) over
   * {@code [from, to)}, open holes reaching {@code min(to, now)}.
   */
  public static CoverageReport of(List<CoverageRow> rows, long from, long to, long now, boolean truncated) {
    Map<StreamKey, List<Segment>> byStream = new LinkedHashMap<>();
    for (CoverageRow row : rows) {
      Segment s = SegmentRows.segment(row);
      byStream.computeIfAbsent(s.stream(), k -> new ArrayList<>()).add(s);
    }
    long openEnd = Math.max(from, Math.min(to, now));
    List<StreamCoverage> out = new ArrayList<>();
    byStream.forEach((key, segments) -> out.add(stream(key, segments, from, to, openEnd)));
    return new CoverageReport(from, to, out, truncated);
  }

  private static StreamCoverage stream(StreamKey key, List<Segment> segments, long from, long to, long openEnd) {
    List<Segment> covered = new ArrayList<>();
    List<Segment> holes = new ArrayList<>();
    List<Segment> clipped = new ArrayList<>();
    for (Segment s : segments) {
      long end = s.ongoing() ? Math.max(s.to(), openEnd) : s.to();
      Segment c = new Segment(key, s.kind(), Math.max(s.from(), from), Math.min(end, to), s.cause(), s.detail(),
          s.ongoing(), s.state(), s.recovered(), s.resolution(), s.verified());
      if (c.to() < c.from() || (c.kind() == Segment.Kind.HOLE && c.to() == c.from() && !s.ongoing())) {
        continue; // outside the range, or a closed hole of no length
      }
      clipped.add(c);
      (c.kind() == Segment.Kind.COVERED ? covered : holes).add(c);
    }
    return new StreamCoverage(key, covered, holes, CoverageRatio.of(clipped, from, to));
  }

  public JsonObject toJson() {
    JsonArray all = new JsonArray();
    streams.forEach(s -> all.add(s.toJson(from, to)));
    return new JsonObject().put("from", IsoTime.format(from)).put("to", IsoTime.format(to))
        .put("complete", complete()).put("truncated", truncated).put("streams", all);
  }
}
