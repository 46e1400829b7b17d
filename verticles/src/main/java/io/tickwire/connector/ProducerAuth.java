package io.tickwire.connector;

import io.tickwire.config.ProducerToken;
import io.tickwire.flow.PerSecondSampler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;

/**
 * The TCP ingest's optional producer tokens. With none configured every connection may send any venue's events.
 * With tokens, a connection's first frame must be the handshake {@code {"ver":1,"kind":"auth","token":"..."}};
 * the token it names decides which venues the connection's events may carry.
 */
final class ProducerAuth {
  static final String KIND = "auth";
  private static final System.Logger LOG = System.getLogger(ProducerAuth.class.getName());
  /** A stranger's connection storm must not become a log storm: the count is in the metrics anyway. */
  private static final int REFUSAL_LOGS_PER_SECOND = 1;
  private static final String ANY_VENUE = "*";
  private static final Predicate<String> ALL_VENUES = venue -> true;

  private final List<ProducerToken> tokens;
  private final PerSecondSampler refusalLogs = new PerSecondSampler(REFUSAL_LOGS_PER_SECOND);

  ProducerAuth(List<ProducerToken> tokens) {
    this.tokens = tokens;
  }

  /** Whether a connection must send the handshake before its events. */
  boolean required() {
    return !tokens.isEmpty();
  }

  /** The venues a connection without a handshake may send: all when no token is configured. */
  Predicate<String> open() {
    return ALL_VENUES;
  }

  /** The venues the handshake frame grants, or null when it is not a handshake with a configured token. */
  Predicate<String> handshake(byte[] bytes, int offset, int length) {
    String presented = presentedToken(bytes, offset, length);
    if (presented == null) {
      return null;
    }
    Predicate<String> granted = null;
    for (ProducerToken token : tokens) { // every token is compared, so timing tells nothing
      if (token.token().matches(presented) && granted == null) {
        granted = venues(token.venues());
      }
    }
    return granted;
  }

  /** Logs (sampled) that a connection failed its handshake; never what it sent. */
  void refused(String remote) {
    if (refusalLogs.admit()) {
      LOG.log(System.Logger.Level.WARNING, "tcp ingest: closing unauthenticated connection from {0}", remote);
    }
  }

  private static String presentedToken(byte[] bytes, int offset, int length) {
    JsonObject frame;
    try {
      frame = new JsonObject(Buffer.buffer().appendBytes(bytes, offset, length));
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
    boolean handshake = Integer.valueOf(1).equals(frame.getValue("ver")) && KIND.equals(frame.getValue("kind"));
    return handshake && frame.getValue("token") instanceof String token ? token : null;
  }

  private static Predicate<String> venues(List<String> venues) {
    return venues.contains(ANY_VENUE) ? ALL_VENUES : venues::contains;
  }
}
