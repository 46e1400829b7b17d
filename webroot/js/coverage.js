// The coverage strip under the candles: the last hour (at most) of the selected symbol's trades as the completeness ledger
// holds them (GET /api/coverage), covered time in one colour and every hole in its cause's colour; a backfilled
// hole is drawn as covered, outlined, an unrecoverable one hatched. Hovering a hole says what it was. Asked again
// every 10 seconds, since holes are written once a second at most.

import {api} from './api.js';
import {el} from './dom.js';
import {clock, millis} from './format.js';

const WINDOW_MS = 3_600_000;
const REFRESH_MS = 10_000;

export class CoverageStrip {
  constructor(container) {
    this.container = container;
    this.symbol = null;
    this.timer = null;
    this.shown = [];
    this.message('coverage: no symbol yet');
  }

  /** Follows `symbol`'s trades from now on. */
  follow(symbol) {
    this.symbol = symbol;
    clearInterval(this.timer);
    this.refresh();
    this.timer = setInterval(() => this.refresh(), REFRESH_MS);
  }

  async refresh() {
    const symbol = this.symbol;
    if (!symbol) return;
    try {
      const answer = await api.coverage(symbol, 'trades');
      if (symbol === this.symbol) this.draw(answer.streams ?? []);
    } catch (e) {
      if (symbol === this.symbol) this.message(`coverage unavailable: ${e.detail ?? e.message}`);
    }
  }

  /** What the strip drew, for the console and the browser test: one entry per hole in the window. */
  state() {
    return this.shown;
  }

  draw(streams) {
    const segments = streams.flatMap((s) => [
      ...s.covered.map((c) => ({venue: s.venue, from: millis(c.from), to: millis(c.to), kind: 'covered'})),
      ...s.holes.map((h) => ({venue: s.venue, from: millis(h.from), to: millis(h.to), kind: 'hole', cause: h.cause,
        state: h.state, detail: h.detail, recovered: h.recovered, resolution: h.resolution}))]);
    if (segments.length === 0) {
      this.shown = [];
      this.message('coverage: nothing recorded for this symbol yet');
      return;
    }
    // Event time, not the wall clock: a replayed capture shows its own hour.
    const end = Math.max(...segments.map((s) => s.to));
    // At most the last hour, and no wider than what was recorded, so a young stream fills the strip.
    const start = Math.max(end - WINDOW_MS, Math.min(...segments.map((s) => s.from)));
    const span = Math.max(1, end - start);
    const inside = segments.filter((s) => s.to >= start).sort((a, b) => (a.kind === 'hole') - (b.kind === 'hole'));
    this.shown = inside.filter((s) => s.kind === 'hole').map(({venue, cause, state, recovered}) =>
      ({venue, cause, state, recovered}));
    const bar = el('div', {class: 'coverage-bar', role: 'img',
      'aria-label': `${this.shown.length} hole(s) in the last hour of ${this.symbol} trades`});
    for (const s of inside) bar.append(this.block(s, start, span));
    this.container.replaceChildren(el('span', {class: 'label muted'}, `trades coverage since ${clock(iso(start))}`),
        bar);
  }

  block(s, start, span) {
    const left = Math.max(0, (s.from - start) / span) * 100;
    const width = Math.max(0.2, (s.to - Math.max(s.from, start)) / span * 100);
    const title = s.kind === 'covered' ? `${s.venue} covered ${clock(iso(s.from))}–${clock(iso(s.to))}`
      : `${s.venue} ${s.cause} ${clock(iso(s.from))}–${clock(iso(s.to))}: ${s.state}`
        + (s.state === 'backfilled' ? ` (${s.recovered} trades)` : '')
        + (s.resolution ? ` (${s.resolution})` : '') + (s.detail ? ` — ${s.detail}` : '');
    return el('span', {class: `coverage-block ${s.kind}`, title,
      dataset: {cause: s.cause ?? '', state: s.state ?? ''}, style: `left:${left}%;width:${width}%`});
  }

  message(text) {
    this.container.replaceChildren(el('span', {class: 'muted'}, text));
  }
}

function iso(ms) {
  return new Date(ms).toISOString();
}
