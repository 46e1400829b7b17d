package io.tickwire.batcher;

import io.tickwire.codecs.TickBatch;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.Clock;
import io.tickwire.router.JournalProtocol;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.function.Function;

/**
 * Rebuilds a partition being taken over from the router's journal: asks {@code md.journal} for chunks from the
 * sequence number after the last one applied, applies each to the partition, and has what it produces emitted,
 * until a chunk holds everything the router had journaled when it answered. From then on the live consumer takes
 * over (it skips what the replay applied already).
 *
 * <p>Only windows starting at or after the journal's cutoff are emitted; the cutoff of the latest reply is used,
 * the highest, because events before it may have been trimmed between replies. Re-emitted bars equal what the
 * previous owner emitted for the same events, and the sinks upsert them, so PostgreSQL keeps one row each.
 *
 * <p>No {@code md.journal} consumer in the cluster means no router has started, so nothing was routed and there is
 * nothing to replay: the partition starts empty. A timeout fails the takeover, which is tried again later.
 */
final class JournalReplay {
  private final Vertx vertx;
  private final int chunkEvents;
  private final long timeoutMs;

  JournalReplay(Vertx vertx, int chunkEvents, long timeoutMs) {
    this.vertx = vertx;
    this.chunkEvents = chunkEvents;
    this.timeoutMs = timeoutMs;
  }

  /** Replays into {@code partition}; {@code emit} sends each chunk's output on and completes when admitted. */
  Future<Void> replay(OwnedPartition partition, Function<PartitionOutput, Future<Void>> emit) {
    return request(partition).compose(chunk -> {
      if (chunk == null) {
        return Future.succeededFuture();
      }
      PartitionOutput out = apply(partition, chunk);
      Future<Void> emitted = emit.apply(out);
      return chunk.last(chunkEvents) ? emitted : emitted.compose(v -> replay(partition, emit));
    });
  }

  /** The next chunk, or null when there is no journal to replay from. */
  private Future<JournalProtocol.Chunk> request(OwnedPartition partition) {
    JournalProtocol.Request request = new JournalProtocol.Request(partition.partition, partition.lastSeq() + 1,
        chunkEvents);
    return vertx.eventBus().<TickBatch>request(Addresses.JOURNAL, request.toJson(),
        new DeliveryOptions().setSendTimeout(timeoutMs)).map(JournalProtocol.Chunk::from).recover(e -> {
          if (e instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS) {
            return Future.succeededFuture(null);
          }
          return Future.failedFuture(new IllegalStateException("replaying partition " + partition.partition
              + " from the journal failed at seq " + request.fromSeq() + ": " + e.getMessage(), e));
        });
  }

  /**
   * Applies a chunk. The last one also accounts for the sequence numbers up to the router's last: the ones after
   * the journal's newest event were not journaled (older than the cutoff: too late for the windows anyway).
   */
  private PartitionOutput apply(OwnedPartition partition, JournalProtocol.Chunk chunk) {
    partition.restrictTo(chunk.cutoff());
    PartitionOutput out = new PartitionOutput();
    partition.apply(chunk.events().items(), Clock.nowMicros(), out);
    if (chunk.last(chunkEvents)) {
      partition.appliedThrough(chunk.lastSeq());
    }
    return out;
  }
}
