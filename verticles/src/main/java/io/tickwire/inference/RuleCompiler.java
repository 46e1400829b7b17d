package io.tickwire.inference;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles rule conditions: CEL over the configured feature names (doubles) plus {@code price} (double),
 * {@code symbol} and {@code venue} (strings), type-checked to a boolean. One environment serves every rule.
 *
 * <p>Cost is bounded twice: the condition's length ({@code rules.max_condition_length}, checked before CEL sees
 * it, and as CEL's own code-point limit) and {@link #MAX_ITERATIONS} comprehension iterations per evaluation (all comprehensions together) at run time. Standard CEL
 * has no way to build a list longer than its literal, so together they bound every evaluation.
 */
public final class RuleCompiler {
  /** Iterations allowed to one comprehension ({@code all}, {@code exists}, {@code map}, ...) per evaluation. */
  public static final int MAX_ITERATIONS = 1_000;
  static final String PRICE = "price";
  static final String SYMBOL = "symbol";
  static final String VENUE = "venue";

  private final Set<String> featureNames;
  private final int maxConditionLength;
  private final Cel cel;

  public RuleCompiler(List<String> featureNames, int maxConditionLength) {
    this.featureNames = Set.copyOf(featureNames);
    this.maxConditionLength = maxConditionLength;
    this.cel = environment(featureNames, maxConditionLength);
  }

  /** Throws {@link InvalidRuleException} when the condition does not compile to a boolean. */
  public CompiledRule compile(Rule rule) {
    CelAbstractSyntaxTree ast = check(rule.condition());
    try {
      return new CompiledRule(rule, referencedFeatures(ast), cel.createProgram(ast));
    } catch (CelEvaluationException e) {
      throw new InvalidRuleException("rule '" + rule.name() + "': " + e.getMessage());
    }
  }

  /** Compiles only, for the API's validate endpoint; throws {@link InvalidRuleException}. */
  public void validate(String condition) {
    check(condition);
  }

  private CelAbstractSyntaxTree check(String condition) {
    if (condition.length() > maxConditionLength) {
      throw new InvalidRuleException("condition is " + condition.length() + " characters long; the limit is "
          + maxConditionLength + " (rules.max_condition_length)");
    }
    CelValidationResult result = cel.compile(condition);
    if (result.hasError()) {
      throw new InvalidRuleException(result.getErrorString());
    }
    try {
      return result.getAst();
    } catch (dev.cel.common.CelValidationException e) {
      throw new InvalidRuleException(e.getMessage());
    }
  }

  /** The checker resolves every identifier to a declaration; those naming features are what the rule needs. */
  private Set<String> referencedFeatures(CelAbstractSyntaxTree ast) {
    Set<String> used = new TreeSet<>();
    for (CelReference reference : ast.getReferenceMap().values()) {
      if (reference.overloadIds().isEmpty() && featureNames.contains(reference.name())) {
        used.add(reference.name());
      }
    }
    return used;
  }

  /**
   * The planner runtime is the faster of 0.14.0's two (about 20% here); it requires heterogeneous numeric
   * comparisons, which also let users write {@code rsi_14 < 30} rather than {@code 30.0}.
   */
  private static Cel environment(List<String> featureNames, int maxConditionLength) {
    CelOptions options = CelOptions.current()
        .enableHeterogeneousNumericComparisons(true)
        .comprehensionMaxIterations(MAX_ITERATIONS)
        .maxExpressionCodePointSize(maxConditionLength)
        .build();
    var builder = CelFactory.plannerCelBuilder()
        .setOptions(options)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .setResultType(SimpleType.BOOL)
        .addVar(PRICE, SimpleType.DOUBLE)
        .addVar(SYMBOL, SimpleType.STRING)
        .addVar(VENUE, SimpleType.STRING);
    for (String name : featureNames) {
      builder.addVar(name, SimpleType.DOUBLE);
    }
    return builder.build();
  }
}
