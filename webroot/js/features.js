// The latest feature snapshot of the selected symbol. Features without a full window are absent from a snapshot;
// they are shown as a dash rather than dropped, so the panel does not jump around while windows fill up.

import {byId, clear, el} from './dom.js';
import {clock, number, price} from './format.js';

export class FeaturePanel {
  /** @param expected the configured feature names, shown from the start */
  constructor(expected = []) {
    this.list = byId('features');
    this.meta = byId('features-meta');
    this.expected = expected;
    this.names = new Set();
    this.reset();
  }

  expect(names) {
    this.expected = names ?? [];
  }

  reset() {
    this.names = new Set(this.expected);
    clear(this.list);
    this.list.append(el('div', {class: 'muted placeholder'}, 'waiting for the first feature snapshot…'));
    this.meta.textContent = '';
  }

  show(snapshot) {
    const features = snapshot.features ?? {};
    Object.keys(features).forEach((name) => this.names.add(name));
    const rows = [el('dt', {}, 'price'), el('dd', {}, price(snapshot.price))];
    for (const name of [...this.names].sort()) {
      const value = features[name];
      rows.push(el('dt', {}, name), el('dd', {dataset: {feature: name}}, number(value ?? NaN)));
    }
    this.list.replaceChildren(...rows);
    const missing = [...this.names].filter((name) => features[name] === undefined).length;
    this.meta.textContent = `${snapshot.symbol} · ${snapshot.venue ?? ''} · ${clock(snapshot.ts)}`
        + (missing ? ` · ${missing} still filling their window` : '');
  }
}
