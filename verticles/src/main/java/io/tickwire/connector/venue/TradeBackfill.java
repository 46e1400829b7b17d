package io.tickwire.connector.venue;

import io.tickwire.codecs.Trade;
import io.tickwire.config.BackfillSettings;
import io.tickwire.flow.Backoff;
import io.tickwire.flow.Clock;
import io.tickwire.flow.TokenBucket;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * Fetches the trades of holes in a venue's trade stream from its REST history, one hole at a time, page by page,
 * each request waiting for a token of the connector's bucket. Everything is bounded: holes queued
 * ({@code backfill.max_queued}, more are refused), pages a hole ({@code max_pages}), trades a page
 * ({@code page_limit}; a longer page is refused), bytes an answer ({@code max_body_bytes}). What the venue answers
 * that is not its documented shape is counted by reason ({@link #rejected}) and never reaches the pipeline.
 * Confined to the connector's event loop.
 */
public final class TradeBackfill {
  /** Where the outcome of a hole goes, on the connector's event loop. */
  public interface Answers {
    /**
     * The trades found for {@code hole}, each once, all inside it; {@code unrecoverableWhy} is null when they are
     * every missing trade, otherwise why the rest cannot be had.
     */
    void finished(TradeHole hole, List<Trade> trades, String unrecoverableWhy);
  }

  private static final int ATTEMPTS = 3;
  private static final System.Logger LOG = System.getLogger(TradeBackfill.class.getName());

  private final Vertx vertx;
  private final String base;
  private final TradeHistory history;
  private final BackfillSettings settings;
  private final Answers answers;
  private final HttpClient client;
  private final TokenBucket bucket;
  private final ArrayDeque<TradeHole> queued = new ArrayDeque<>();
  /** Read at scrape time from another thread, hence concurrent. */
  private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
  private final BiConsumer<String, LongSupplier> newReason;
  private boolean busy;
  private boolean closed;
  private long requests;
  private long filled;
  private long unrecoverable;

  public TradeBackfill(Vertx vertx, String base, TradeHistory history, BackfillSettings settings, Answers answers) {
    this(vertx, base, history, settings, answers, (reason, count) -> { });
  }

  /** {@code newReason} learns each refusal reason the first time it is counted, to export its count. */
  public TradeBackfill(Vertx vertx, String base, TradeHistory history, BackfillSettings settings, Answers answers,
      BiConsumer<String, LongSupplier> newReason) {
    this(vertx, base, history, settings, answers, newReason,
        new TokenBucket(settings.requestsPerSec(), 1, System.nanoTime()));
  }

  /**
   * Spending {@code budget}, the venue's request budget shared with its other REST requests on this event loop (the
   * depth snapshots), instead of a bucket of its own.
   */
  public TradeBackfill(Vertx vertx, String base, TradeHistory history, BackfillSettings settings, Answers answers,
      BiConsumer<String, LongSupplier> newReason, TokenBucket budget) {
    this.newReason = newReason;
    this.vertx = vertx;
    this.base = base;
    this.history = history;
    this.settings = settings;
    this.answers = answers;
    this.client = vertx.createHttpClient(new HttpClientOptions().setVerifyHost(true));
    this.bucket = budget;
  }

  /** Queues {@code hole}; past {@code max_queued} it is refused at once (unrecoverable). */
  public void request(TradeHole hole) {
    if (closed) {
      return;
    }
    if (queued.size() >= settings.maxQueued()) {
      count("queue_full");
      giveUp(hole, List.of(), "refused: backfill queue full");
      return;
    }
    queued.add(hole);
    next();
  }

  public Future<Void> close() {
    closed = true;
    queued.clear();
    return client.close();
  }

  /** Answers the venue gave that were refused or skipped, by reason. */
  public Map<String, Long> rejected() {
    Map<String, Long> out = new TreeMap<>();
    rejected.forEach((reason, n) -> out.put(reason, n.sum()));
    return out;
  }

  public long requests() {
    return requests;
  }

  public long filled() {
    return filled;
  }

  public long unrecoverable() {
    return unrecoverable;
  }

  private void next() {
    if (busy || closed || queued.isEmpty()) {
      return;
    }
    busy = true;
    TradeHole hole = queued.poll();
    fetch(hole, history.firstPage(base, hole, settings.pageLimit()), new ArrayList<>(), 1, 1);
  }

  private void fetch(TradeHole hole, String url, List<Trade> found, int page, int attempt) {
    long now = System.nanoTime();
    if (!bucket.tryTake(now)) {
      vertx.setTimer(Math.max(1, bucket.nanosUntilToken(now) / 1_000_000 + 1),
          id -> fetch(hole, url, found, page, attempt));
      return;
    }
    requests++;
    client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
            .setTimeout(settings.timeoutMs()))
        .compose(req -> req.send())
        .compose(this::boundedBody)
        .onComplete(done -> {
          if (closed) {
            return;
          }
          if (done.succeeded()) {
            read(hole, done.result(), found, page);
          } else {
            failed(hole, url, found, page, attempt, done.cause());
          }
        });
  }

  /** The answer's body, refused past {@code max_body_bytes} without reading the rest. */
  private Future<String> boundedBody(HttpClientResponse resp) {
    if (resp.statusCode() != 200) {
      return Future.failedFuture(new HttpStatus(resp.statusCode()));
    }
    Promise<String> body = Promise.promise();
    Buffer bytes = Buffer.buffer();
    resp.handler(chunk -> {
      if (bytes.length() + chunk.length() > settings.maxBodyBytes()) {
        body.tryFail(new TradeHistory.BadPage("too_large", "more than " + settings.maxBodyBytes() + " bytes"));
        resp.request().reset();
      } else {
        bytes.appendBuffer(chunk);
      }
    });
    resp.exceptionHandler(body::tryFail);
    resp.endHandler(v -> body.tryComplete(bytes.toString(StandardCharsets.UTF_8)));
    return body.future();
  }

  private void read(TradeHole hole, String body, List<Trade> found, int page) {
    TradeHistory.Page read;
    try {
      read = history.read(base, hole, body, settings.pageLimit(), Clock.nowMicros());
    } catch (TradeHistory.BadPage e) {
      count(e.reason());
      finish(hole, found, "refused: the venue's answer was not a page of trades (" + e.reason() + ")");
      return;
    }
    read.rejected().forEach(this::count);
    found.addAll(read.trades());
    if (found.size() >= hole.missing() || read.next() == null) {
      finish(hole, found, read.reachedStart() ? "some trades the venue listed were refused"
          : "beyond the venue's history");
    } else if (page >= settings.maxPages()) {
      finish(hole, found, "more than " + settings.maxPages() + " pages");
    } else {
      fetch(hole, read.next(), found, page + 1, 1);
    }
  }

  private void failed(TradeHole hole, String url, List<Trade> found, int page, int attempt, Throwable cause) {
    if (cause instanceof TradeHistory.BadPage bad) {
      count(bad.reason());
      finish(hole, found, "refused: " + bad.reason());
      return;
    }
    boolean retryable = !(cause instanceof HttpStatus status) || status.retryable();
    count(cause instanceof HttpStatus status ? "http_" + status.code : "io_error");
    if (!retryable || attempt >= ATTEMPTS) {
      finish(hole, found, "refused: " + cause.getMessage());
      return;
    }
    vertx.setTimer(Backoff.delayMs(attempt, 200, 5_000), id -> fetch(hole, url, found, page, attempt + 1));
  }

  /**
   * Backfilled when every missing trade was found, unrecoverable otherwise (what was found is still handed on).
   * Either way the trades handed on are marked as backfill: their provenance travels with them to storage.
   */
  private void finish(TradeHole hole, List<Trade> found, String whyNot) {
    List<Trade> distinct = found.stream().filter(t -> hole.contains(Long.parseLong(t.tradeId())))
        .map(Trade::asBackfill)
        .collect(java.util.stream.Collectors.toMap(Trade::tradeId, t -> t, (a, b) -> a,
            java.util.LinkedHashMap::new)).values().stream().toList();
    if (distinct.size() == hole.missing()) {
      filled++;
      answers.finished(hole, distinct, null);
    } else {
      giveUp(hole, distinct, whyNot + ": " + distinct.size() + " of " + hole.missing() + " trades");
    }
    busy = false;
    next();
  }

  private void giveUp(TradeHole hole, List<Trade> found, String why) {
    unrecoverable++;
    LOG.log(System.Logger.Level.WARNING, "backfill of {0} ({1}) unrecoverable: {2}", hole.symbol(), hole.reason(),
        why);
    answers.finished(hole, found, why);
  }

  private void count(String reason) {
    count(reason, 1);
  }

  private void count(String reason, long n) {
    LongAdder counter = rejected.computeIfAbsent(reason, r -> {
      LongAdder made = new LongAdder();
      newReason.accept(r, made::sum);
      return made;
    });
    counter.add(n);
  }

  private static final class HttpStatus extends RuntimeException {
    final int code;

    HttpStatus(int code) {
      super("HTTP " + code);
      this.code = code;
    }

    /** 429 (rate limited) and 5xx mean "later"; any other status will not change by asking again. */
    boolean retryable() {
      return code == 429 || code >= 500;
    }
  }
}
