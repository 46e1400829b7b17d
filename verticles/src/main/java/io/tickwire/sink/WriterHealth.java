package io.tickwire.sink;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a sink's table writers say about their health: per-table gauges, and which tables are retrying and why. */
record WriterHealth(Map<String, Number> gauges, String failing) {
  static WriterHealth of(Iterable<TableWriter<?>> writers) {
    Map<String, Number> gauges = new LinkedHashMap<>();
    StringBuilder failing = new StringBuilder();
    for (TableWriter<?> w : writers) {
      gauges.put(w.table() + "_buffered_rows", w.bufferedRows());
      gauges.put(w.table() + "_buffered_batches", w.bufferedBatches());
      gauges.put(w.table() + "_rows_inserted", w.rowsInserted());
      gauges.put(w.table() + "_rows_skipped", w.rowsSkipped());
      gauges.put(w.table() + "_rows_rejected", w.rowsRejected());
      if (w.failing()) {
        failing.append(w.table()).append(": ").append(w.lastError()).append("; ");
      }
    }
    return new WriterHealth(gauges, failing.toString());
  }

  boolean ok() {
    return failing.isEmpty();
  }

  /** {@code healthy} when every table writes, else which are retrying. */
  String detail(String healthy) {
    return ok() ? healthy : "retrying writes: " + failing;
  }
}
