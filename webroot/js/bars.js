// The candles of the selected (venue, symbol, interval): closed bars and the one forming bar, keyed by window
// start, in time order, capped so a page left open for days stays light. Pure data, no drawing.

import {millis} from './format.js';

export const MAX_CANDLES = 300;

/** Whether a selection names an information-bar series (kind:threshold) rather than a time interval. */
export const isSeries = (selection) => typeof selection === 'string' && selection.includes(':');

export class BarBook {
  constructor(symbol, interval) {
    this.symbol = symbol;
    this.interval = interval;
    // The venue is fixed by the first bar accepted: one symbol can trade on several venues, and mixing their
    // bars would draw one jagged series.
    this.venue = null;
    this.byStart = new Map();
    this.version = 0;
  }

  /** A time interval (1s) or an information-bar series (volume:5), which carries `series` instead of `interval`. */
  accepts(bar) {
    return bar && bar.symbol === this.symbol && (bar.interval ?? bar.series) === this.interval
        && (this.venue === null || bar.venue === this.venue);
  }

  /**
   * A live bar (closed or forming) replaces whatever the book holds for its window: a closed bar is final, a
   * revision supersedes it, and a forming bar is newer than the last forming update. A forming update for a window
   * already closed is stale (it was sent before the close) and ignored. True when the book changed.
   */
  live(bar, forming) {
    if (!this.accepts(bar)) return false;
    const start = millis(bar.start);
    if (Number.isNaN(start)) return false;
    const held = this.byStart.get(start);
    if (forming && held && !held.forming) return false;
    if (!forming && held && !held.forming && (held.bar.revision ?? 0) > (bar.revision ?? 0)) return false;
    this.put(start, bar, forming);
    return true;
  }

  /** History from /api/bars fills only windows that live data has not; live data is newer by construction. */
  history(bars) {
    let changed = false;
    for (const bar of bars) {
      if (!this.accepts(bar)) continue;
      const start = millis(bar.start);
      if (Number.isNaN(start) || this.byStart.has(start)) continue;
      this.put(start, bar, false);
      changed = true;
    }
    return changed;
  }

  put(start, bar, forming) {
    this.venue ??= bar.venue;
    this.byStart.set(start, {start, bar, forming});
    if (this.byStart.size > MAX_CANDLES) {
      const oldest = Math.min(...this.byStart.keys());
      this.byStart.delete(oldest);
    }
    this.version++;
  }

  /** Entries oldest first: {start (ms), bar (v1), forming}. */
  candles() {
    return [...this.byStart.values()].sort((a, b) => a.start - b.start);
  }
}
