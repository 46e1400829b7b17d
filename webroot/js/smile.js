// The implied-volatility smile per expiry: one line of (strike, volatility) points per (venue, underlying, expiry),
// the newest snapshot of each, with the ATM volatility at the forward marked. Drawn by ECharts (the global
// `echarts`, as for the candles); redraws are coalesced to one per animation frame.

import {clock, millis, number} from './format.js';

/** Expiries shown at most: the nearest ones, so the legend stays readable. */
const MAX_EXPIRIES = 6;

export class SmileChart {
  constructor(container, meta) {
    this.chart = echarts.init(container, null, {renderer: 'canvas'});
    this.chart.setOption(baseOption());
    this.meta = meta;
    this.latest = new Map();
    this.pending = false;
    new ResizeObserver(() => this.chart.resize()).observe(container);
  }

  show(surface) {
    if (!surface?.expiry) return;
    const key = `${surface.venue}|${surface.underlying}|${surface.expiry}`;
    const shown = this.latest.get(key);
    if (shown && millis(shown.ts) >= millis(surface.ts)) return;
    this.latest.set(key, surface);
    this.forgetExpired(millis(surface.ts));
    this.schedule();
  }

  /** An expiry the snapshots have passed has no smile any more. */
  forgetExpired(now) {
    for (const [key, s] of this.latest) {
      if (millis(s.expiry) <= now) this.latest.delete(key);
    }
  }

  schedule() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.draw();
    });
  }

  surfaces() {
    return [...this.latest.values()].sort((a, b) => millis(a.expiry) - millis(b.expiry)).slice(0, MAX_EXPIRIES);
  }

  draw() {
    const surfaces = this.surfaces();
    this.chart.setOption({
      legend: {data: surfaces.map(label)},
      series: surfaces.map((s) => ({
        name: label(s),
        type: 'line',
        showSymbol: true,
        symbolSize: 5,
        data: (s.smile ?? []).map(([strike, iv]) => [strike, iv]),
        markPoint: Number.isFinite(s.atm_iv) ? {symbol: 'diamond', symbolSize: 9,
          data: [{coord: [s.forward, s.atm_iv], value: number(s.atm_iv, 1)}]} : undefined,
      })),
    }, {replaceMerge: ['series']});
    const newest = surfaces.reduce((a, b) => (millis(a.ts) >= millis(b.ts) ? a : b), surfaces[0]);
    this.meta.textContent = surfaces.length
      ? `${surfaces[0].underlying} · ${surfaces.length} ${surfaces.length === 1 ? 'expiry' : 'expiries'}`
        + ` · ATM ${number(surfaces[0].atm_iv, 1)}%`
        + ` · ${clock(newest.ts)}`
      : '';
  }

  /** What the chart itself holds: points per drawn series, for the browser test and the console. */
  drawnSeries() {
    return (this.chart.getOption().series ?? []).map((s) => ({name: s.name, points: (s.data ?? []).length}));
  }
}

function label(s) {
  return `${s.expiry.slice(0, 10)} (${s.venue})`;
}

function baseOption() {
  const axisLine = {lineStyle: {color: '#56606b'}};
  const splitLine = {lineStyle: {color: '#262c33'}};
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: {color: '#c9d1d9'},
    legend: {top: 0, textStyle: {color: '#c9d1d9', fontSize: 11}, data: []},
    tooltip: {trigger: 'item', valueFormatter: (v) => (typeof v === 'number' ? number(v, 2) : v)},
    grid: {left: 48, right: 36, top: 28, bottom: 28},
    xAxis: {type: 'value', scale: true, axisLine, splitLine},
    yAxis: {type: 'value', scale: true, name: 'IV %', splitNumber: 4, axisLine, splitLine},
    series: [],
  };
}
