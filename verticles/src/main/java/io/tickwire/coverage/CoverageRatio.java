package io.tickwire.coverage;

import java.util.List;

/**
 * Covered and missing time (µs) within a range; a backfilled hole counts as covered. A hole still open reaches the
 * end of the range; time that is neither (before a stream's first event, after its last with no hole reported)
 * counts as neither.
 */
public record CoverageRatio(long coveredMicros, long missingMicros) {
  public static final CoverageRatio NONE = new CoverageRatio(0, 0);

  /** What {@code segments} cover and miss of {@code [from, to]}. */
  public static CoverageRatio of(List<Segment> segments, long from, long to) {
    long covered = 0;
    long missing = 0;
    for (Segment s : segments) {
      long end = s.ongoing() ? Math.max(s.to(), to) : s.to();
      long overlap = Math.min(end, to) - Math.max(s.from(), from);
      if (overlap <= 0) {
        continue;
      }
      if (!s.missing()) {
        covered += overlap;
      } else {
        missing += overlap;
      }
    }
    return new CoverageRatio(covered, missing);
  }

  public CoverageRatio plus(CoverageRatio other) {
    return new CoverageRatio(coveredMicros + other.coveredMicros, missingMicros + other.missingMicros);
  }

  /** Covered over covered + missing, from 0 to 1; 1 when nothing is known to be missing. */
  public double ratio() {
    long known = coveredMicros + missingMicros;
    return known == 0 ? 1.0 : (double) coveredMicros / known;
  }
}
