package io.tickwire.router;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.TickBatch;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.Clock;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.flow.Outlet;
import io.tickwire.flow.Topology;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes ingress batches, rejects events that fail validation, stamps each good event with its partition's
 * next sequence number and fans the events out to {@code md.ticks.<p>}. An ingress batch is acknowledged only
 * once every partition link has admitted its share, so a slow batcher holds back the connectors.
 *
 * <p>One router instance sequences all partitions, which is what makes {@code seq} monotonic per partition.
 */
public final class RouterVerticle extends VerticleBase {
  public static final String GROUP = "router";

  private final Settings settings;
  private final Topology topology;
  private final long[] nextSeq;
  private List<Outlet<TickBatch>> partitions;
  private DeadLetters deadLetters;
  private long routed;

  public RouterVerticle(Settings settings, Topology topology) {
    this.settings = settings;
    this.topology = topology;
    this.nextSeq = new long[settings.pipeline().partitions()];
  }

  @Override
  public Future<?> start() {
    deadLetters = new DeadLetters(vertx, settings.router().dlqSamplesPerSec());
    partitions = new ArrayList<>(nextSeq.length);
    for (int p = 0; p < nextSeq.length; p++) {
      partitions.add(new Outlet<>(vertx, Addresses.ticks(p), topology));
    }
    return CreditReceiver.<TickBatch>bind(vertx, Addresses.inbox(Addresses.INGRESS, GROUP), this::route);
  }

  @Override
  public Future<?> stop() {
    List<Future<Void>> drains = new ArrayList<>(partitions.size());
    for (Outlet<TickBatch> outlet : partitions) {
      drains.add(outlet.drained());
    }
    return Future.all(drains);
  }

  private Future<?> route(TickBatch batch) {
    List<List<MarketEvent>> split = split(batch.items());
    List<Future<Void>> admitted = new ArrayList<>();
    for (int p = 0; p < split.size(); p++) {
      List<MarketEvent> events = split.get(p);
      if (events != null) {
        admitted.add(partitions.get(p).send(new TickBatch(p, events)));
      }
    }
    return Future.all(admitted);
  }

  /** Validates and sequences each event; returns the good ones by partition (null where a partition has none). */
  private List<List<MarketEvent>> split(List<MarketEvent> events) {
    int count = nextSeq.length;
    List<List<MarketEvent>> byPartition = new ArrayList<>(count);
    for (int p = 0; p < count; p++) {
      byPartition.add(null);
    }
    long now = Clock.nowMicros();
    for (MarketEvent event : events) {
      String reason = EventValidator.rejectReason(event, now);
      if (reason != null) {
        deadLetters.reject(event, reason);
        continue;
      }
      int p = Partitioner.partition(event.venue(), event.symbol(), count);
      List<MarketEvent> list = byPartition.get(p);
      if (list == null) {
        list = new ArrayList<>();
        byPartition.set(p, list);
      }
      list.add(event.withSeq(++nextSeq[p]));
      routed++;
    }
    return byPartition;
  }

  public DeadLetters deadLetters() {
    return deadLetters;
  }

  public long routed() {
    return routed;
  }
}
