package io.tickwire.web.dashboard;

import io.tickwire.config.WsSettings;
import io.tickwire.metrics.Metrics;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decides whether a {@code /ws} upgrade may proceed. A browser attaches the cookies and network position of its
 * user to a WebSocket opened by any page it visits, and the same-origin policy does not apply to WebSockets, so
 * the server must check Origin itself: only the page it serves (Origin matching Host) and configured origins may
 * read the live stream. And the client count is capped, since every client costs a queue and fan-out work.
 */
final class UpgradeGuard {
  static final String COMPONENT = "dashboard";

  /** Why an upgrade was refused, as the HTTP answer and the counted reason. */
  enum Refusal {
    ORIGIN(403, "ws_origin_refused", "this origin may not open the dashboard WebSocket"),
    FULL(503, "ws_clients_full", "the dashboard has web.ws.max_clients clients; try again later");

    final int status;
    final String reason;
    final String message;

    Refusal(int status, String reason, String message) {
      this.status = status;
      this.reason = reason;
      this.message = message;
    }
  }

  private final List<String> allowedOrigins;
  private final int maxClients;
  private final LongAdder originRefused;
  private final LongAdder fullRefused;

  UpgradeGuard(WsSettings ws, Metrics metrics) {
    this.allowedOrigins = ws.allowedOrigins();
    this.maxClients = ws.maxClients();
    this.originRefused = metrics.errorCount(COMPONENT, Refusal.ORIGIN.reason);
    this.fullRefused = metrics.errorCount(COMPONENT, Refusal.FULL.reason);
  }

  /** Null to let the upgrade through, else why not (already counted). */
  Refusal check(HttpServerRequest request, int clients) {
    if (!originAllowed(request.getHeader(HttpHeaders.ORIGIN), request.getHeader(HttpHeaders.HOST))) {
      originRefused.increment();
      return Refusal.ORIGIN;
    }
    if (clients >= maxClients) {
      fullRefused.increment();
      return Refusal.FULL;
    }
    return null;
  }

  /** Upgrades refused so far, for any reason. */
  long refused() {
    return originRefused.sum() + fullRefused.sum();
  }

  /** No Origin: not a browser (a CLI, a probe), which no page can drive; those are the token's to control. */
  private boolean originAllowed(String origin, String host) {
    if (origin == null) {
      return true;
    }
    return allowedOrigins.contains(origin) || sameAuthority(origin, host);
  }

  private static boolean sameAuthority(String origin, String host) {
    try {
      String authority = new URI(origin).getRawAuthority();
      return authority != null && host != null && authority.equalsIgnoreCase(host);
    } catch (URISyntaxException e) {
      return false; // e.g. "null", sent by sandboxed frames and file: pages
    }
  }
}
