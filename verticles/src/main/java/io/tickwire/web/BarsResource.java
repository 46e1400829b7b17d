package io.tickwire.web;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.BarLabel;
import io.tickwire.codecs.InfoBar;
import io.tickwire.codecs.Intervals;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.V1Json;
import io.tickwire.config.BatcherSettings;
import io.tickwire.config.BatcherSettings.EmptyPolicy;
import io.tickwire.config.InfoBarSpec;
import io.tickwire.store.BarStore;
import io.tickwire.store.InfoBarStore;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/bars}: bars as a JSON array of v1 bar objects, newest first; stored bars of a configured interval,
 * or ({@code resample=<stored interval>}) stored bars regrouped into any coarser epoch-aligned interval, empty
 * windows filled by {@code fill}. {@code label=open|close} adds to each bar its label time, {@code ts}, and the
 * convention, {@code label}.
 */
final class BarsResource {
  static final int DEFAULT_LIMIT = 500;
  static final int MAX_LIMIT = 5000;
  static final String DEFAULT_INTERVAL = "1s";

  private static final List<String> PARAMETERS = List.of("symbol", "venue", "interval", "from", "to", "limit",
      "label", "resample", "fill", "series");
  private static final long DAY_MS = 86_400_000L;

  private final long[] intervalsMillis;
  private final BarStore store;
  private final InfoBarStore infoStore;
  private final List<String> series;
  private final EmptyPolicy defaultFill;
  private final long fillMaxGapMicros;

  /**
   * @param batcher the intervals the batcher builds (no other interval has stored bars), its information-bar series
   *     and its empty-window policy (the default {@code fill} of a resampling)
   * @param store null when this node has no database: every valid request then answers 503
   * @param infoStore the same for information bars
   */
  BarsResource(BatcherSettings batcher, BarStore store, InfoBarStore infoStore) {
    this.intervalsMillis = batcher.intervalsMillis().clone();
    this.store = store;
    this.infoStore = infoStore;
    this.series = batcher.shapes().infoBars().stream().map(s -> s.kind().label() + ":"
        + InfoBar.Thresholds.label(s.threshold())).distinct().toList();
    this.defaultFill = batcher.shapes().empty();
    this.fillMaxGapMicros = batcher.shapes().emptyMaxMs() * 1000;
  }

  void mount(Router router) {
    router.get("/api/bars").handler(this::bars);
  }

  private void bars(RoutingContext ctx) {
    Replies.query(ctx, "bars", this::parse, store == null ? null : this::find, BarsResource::body);
  }

  private Future<Labelled> find(BarsQuery query) {
    if (query.information()) {
      return infoStore.find(query.symbol(), query.venue(), query.series().kind(), query.series().threshold(),
          query.from(), query.to(), query.limit()).map(list -> new Labelled(list, query.label()));
    }
    Future<List<Bar>> bars = query.resampled()
        ? store.resample(query.symbol(), query.venue(), query.resampleFromMillis(), query.intervalMillis(),
            query.from(), query.to(), query.limit(), query.fill().name(), fillMaxGapMicros)
        : store.find(query.symbol(), query.venue(), query.intervalMillis(), query.from(), query.to(), query.limit());
    return bars.map(list -> new Labelled(list, query.label()));
  }

  /** Bars and the label convention asked for (null: none asked, the plain v1 objects). */
  private record Labelled(List<?> bars, BarLabel label) {
  }

  /**
   * The v1 objects; with a label, each also names the convention and its label time, appended so the v1 fields
   * keep their order (a strict v1 reader refuses the two extra keys, so they come only when asked for).
   */
  private static Buffer body(Labelled result) {
    if (result.label() == null) {
      return Replies.v1Array(result.bars());
    }
    String label = result.label().name().toLowerCase(Locale.ROOT);
    Buffer out = Buffer.buffer(64 + result.bars().size() * 300).appendByte((byte) '[');
    for (int i = 0; i < result.bars().size(); i++) {
      Object bar = result.bars().get(i);
      String json = V1Json.toJson(bar);
      out.appendString(i > 0 ? "," : "").appendString(json.substring(0, json.length() - 1))
          .appendString(",\"label\":\"" + label + "\",\"ts\":\"" + IsoTime.format(labelTime(bar, result.label()))
              + "\"}");
    }
    return out.appendByte((byte) ']');
  }

  /** A time bar's start or end; an information bar's first or last trade's time. */
  private static long labelTime(Object bar, BarLabel label) {
    if (bar instanceof InfoBar info) {
      return label == BarLabel.CLOSE ? info.end() : info.start();
    }
    return ((Bar) bar).labelTime(label);
  }

  /** The request, or an {@link ApiException} naming the first parameter that is wrong. */
  BarsQuery parse(MultiMap params) {
    QueryParams.rejectUnknownAndRepeated(params, PARAMETERS);
    String symbol = QueryParams.required(params, "symbol", "BTC-USD");
    String venue = QueryParams.optional(params, "venue", "a venue name such as coinbase, or no venue parameter "
        + "for every venue");
    InfoBarSpec infoSeries = series(params);
    long resample = params.get("resample") == null ? 0 : configured("resample", params.get("resample"));
    long intervalMillis = infoSeries != null ? 0 : resample == 0 ? interval(params)
        : resampledInterval(params, resample);
    long from = QueryParams.time(params, "from", QueryParams.EARLIEST);
    long to = QueryParams.time(params, "to", QueryParams.LATEST + 1);
    QueryParams.requireOrdered(params, from, to);
    return new BarsQuery(symbol, venue, intervalMillis, from, to, QueryParams.limit(params, DEFAULT_LIMIT, MAX_LIMIT),
        label(params), resample, fill(params, resample), infoSeries);
  }

  /** The information-bar series asked for, one of the configured ones; null for time bars. */
  private InfoBarSpec series(MultiMap params) {
    String text = params.get("series");
    if (text == null) {
      return null;
    }
    for (String other : List.of("interval", "resample", "fill")) {
      if (params.get(other) != null) {
        throw ApiException.badParameter(other, params.get(other), "no " + other + " with series (information bars"
            + " have no interval)");
      }
    }
    InfoBarSpec spec;
    try {
      spec = InfoBarSpec.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter("series", text, "one of the configured series " + series);
    }
    String label = spec.kind().label() + ":" + InfoBar.Thresholds.label(spec.threshold());
    if (text.contains("@") || !series.contains(label)) {
      throw ApiException.badParameter("series", text, "one of the configured series " + series
          + " (batcher.info_bars; no bars are built for others)");
    }
    return spec;
  }

  private static BarLabel label(MultiMap params) {
    String text = params.get("label");
    if (text == null) {
      return null;
    }
    try {
      return BarLabel.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter("label", text, "open (a bar is named by its start) or close (by its end)");
    }
  }

  private EmptyPolicy fill(MultiMap params, long resample) {
    String text = params.get("fill");
    if (text == null) {
      return defaultFill;
    }
    if (resample == 0) {
      throw ApiException.badParameter("fill", text, "no fill parameter without resample (stored bars are as the"
          + " batcher's batcher.empty made them)");
    }
    return switch (text) {
      case "skip" -> EmptyPolicy.SKIP;
      case "flat" -> EmptyPolicy.FLAT;
      case "none" -> EmptyPolicy.NONE;
      default -> throw ApiException.badParameter("fill", text, "skip, flat or none");
    };
  }

  /** The target interval of a resampling: a whole multiple of the source, coarser, aligned to the epoch. */
  private static long resampledInterval(MultiMap params, long source) {
    String text = params.get("interval");
    if (text == null) {
      throw ApiException.badParameter("interval", "", "the interval to resample into, e.g. 5m");
    }
    long millis;
    try {
      millis = Intervals.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter("interval", text, "an interval such as 5m, 1h, 1d");
    }
    if (millis <= source || millis % source != 0 || (DAY_MS % millis != 0 && millis % DAY_MS != 0)) {
      throw ApiException.badParameter("interval", text, "a whole multiple of resample=" + Intervals.label(source)
          + ", larger than it, that divides a day or is whole days");
    }
    return millis;
  }

  private long interval(MultiMap params) {
    String text = params.get("interval");
    if (text == null) {
      text = DEFAULT_INTERVAL;
    }
    long millis;
    try {
      millis = Intervals.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter("interval", text, "one of the configured intervals " + configured());
    }
    if (Arrays.stream(intervalsMillis).noneMatch(configured -> configured == millis)) {
      throw ApiException.badParameter("interval", text, "one of the configured intervals " + configured()
          + " (no bars are built for others)");
    }
    return millis;
  }

  /** A configured interval under {@code name}: what resampling reads from. */
  private long configured(String name, String text) {
    long millis;
    try {
      millis = Intervals.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(name, text, "one of the configured intervals " + configured());
    }
    if (Arrays.stream(intervalsMillis).noneMatch(configured -> configured == millis)) {
      throw ApiException.badParameter(name, text, "one of the configured intervals " + configured());
    }
    return millis;
  }

  private String configured() {
    List<String> labels = new ArrayList<>();
    for (long millis : intervalsMillis) {
      labels.add(Intervals.label(millis));
    }
    return labels.toString();
  }
}
