package io.tickwire.coverage;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Why a stream has a hole. Connectors say why in the free text of a gap marker; {@link #classify} reads that text in
 * this one place, so the wording of a connector's reason and the ledger's cause cannot drift apart unnoticed (every
 * reason the connectors emit has a case in the tests).
 */
public enum HoleCause {
  /** The connection dropped: from the last event before the drop to the first after the resubscription. */
  DISCONNECT("disconnect", EnumSet.allOf(Channel.class)),
  /** Trade ids (or the connection's sequence numbers) jumped: the missing ids are the hole. */
  SEQUENCE_GAP("sequence_gap", EnumSet.of(Channel.TRADES)),
  /** The book failed its checksum or its update continuity: invalid until the next snapshot. */
  CHECKSUM("checksum", EnumSet.of(Channel.BOOK)),
  /** The connector's buffer was full and its oldest events were dropped. */
  BUFFER_OVERFLOW("buffer_overflow", EnumSet.allOf(Channel.class)),
  /** A compute node failed and another took its partitions over (no connector reports it yet). */
  FAILOVER("failover", EnumSet.allOf(Channel.class)),
  /** The connection went silent past {@code connectors.stale_after_ms} and was redialled. */
  STALE_FEED("stale_feed", EnumSet.allOf(Channel.class)),
  /** No tickwire node was running: between the last stored high-water mark and the next start. */
  NOT_RUNNING("not_running", EnumSet.allOf(Channel.class));

  private final String wire;
  private final Set<Channel> channels;

  HoleCause(String wire, Set<Channel> channels) {
    this.wire = wire;
    this.channels = channels;
  }

  public String wire() {
    return wire;
  }

  /** The channels a hole of this cause concerns. */
  public Set<Channel> channels() {
    return channels;
  }

  /** The cause named by {@code wire}, as stored; the message names the bad value. */
  public static HoleCause parse(String wire) {
    for (HoleCause c : values()) {
      if (c.wire.equals(wire)) {
        return c;
      }
    }
    throw new IllegalArgumentException("hole cause '" + wire + "': not one of the ledger's causes");
  }

  /**
   * The cause of a gap marker's {@code reason}. A sequence jump of a whole connection ({@code sequence_num}) loses
   * trades and book updates alike, so it counts as a disconnect; an unknown text as well, the widest hole.
   */
  public static HoleCause classify(String reason) {
    String r = reason.toLowerCase(Locale.ROOT);
    if (r.contains("buffer full")) {
      return BUFFER_OVERFLOW;
    }
    if (r.contains("checksum") || r.contains("depth update") || r.contains("change_id")) {
      return CHECKSUM;
    }
    if (r.contains("trade_id jumped") || r.contains("trade id jumped")) {
      return SEQUENCE_GAP;
    }
    if (r.contains("stale") || r.contains("no frame from")) { // the websocket's silent-connection redial
      return STALE_FEED;
    }
    if (r.contains("failover") || r.contains("took over")) {
      return FAILOVER;
    }
    return DISCONNECT;
  }
}
