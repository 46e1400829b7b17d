package io.tickwire.router;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.TickBatch;
import io.tickwire.flow.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The router's partition journals and the {@code md.journal} service that replays them ({@link JournalProtocol}).
 * Bound from the router's start, so requests are answered on the router's event loop, where the journals and the
 * sequence numbers live: a reply is a consistent cut of both.
 *
 * <p>One ingest node (one router) is the supported shape: the journal is in its memory, so it is the only place a
 * partition's recent events can be replayed from, and a takeover that finds no {@code md.journal} consumer in the
 * cluster concludes that nothing has been routed yet.
 */
public final class JournalService {
  private final PartitionJournal[] journals;
  private final long[] lastSeq;

  /** @param lastSeq the router's last assigned sequence number per partition, read at each reply */
  public JournalService(PartitionJournal[] journals, long[] lastSeq) {
    this.journals = journals;
    this.lastSeq = lastSeq;
  }

  /** Registers the service on the caller's context (the router's). */
  public Future<Void> bind(Vertx vertx) {
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(Addresses.JOURNAL, this::answer);
    return consumer.completion();
  }

  /** Journals an event the router just sequenced for {@code partition}. */
  public void append(int partition, MarketEvent event) {
    journals[partition].append(event);
  }

  private void answer(Message<JsonObject> message) {
    JournalProtocol.Request request;
    try {
      request = JournalProtocol.Request.fromJson(message.body());
    } catch (RuntimeException e) {
      message.fail(400, "bad md.journal request " + message.body() + ": " + e.getMessage());
      return;
    }
    int p = request.partition();
    if (p < 0 || p >= journals.length || request.max() < 1) {
      message.fail(400, "bad md.journal request " + message.body() + ": partitions are 0 to "
          + (journals.length - 1) + ", max at least 1");
      return;
    }
    List<MarketEvent> events = journals[p].from(request.fromSeq(), request.max());
    JournalProtocol.Chunk chunk = new JournalProtocol.Chunk(new TickBatch(p, events), journals[p].cutoff(),
        lastSeq[p]);
    message.reply(chunk.events(), chunk.headers());
  }

  /** Events held over every partition. */
  public long journaled() {
    long n = 0;
    for (PartitionJournal journal : journals) {
      n += journal.size();
    }
    return n;
  }

  public long notJournaled() {
    long n = 0;
    for (PartitionJournal journal : journals) {
      n += journal.notJournaled();
    }
    return n;
  }

  public long capAdvances() {
    long n = 0;
    for (PartitionJournal journal : journals) {
      n += journal.capAdvances();
    }
    return n;
  }
}
