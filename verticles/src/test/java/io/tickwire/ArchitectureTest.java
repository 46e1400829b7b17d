package io.tickwire;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package structure as rules, so a dependency against the architecture fails the build rather than waiting for
 * a reader to notice. Production classes only (codecs and verticles): tests may reach across layers to set things up.
 *
 * <p>Layers, each depending only on those below it: the model and wire formats (codecs), config, the facilities
 * (flow, then metrics, then health), store (the PostgreSQL schema's only SQL), the stages, node (assembles the
 * stages of a node), the drivers that run nodes (replay, bench) and the cli. Packages within one layer may depend on
 * one another, but never in a cycle.
 */
@AnalyzeClasses(packages = "io.tickwire", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String MODEL = "Model";
  private static final String CONFIG = "Config";
  private static final String FLOW = "Flow";
  private static final String METRICS = "Metrics";
  private static final String HEALTH = "Health";
  private static final String STORE = "Store";
  private static final String STAGES = "Stages";
  private static final String NODE = "Node";
  private static final String DRIVERS = "Drivers";
  private static final String CLI = "Cli";

  @ArchTest
  static final ArchRule topLevelPackagesHaveNoCycles = slices().matching("io.tickwire.(*)..")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule layersDependDownwardOnly = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer(MODEL).definedBy("io.tickwire.codecs..")
      .layer(CONFIG).definedBy("io.tickwire.config..")
      .layer(FLOW).definedBy("io.tickwire.flow..")
      .layer(METRICS).definedBy("io.tickwire.metrics..")
      .layer(HEALTH).definedBy("io.tickwire.health..")
      .layer(STORE).definedBy("io.tickwire.store..")
      .layer(STAGES).definedBy("io.tickwire.connector..", "io.tickwire.router..", "io.tickwire.recorder..",
          "io.tickwire.batcher..", "io.tickwire.book..", "io.tickwire.feature..", "io.tickwire.inference..",
          "io.tickwire.sink..", "io.tickwire.redis..", "io.tickwire.jobs..", "io.tickwire.web..",
          "io.tickwire.cluster..", "io.tickwire.derived..", "io.tickwire.bridge..", "io.tickwire.coverage..")
      .layer(NODE).definedBy("io.tickwire.node..")
      .layer(DRIVERS).definedBy("io.tickwire.replay..", "io.tickwire.bench..")
      .layer(CLI).definedBy("io.tickwire.cli..")
      .whereLayer(CLI).mayNotBeAccessedByAnyLayer()
      .whereLayer(DRIVERS).mayOnlyBeAccessedByLayers(CLI)
      .whereLayer(NODE).mayOnlyBeAccessedByLayers(DRIVERS, CLI)
      .whereLayer(STAGES).mayOnlyBeAccessedByLayers(NODE, DRIVERS, CLI)
      .whereLayer(STORE).mayOnlyBeAccessedByLayers(STAGES, NODE, DRIVERS, CLI)
      .whereLayer(HEALTH).mayOnlyBeAccessedByLayers(STORE, STAGES, NODE, DRIVERS, CLI)
      .whereLayer(METRICS).mayOnlyBeAccessedByLayers(HEALTH, STORE, STAGES, NODE, DRIVERS, CLI)
      .whereLayer(FLOW).mayOnlyBeAccessedByLayers(METRICS, HEALTH, STORE, STAGES, NODE, DRIVERS, CLI)
      .whereLayer(CONFIG).mayOnlyBeAccessedByLayers(FLOW, METRICS, HEALTH, STORE, STAGES, NODE, DRIVERS, CLI)
      .ensureAllClassesAreContainedInArchitecture();
}
