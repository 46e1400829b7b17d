package io.tickwire.jobs;

import io.tickwire.config.Settings;
import io.tickwire.flow.Topology;
import io.tickwire.health.HealthRegistry;
import io.tickwire.jobs.archive.ArchiveSinkVerticle;
import io.tickwire.jobs.reconcile.ReconcileVerticle;
import io.tickwire.store.Database;
import io.vertx.core.Deployable;
import java.util.ArrayList;
import java.util.List;

/** The batch jobs a persist node runs beside its sinks, as configured (archive, periodic reconciliation). */
public final class BatchJobs {
  private BatchJobs() {
  }

  public static List<Deployable> stages(Settings settings, Database database, Topology topology,
      HealthRegistry health) {
    List<Deployable> out = new ArrayList<>();
    if (settings.batch().archiveEnabled()) {
      out.add(new ArchiveSinkVerticle(settings, database, health));
    }
    if (settings.batch().reconcileEnabled()) {
      out.add(new ReconcileVerticle(settings, database, topology, health));
    }
    return out;
  }
}
