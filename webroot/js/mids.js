// The mid strip: the newest consolidated spot mid of each configured asset, one line each: the mid, its quality
// (ok, degraded, suspect), how many venues were fresh, how far they spread, the perpetual's basis and funding rate,
// and each venue's staleness. Samples arrive once a second per asset; an older sample never replaces a newer one.

import {byId, el} from './dom.js';
import {clock, millis, number, price} from './format.js';

export class MidStrip {
  constructor() {
    this.container = byId('mids');
    this.latest = new Map();
    this.draw();
  }

  /** Assets known before any sample (the catalog's), shown as waiting. */
  expect(assets) {
    for (const asset of assets ?? []) {
      if (!this.latest.has(asset)) this.latest.set(asset, null);
    }
    this.draw();
  }

  show(sample) {
    if (!sample?.asset) return;
    const shown = this.latest.get(sample.asset);
    if (shown && millis(shown.ts) >= millis(sample.ts)) return;
    this.latest.set(sample.asset, sample);
    this.draw();
  }

  /** What the strip shows, for the browser test and the console. */
  state() {
    return [...this.latest.values()].filter(Boolean).map((s) => ({
      asset: s.asset, ts: s.ts, mid: s.mid, quality: s.quality, freshVenues: s.fresh_venues,
      basisBps: s.basis_bps, fundingRate: s.funding_rate}));
  }

  draw() {
    if (this.latest.size === 0) {
      this.container.replaceChildren(el('span', {class: 'muted placeholder'}, 'no spot mid configured'));
      return;
    }
    this.container.replaceChildren(...[...this.latest.entries()].map(([asset, s]) => this.line(asset, s)));
  }

  line(asset, s) {
    if (!s) {
      return el('span', {class: 'mid-line', dataset: {asset}}, el('span', {class: 'asset'}, asset),
          el('span', {class: 'muted'}, 'waiting for the first sample…'));
    }
    const venues = s.venues ?? [];
    return el('span', {class: 'mid-line', dataset: {asset}},
        el('span', {class: 'asset'}, asset),
        el('span', {class: 'mid-value', title: `median of the fresh venues' mids at ${s.ts}`}, midText(s.mid)),
        el('span', {class: 'badge', dataset: {quality: s.quality}}, s.quality),
        metric('fresh', `${s.fresh_venues}/${venues.length}`),
        metric('spread', `${number(s.dispersion_bps, 2)} bps`),
        metric('basis', `${number(s.basis_bps, 2)} bps`,
            `perp mark ${price(s.perp_mark)}, basis ${number(s.basis, 2)}`),
        metric('funding', fundingText(s.funding_rate)),
        el('span', {class: 'chips'}, ...venues.map(venueChip)),
        el('time', {class: 'muted'}, clock(s.ts)));
  }
}

function metric(label, text, title) {
  return el('span', {class: 'metric', title}, el('span', {class: 'label'}, label), text);
}

/** Eight significant digits: a consolidated mid is compared to venues' quotes, which carry that many. */
function midText(v) {
  return typeof v === 'number' && Number.isFinite(v) ? v.toPrecision(8) : '–';
}

/** A quote's age: milliseconds under a second, then seconds. */
function ageText(ms) {
  if (typeof ms !== 'number') return 'no quote';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Funding rates are tiny fractions: shown in percent per funding period. */
function fundingText(rate) {
  return typeof rate === 'number' && Number.isFinite(rate) ? `${(rate * 100).toFixed(4)}%` : '–';
}

function venueChip(v) {
  const age = ageText(v.age_ms);
  return el('span', {class: 'chip', dataset: {status: v.fresh ? 'ok' : 'degraded'},
    title: v.bid === null || v.bid === undefined ? `${v.venue} ${v.symbol}: no quote`
      : `${v.venue} ${v.symbol}: ${v.bid} / ${v.ask}`}, `${v.venue} ${age}`);
}
