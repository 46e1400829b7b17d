package io.tickwire.web;

import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.IvSurface;
import io.tickwire.store.IvSurfaceStore;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /api/iv_surface}: an underlying's volatility smiles at its newest snapshot time (at or before
 * {@code at}), one v1 iv_surface object per (venue, expiry), as a JSON array ordered by venue and expiry.
 * {@code expiry} narrows to one expiry: an instant names it exactly, a date ({@code 2024-06-28}) any expiry that UTC
 * day.
 */
final class IvSurfaceResource {
  private static final List<String> PARAMETERS = List.of("underlying", "expiry", "venue", "at");
  private static final long DAY_MICROS = 86_400_000_000L;

  /** A validated request: expiries in {@code [expiryFrom, expiryTo)}, snapshots at or before {@code at} (epoch µs). */
  record Query(String underlying, String venue, long expiryFrom, long expiryTo, long at) {
  }

  private final IvSurfaceStore store;

  /** @param store null when this node has no database: every valid request then answers 503 */
  IvSurfaceResource(IvSurfaceStore store) {
    this.store = store;
  }

  void mount(Router router) {
    router.get("/api/iv_surface").handler(this::surface);
  }

  private void surface(RoutingContext ctx) {
    Replies.query(ctx, "iv_surface", IvSurfaceResource::parse, store == null ? null : this::find, Replies::v1Array);
  }

  private Future<List<IvSurface>> find(Query query) {
    return store.newest(query.underlying(), query.venue(), query.expiryFrom(), query.expiryTo(), query.at());
  }

  /** The request, or an {@link ApiException} naming the first parameter that is wrong. */
  static Query parse(MultiMap params) {
    QueryParams.rejectUnknownAndRepeated(params, PARAMETERS);
    String underlying = QueryParams.required(params, "underlying", "BTC");
    String venue = QueryParams.optional(params, "venue", "a venue name such as deribit, or no venue parameter for"
        + " every venue");
    long at = QueryParams.time(params, "at", QueryParams.LATEST);
    String expiry = params.get("expiry");
    if (expiry == null) {
      return new Query(underlying, venue, QueryParams.EARLIEST, QueryParams.LATEST + 1, at);
    }
    long[] range = expiryRange(expiry);
    return new Query(underlying, venue, range[0], range[1], at);
  }

  /** An instant is one expiry; a date is every expiry that day (UTC). */
  private static long[] expiryRange(String text) {
    try {
      long day = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;
      return new long[] {day, day + DAY_MICROS};
    } catch (DateTimeParseException notADate) {
      // an instant, or neither: answered below
    }
    try {
      long instant = IsoTime.parse(text);
      return new long[] {instant, instant + 1};
    } catch (RuntimeException e) {
      throw ApiException.badParameter("expiry", text, "an expiry as an ISO-8601 instant"
          + " (2024-06-28T08:00:00Z) or a date (2024-06-28)");
    }
  }
}
