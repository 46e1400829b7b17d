package io.tickwire.connector.binance;

import io.tickwire.connector.venue.SnapshotFetcher;
import io.tickwire.flow.Backoff;
import io.tickwire.flow.Clock;
import io.tickwire.flow.TokenBucket;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Fetches Binance REST depth snapshots ({@code GET {restBase}/api/v3/depth?symbol=S&limit=N}, or the futures
 * market's {@code /fapi/v1/depth}) for the live
 * connector, politely: requests queue, at most one per symbol (asking again while one is pending changes nothing),
 * and a token bucket releases them, so a reconnect that resyncs every book at once does not spend the IP's
 * request weight in one go and get the connector banned. Failures are retried after {@link Backoff} (longer when
 * Binance says {@code Retry-After}); a client error other than 418/429 (an unknown symbol) is given up and logged.
 * Answers reach the {@link Handler} on the event loop of the context that created this fetcher; the state, counters
 * included, is confined to that event loop (read elsewhere, the counters are only approximate).
 */
public final class BinanceSnapshots implements SnapshotFetcher {
  private static final System.Logger LOG = System.getLogger(BinanceSnapshots.class.getName());

  /**
   * {@code market} says which depth endpoint; {@code restBase} like {@code https://api.binance.com}; {@code limit}
   * the depth asked for; {@code perSecond} and {@code burst} the token bucket; {@code timeoutMs} per request;
   * retries wait {@code retryFirstMs} doubling up to {@code retryMaxMs}.
   */
  public record Options(BinanceMarket market, String restBase, int limit, double perSecond, int burst,
      long timeoutMs, long retryFirstMs, long retryMaxMs) {
    /** Spend at most half of the market's request weight a minute on snapshots. */
    private static final double WEIGHT_SHARE = 0.5;

    public Options {
      URI uri = URI.create(restBase);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("binance REST base must be an http(s)://host URL, was '" + restBase + "'");
      }
      if (limit < 1 || limit > market.maxDepthLimit()) {
        throw new IllegalArgumentException("binance depth limit must be 1.." + market.maxDepthLimit() + ", was "
            + limit);
      }
      if (timeoutMs < 1 || retryFirstMs < 1 || retryMaxMs < retryFirstMs) {
        throw new IllegalArgumentException("binance snapshot timeouts must be positive and retryMaxMs >= "
            + "retryFirstMs, were timeoutMs=" + timeoutMs + " retryFirstMs=" + retryFirstMs + " retryMaxMs="
            + retryMaxMs);
      }
    }

    /** The spot market's depth endpoint. */
    public Options(String restBase, int limit, double perSecond, int burst, long timeoutMs, long retryFirstMs,
        long retryMaxMs) {
      this(BinanceMarket.SPOT, restBase, limit, perSecond, burst, timeoutMs, retryFirstMs, retryMaxMs);
    }

    /**
     * A rate derived from the request's weight, so a deeper snapshot is asked for more slowly: on spot, limit 1000
     * weighs 50 of 6,000 a minute, giving 1 a second (125 symbols resync in about two minutes), limit 100 weighs 5,
     * giving 10 a second; on futures limit 1000 weighs 20 of 2,400, also 1 a second.
     */
    public static Options defaults(BinanceMarket market, String restBase, int limit) {
      double perSecond = market.weightPerMinute() * WEIGHT_SHARE / 60 / market.depthWeight(limit);
      return new Options(market, restBase, limit, perSecond, 2, 10_000, 500, 30_000);
    }

    public static Options defaults(String restBase, int limit) {
      return defaults(BinanceMarket.SPOT, restBase, limit);
    }

    /** Binance's documented request weight of a spot {@code /api/v3/depth} by limit. */
    public static int depthWeight(int limit) {
      return BinanceMarket.SPOT.depthWeight(limit);
    }
  }

  /** A non-200 answer, with Binance's {@code Retry-After} (seconds) when it sent one. */
  private static final class HttpStatusException extends RuntimeException {
    final int status;
    final long retryAfterMs;

    HttpStatusException(String symbol, int status, String retryAfter, String body) {
      super("HTTP " + status + " for depth of " + symbol + ": " + (body.length() > 200 ? body.substring(0, 200)
          : body));
      this.status = status;
      this.retryAfterMs = parseRetryAfter(retryAfter);
    }

    /** 418 (banned) and 429 (rate limited) mean "later"; any other 4xx will not change by asking again. */
    boolean retryable() {
      return status >= 500 || status == 418 || status == 429;
    }

    private static long parseRetryAfter(String header) {
      try {
        return header == null ? 0 : Long.parseLong(header.trim()) * 1000;
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }

  private final Vertx vertx;
  private final Context context;
  private final Options options;
  private final Answers handler;
  private final HttpClient client;
  private final TokenBucket bucket;
  /** Waiting for a token, oldest first. */
  private final LinkedHashSet<String> queued = new LinkedHashSet<>();
  /** Queued, in flight or waiting to retry: every symbol with an answer still to come. */
  private final Set<String> pending = new HashSet<>();
  private final Map<String, Integer> failedAttempts = new HashMap<>();
  private long drainTimer = -1;
  private boolean closed;
  private long sent;
  private long failures;
  private long abandoned;

  public BinanceSnapshots(Vertx vertx, Options options, Answers handler) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.options = options;
    this.handler = handler;
    this.client = vertx.createHttpClient(new HttpClientOptions().setVerifyHost(true));
    this.bucket = new TokenBucket(options.perSecond(), options.burst(), System.nanoTime());
  }

  /**
   * The venue's REST request budget this fetcher spends, for other REST requests of the same connector (the trade
   * backfill) to spend from too; use it only on the connector's event loop, where this fetcher runs.
   */
  public TokenBucket requestBudget() {
    return bucket;
  }

  /** Asks for {@code symbol}'s snapshot; nothing happens if one is already pending. Callable from any thread. */
  public void request(String symbol) {
    if (Vertx.currentContext() != context) {
      context.runOnContext(v -> request(symbol));
      return;
    }
    if (closed || !pending.add(symbol)) {
      return;
    }
    queued.add(symbol);
    drain();
  }

  /** Stops asking; answers still in flight are dropped. */
  public Future<Void> close() {
    closed = true;
    queued.clear();
    if (drainTimer != -1) {
      vertx.cancelTimer(drainTimer);
    }
    return client.close();
  }

  /** Sends queued requests while the bucket has tokens, then waits for the next token. */
  private void drain() {
    while (!closed && !queued.isEmpty()) {
      long now = System.nanoTime();
      if (!bucket.tryTake(now)) {
        awaitToken(bucket.nanosUntilToken(now));
        return;
      }
      fetch(takeOldest());
    }
  }

  private void awaitToken(long nanos) {
    if (drainTimer == -1) {
      drainTimer = vertx.setTimer(Math.max(1, (nanos + 999_999) / 1_000_000), id -> {
        drainTimer = -1;
        drain();
      });
    }
  }

  private String takeOldest() {
    Iterator<String> it = queued.iterator();
    String symbol = it.next();
    it.remove();
    return symbol;
  }

  private void fetch(String symbol) {
    sent++;
    client.request(requestOptions(symbol))
        .compose(req -> req.send())
        .compose(resp -> body(symbol, resp))
        .onComplete(answer -> {
          if (closed) {
            return;
          }
          if (answer.succeeded()) {
            delivered(symbol, answer.result());
          } else {
            failed(symbol, answer.cause());
          }
        });
  }

  /** {@code setAbsoluteURI} takes TLS from the scheme, so an https base is fetched over TLS. */
  private RequestOptions requestOptions(String symbol) {
    return new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(requestUrl(symbol))
        .setTimeout(options.timeoutMs());
  }

  private String requestUrl(String symbol) {
    return options.restBase() + options.market().depthPath() + "?symbol="
        + URLEncoder.encode(symbol, StandardCharsets.UTF_8)
        + "&limit=" + options.limit();
  }

  private static Future<Buffer> body(String symbol, HttpClientResponse resp) {
    if (resp.statusCode() == 200) {
      return resp.body();
    }
    String retryAfter = resp.getHeader("Retry-After");
    return resp.body().transform(b -> Future.failedFuture(new HttpStatusException(symbol, resp.statusCode(),
        retryAfter, b.succeeded() ? b.result().toString(StandardCharsets.UTF_8) : "")));
  }

  private void delivered(String symbol, Buffer body) {
    pending.remove(symbol);
    failedAttempts.remove(symbol);
    handler.snapshot(symbol, requestUrl(symbol), body.toString(StandardCharsets.UTF_8), Clock.nowMicros());
  }

  private void failed(String symbol, Throwable cause) {
    failures++;
    if (cause instanceof HttpStatusException http && !http.retryable()) {
      giveUp(symbol, cause);
      return;
    }
    int attempt = failedAttempts.merge(symbol, 1, Integer::sum);
    long delay = Backoff.delayMs(attempt, options.retryFirstMs(), options.retryMaxMs());
    if (cause instanceof HttpStatusException http) {
      delay = Math.max(delay, http.retryAfterMs);
    }
    LOG.log(System.Logger.Level.WARNING, "{4} depth snapshot of {0} failed (attempt {1}): {2}; retrying in {3} ms",
        symbol, attempt, cause.getMessage(), delay, options.market().venue());
    vertx.setTimer(delay, id -> requeue(symbol));
  }

  private void requeue(String symbol) {
    if (!closed) {
      queued.add(symbol);
      drain();
    }
  }

  private void giveUp(String symbol, Throwable cause) {
    abandoned++;
    pending.remove(symbol);
    failedAttempts.remove(symbol);
    LOG.log(System.Logger.Level.ERROR, "binance depth snapshot of {0} given up, its book stays unsynced: {1}",
        symbol, cause.getMessage());
  }

  /** Requests sent, retries included. */
  public long sent() {
    return sent;
  }

  public long failures() {
    return failures;
  }

  /** Symbols given up on a client error; their books stay unsynced until asked for again. */
  public long abandoned() {
    return abandoned;
  }

  /** Symbols with an answer still to come. */
  public int pending() {
    return pending.size();
  }
}
