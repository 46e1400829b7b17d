package io.tickwire.jobs;

import io.tickwire.health.StageContext;
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

  public static List<Deployable> stages(StageContext context, Database database) {
    List<Deployable> out = new ArrayList<>();
    if (context.settings().batch().archiveEnabled()) {
      out.add(new ArchiveSinkVerticle(context, database));
    }
    if (context.settings().batch().reconcileEnabled()) {
      out.add(new ReconcileVerticle(context, database));
    }
    return out;
  }
}
