package io.tickwire.config;

/** The rules ({@code rules.*}). {@code seed}: classpath resource or file with the rules loaded into an empty table. */
public record RulesSettings(String seed, int maxConditionLength) {

  static RulesSettings from(ConfigReader r) {
    return new RulesSettings(r.string("rules.seed"), (int) r.integer("rules.max_condition_length", 10, 100_000));
  }
}
