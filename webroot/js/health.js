// The health strip: what the server's `health` message says every second. Its `data` is the /health document
// ({status, components: [{name, status, detail, gauges}]}); events_per_sec and drops sit beside it.

import {byId, el} from './dom.js';
import {count, number} from './format.js';

// Gauges that count work waiting between stages (batches queued, rows buffered); their sum is the pipeline's
// backlog, the closest the health document has to a consumer lag.
const BACKLOG_GAUGE = /(_batches_waiting|_buffered_batches|^queued|lag)$/;

export class HealthStrip {
  constructor() {
    this.status = byId('health-status');
    this.eventsPerSec = byId('events-per-sec');
    this.drops = byId('drops');
    this.backlog = byId('backlog');
    this.connectors = byId('connectors');
    this.sinks = byId('sinks');
    this.lastEventsPerSec = NaN;
  }

  show(message) {
    const doc = message.data ?? {};
    const components = Array.isArray(doc.components) ? doc.components : [];
    this.status.textContent = doc.status ?? 'unknown';
    this.status.dataset.status = doc.status ?? 'unknown';

    this.lastEventsPerSec = typeof message.events_per_sec === 'number' ? message.events_per_sec : NaN;
    this.eventsPerSec.textContent = number(this.lastEventsPerSec, 0);

    const drops = message.drops && typeof message.drops === 'object' ? message.drops : {};
    const total = Object.values(drops).filter((v) => typeof v === 'number').reduce((a, b) => a + b, 0);
    this.drops.textContent = count(total);
    this.drops.title = Object.entries(drops).map(([k, v]) => `${k}: ${v}`).join('\n') || 'no drops reported';

    const backlog = components.flatMap((c) => Object.entries(c.gauges ?? {})
        .filter(([name, value]) => BACKLOG_GAUGE.test(name) && typeof value === 'number')
        .map(([name, value]) => ({name: `${c.name}.${name}`, value})));
    this.backlog.textContent = backlog.length ? count(backlog.reduce((a, g) => a + g.value, 0)) : '–';
    this.backlog.title = backlog.filter((g) => g.value > 0).map((g) => `${g.name}: ${g.value}`).join('\n')
        || 'nothing waiting';

    this.chips(this.connectors, components.filter((c) => c.name?.startsWith('connector.')), 'connector.');
    this.chips(this.sinks, components.filter((c) => c.name?.startsWith('sink.')), 'sink.');
  }

  chips(container, components, prefix) {
    if (components.length === 0) {
      container.replaceChildren(el('span', {class: 'muted'}, 'none'));
      return;
    }
    container.replaceChildren(...components.map((c) => el('span', {
      class: 'chip',
      dataset: {status: c.status ?? 'unknown'},
      title: `${c.status}: ${c.detail ?? ''}`,
    }, c.name.slice(prefix.length))));
  }
}
