package io.tickwire.health;

import io.vertx.core.Vertx;
import java.util.function.Supplier;

/** Reports a component's health now and then every second, from the component's own event loop. */
public final class HealthReports {
  public static final long PERIOD_MS = 1000;

  private HealthReports() {
  }

  /** Starts reporting {@code probe}; returns the timer id to cancel on stop. */
  public static long every(Vertx vertx, HealthRegistry registry, Supplier<ComponentHealth> probe) {
    registry.report(probe.get());
    return vertx.setPeriodic(PERIOD_MS, id -> registry.report(probe.get()));
  }
}
