package io.tickwire.bench.flink;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run did, printed as one JSON line on stdout.
 *
 * @param events lines parsed
 * @param skipped lines of other kinds than trade
 * @param bars bars emitted, over all intervals
 * @param barsByInterval bars emitted per interval, by its label, shortest interval first
 * @param late trades refused as behind the watermark, once per interval
 * @param wallNanos from the job's construction to its last bar
 */
record RunSummary(long events, long skipped, long bars, Map<String, Long> barsByInterval, long late, long wallNanos) {
  RunSummary {
    barsByInterval = Collections.unmodifiableMap(new LinkedHashMap<>(barsByInterval));
  }

  String toJson() {
    String byInterval = barsByInterval.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"));
    return String.format(Locale.ROOT, "{\"system\":\"flink\",\"events\":%d,\"skipped\":%d,\"bars\":%d,"
        + "\"bars_by_interval\":%s,\"late\":%d,\"wall_seconds\":%.3f}", events, skipped, bars, byInterval, late,
        wallNanos / 1e9);
  }
}
