package io.tickwire.cli;

import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Option checks beyond what picocli types do. Each failure is a {@link CommandLine.ParameterException}, so a bad
 * value is reported like any other usage error: the message naming the option, the usage, exit code 2.
 */
final class Options {
  private Options() {
  }

  /** {@code parser}'s reading of {@code value}; its complaint, prefixed with the option, when it has one. */
  static <T> T parse(CommandSpec spec, String option, String value, Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw bad(spec, option + ": " + e.getMessage());
    }
  }

  /** Runs a check whose {@link IllegalArgumentException} message already names the option. */
  static void check(CommandSpec spec, Runnable check) {
    try {
      check.run();
    } catch (IllegalArgumentException e) {
      throw bad(spec, e.getMessage());
    }
  }

  static CommandLine.ParameterException bad(CommandSpec spec, String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
