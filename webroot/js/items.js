// How one entry of each feed looks and is identified. Live messages and REST history both pass through here, so
// an entry looks the same whichever way it arrived.

import {el} from './dom.js';
import {clock, millis, number, price} from './format.js';

export const signalItem = {
  keyOf: (s) => `${s.symbol}|${s.name}|${s.ts}`,
  sortKey: (s) => millis(s.ts),
  render: (s) => el('li', {dataset: {rule: s.name, symbol: s.symbol}, title: JSON.stringify(s.meta?.features ?? {})},
      el('time', {}, clock(s.ts)),
      el('span', {class: 'symbol'}, s.symbol),
      el('span', {class: 'rule'}, s.name),
      el('span', {class: `value ${s.value > 0 ? 'up' : s.value < 0 ? 'down' : ''}`, title: 'signal value'},
          `${s.value > 0 ? '+' : ''}${number(s.value, 2)}`),
      el('span', {class: 'score'}, `score ${number(s.score, 2)}`),
      s.meta?.price !== undefined ? el('span', {class: 'muted'}, `@ ${price(s.meta.price)}`) : null),
};

/** Anomalies and incidents share one feed; `kind` tells them apart. */
export const alertItem = {
  keyOf: (a) => (a.kind === 'incident' ? `incident|${a.id}` : `anomaly|${a.venue}|${a.symbol}|${a.type}|${a.ts}`),
  sortKey: (a) => millis(a.ts),
  render: (a, openIncident) => (a.kind === 'incident'
    ? el('li', {class: 'incident', dataset: {incident: a.id}},
        el('time', {}, clock(a.ts)),
        el('span', {class: 'symbol'}, a.symbol ?? ''),
        el('a', {href: `/api/incidents/${encodeURIComponent(a.id)}`, onclick: (e) => {
          e.preventDefault();
          openIncident(a.id);
        }}, `incident ${a.id}`),
        el('span', {class: 'muted'}, a.type ?? ''))
    : el('li', {class: 'anomaly', dataset: {type: a.type}, title: a.detail ?? ''},
        el('time', {}, clock(a.ts)),
        el('span', {class: 'symbol'}, a.symbol ?? ''),
        el('span', {class: 'type'}, a.type),
        el('span', {class: 'detail'}, a.detail ?? ''))),
};

export function anomaly(data) {
  return {kind: 'anomaly', ...data};
}

/** Live incident messages carry {id, type, venue, symbol, ts}; /api/incidents gives the meta, shaped here alike. */
export function incident(data) {
  if (data.trigger) {
    return {kind: 'incident', id: data.id, type: data.trigger.type, venue: data.trigger.venue,
      symbol: data.trigger.symbol, ts: data.triggered};
  }
  return {kind: 'incident', ...data};
}
