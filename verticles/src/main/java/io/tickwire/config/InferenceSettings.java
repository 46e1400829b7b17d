package io.tickwire.config;

/**
 * Inference ({@code inference.*}). {@code enabled}: rules and model run on compute nodes (they keep rules in the
 * database, so a compute node without inference needs none); {@code model}: path of a logistic-regression JSON
 * model, or null.
 */
public record InferenceSettings(boolean enabled, String model, long modelTimeoutMs) {

  static InferenceSettings from(ConfigReader r) {
    return new InferenceSettings(r.bool("inference.enabled"), r.optionalString("inference.model"),
        r.integer("inference.model_timeout_ms", 1, 60_000));
  }
}
