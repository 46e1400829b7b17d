package io.tickwire.config;

import static io.tickwire.config.ConfigReader.HOUR_MS;

/** Link and partition settings shared by every stage ({@code pipeline.*}). */
public record PipelineSettings(int partitions, int creditWindow, long sendTimeoutMs, boolean publishToObservers) {
  /**
   * Bound on batches waiting for credit on one link, per credit of its window. Kept with the pipeline settings
   * so the links (flow) and the partitions-per-batcher check in {@link Settings} share one number without config
   * depending on flow.
   */
  public static final int MAX_WAITING_PER_CREDIT = 64;

  static PipelineSettings from(ConfigReader r) {
    return new PipelineSettings(
        (int) r.integer("pipeline.partitions", 1, 4096),
        (int) r.integer("pipeline.credit_window", 1, 1024),
        r.integer("pipeline.send_timeout_ms", 100, HOUR_MS),
        r.bool("pipeline.publish_to_observers"));
  }
}
