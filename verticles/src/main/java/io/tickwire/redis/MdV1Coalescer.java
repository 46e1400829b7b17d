package io.tickwire.redis;

import io.tickwire.codecs.IvSurface;
import io.tickwire.codecs.SpotMid;
import io.tickwire.codecs.VenueQuote;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What waits for the {@code md:v1:*} keys, bounded whatever Redis does: the newest mid of the md:v1 asset, its
 * recent mids for the window stream (every one, in order, the oldest lost past the bound), each venue's newest
 * best bid and ask, and the newest surface per expiry. A value replaced before it was written is dropped (counted
 * as coalesced); an older one than a value already taken is not taken. Confined to the sink's event loop.
 */
final class MdV1Coalescer {
  /** A venue's quote as a sample at {@code sampleTs} saw it. */
  record Bbo(VenueQuote quote, long sampleTs) {
  }

  /** What one write cycle takes. */
  record Pending(SpotMid mid, List<SpotMid> window, List<Bbo> bbos, List<IvSurface> surfaces) {
    boolean isEmpty() {
      return mid == null && window.isEmpty() && bbos.isEmpty() && surfaces.isEmpty();
    }
  }

  private final String asset;
  private final int maxKeys;
  private final int maxWindow;
  private SpotMid mid;
  private long midWritten = Long.MIN_VALUE;
  private ArrayDeque<SpotMid> window = new ArrayDeque<>();
  private final LinkedHashMap<String, Bbo> bbos = new LinkedHashMap<>();
  private final LinkedHashMap<Long, IvSurface> surfaces = new LinkedHashMap<>();
  private long coalesced;
  private long dropped;

  /** @param asset the md:v1 asset and underlying; null: any underlying's surfaces, and no mid */
  MdV1Coalescer(String asset, int maxKeys, int maxWindow) {
    this.asset = asset;
    this.maxKeys = maxKeys;
    this.maxWindow = maxWindow;
  }

  void add(SpotMid sample) {
    for (VenueQuote quote : sample.venues()) {
      if (quote.quoted()) {
        putBbo(new Bbo(quote, sample.ts()));
      }
    }
    if (!sample.asset().equals(asset) || sample.ts() <= midWritten) {
      return;
    }
    if (mid != null) {
      coalesced++;
    }
    mid = mid == null || sample.ts() > mid.ts() ? sample : mid;
    window.addLast(sample);
    trimWindow();
  }

  void add(IvSurface surface) {
    if (asset != null && !surface.underlying().equals(asset)) {
      return;
    }
    IvSurface waiting = surfaces.get(surface.expiry());
    if (waiting != null && waiting.ts() > surface.ts()) {
      return;
    }
    if (surfaces.remove(surface.expiry()) != null) {
      coalesced++;
    }
    surfaces.put(surface.expiry(), surface);
    bound(surfaces);
  }

  private void putBbo(Bbo bbo) {
    String key = RedisKeys.spotBbo(bbo.quote().venue(), bbo.quote().symbol());
    Bbo waiting = bbos.get(key);
    if (waiting != null && waiting.sampleTs() > bbo.sampleTs()) {
      return;
    }
    if (bbos.remove(key) != null) {
      coalesced++;
    }
    bbos.put(key, bbo);
    bound(bbos);
  }

  private void bound(LinkedHashMap<?, ?> latest) {
    if (latest.size() > maxKeys) {
      Iterator<?> eldest = latest.values().iterator();
      eldest.next();
      eldest.remove();
      dropped++;
    }
  }

  private void trimWindow() {
    while (window.size() > maxWindow) {
      window.pollFirst();
      dropped++;
    }
  }

  /** Removes and returns up to {@code max} of each kind, oldest first. */
  Pending take(int max) {
    SpotMid takenMid = mid;
    if (mid != null) {
      midWritten = mid.ts();
      mid = null;
    }
    List<SpotMid> entries = new ArrayList<>(Math.min(max, window.size()));
    while (!window.isEmpty() && entries.size() < max) {
      entries.add(window.pollFirst());
    }
    return new Pending(takenMid, entries, takeUpTo(bbos, max), takeUpTo(surfaces, max));
  }

  private static <K, V> List<V> takeUpTo(LinkedHashMap<K, V> latest, int max) {
    List<V> out = new ArrayList<>(Math.min(max, latest.size()));
    Iterator<Map.Entry<K, V>> it = latest.entrySet().iterator();
    while (it.hasNext() && out.size() < max) {
      out.add(it.next().getValue());
      it.remove();
    }
    return out;
  }

  /** Puts back what a failed write took; anything newer that arrived meanwhile wins. */
  void restore(Pending failed) {
    if (failed.mid() != null && (mid == null || mid.ts() < failed.mid().ts())) {
      mid = failed.mid();
    }
    midWritten = Long.MIN_VALUE;
    ArrayDeque<SpotMid> merged = new ArrayDeque<>(failed.window());
    merged.addAll(window);
    window = merged;
    trimWindow();
    failed.bbos().forEach(this::putBbo);
    failed.surfaces().forEach(this::add);
  }

  boolean isEmpty() {
    return mid == null && window.isEmpty() && bbos.isEmpty() && surfaces.isEmpty();
  }

  /** Keys waiting: the mid, BBOs and surfaces. */
  int pendingKeys() {
    return (mid == null ? 0 : 1) + bbos.size() + surfaces.size();
  }

  int pendingWindow() {
    return window.size();
  }

  long coalesced() {
    return coalesced;
  }

  long dropped() {
    return dropped;
  }
}
