package io.tickwire.inference;

import io.tickwire.codecs.FeatureSnapshot;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A logistic regression, p = sigmoid(bias + sum of w_i x_i), read from JSON
 * {@code {"name", "features": [..], "weights": [..], "bias", "threshold"}}.
 */
public final class LogisticRegressionModel implements ModelAdapter {
  private final String name;
  private final String[] features;
  private final Set<String> featureSet;
  private final double[] weights;
  private final double bias;
  private final double threshold;

  public LogisticRegressionModel(String name, List<String> features, double[] weights, double bias,
      double threshold) {
    if (features.size() != weights.length || features.isEmpty()) {
      throw new IllegalArgumentException("model '" + name + "': needs as many weights as features (at least one),"
          + " got " + features.size() + " features and " + weights.length + " weights");
    }
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("model '" + name + "': threshold must be between 0 and 1, got "
          + threshold);
    }
    this.name = name;
    this.features = features.toArray(String[]::new);
    this.featureSet = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(features));
    this.weights = weights.clone();
    this.bias = bias;
    this.threshold = threshold;
  }

  /** Reads a model file; errors name the file and the field. Blocking. */
  public static LogisticRegressionModel load(Path file) {
    try {
      return fromJson(new JsonObject(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model " + file + ": " + e.getMessage(), e);
    } catch (DecodeException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException("model " + file + ": " + e.getMessage(), e);
    }
  }

  public static LogisticRegressionModel fromJson(JsonObject json) {
    String name = required(json.getString("name"), "name");
    JsonArray names = required(json.getJsonArray("features"), "features");
    JsonArray w = required(json.getJsonArray("weights"), "weights");
    double[] weights = new double[w.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = finite(w.getDouble(i), "weights[" + i + "]");
    }
    return new LogisticRegressionModel(name, names.stream().map(String.class::cast).toList(), weights,
        finite(required(json.getDouble("bias"), "bias"), "bias"),
        finite(required(json.getDouble("threshold"), "threshold"), "threshold"));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<String> features() {
    return featureSet;
  }

  @Override
  public double threshold() {
    return threshold;
  }

  @Override
  public double score(FeatureSnapshot snapshot) {
    double z = bias;
    for (int i = 0; i < features.length; i++) {
      z += weights[i] * snapshot.features().get(features[i]);
    }
    return 1 / (1 + Math.exp(-z));
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("field '" + field + "' is required");
    }
    return value;
  }

  private static double finite(Double value, String field) {
    if (value == null || !Double.isFinite(value)) {
      throw new IllegalArgumentException("field '" + field + "' must be a finite number, got " + value);
    }
    return value;
  }
}
