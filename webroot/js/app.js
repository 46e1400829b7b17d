// Wires the page: the selectors, the REST history, the live connection and the panels. Each panel owns its part
// of the page; this module only routes data between them and keeps the current selection.

import {api, readToken} from './api.js';
import {BarBook, MAX_CANDLES, isSeries} from './bars.js';
import {CandleChart} from './chart.js';
import {CoverageStrip} from './coverage.js';
import {LiveConnection} from './connection.js';
import {byId, el} from './dom.js';
import {FeaturePanel} from './features.js';
import {Feed} from './feed.js';
import {HealthStrip} from './health.js';
import {IncidentViewer} from './incidents.js';
import {alertItem, anomaly, incident, signalItem} from './items.js';
import {MidStrip} from './mids.js';
import {RulesPanel} from './rules.js';
import {SmileChart} from './smile.js';

const STREAMS = ['bars', 'forming', 'features', 'signals', 'anomalies', 'incidents', 'health', 'mids', 'surfaces'];
const DEFAULT_INTERVALS = ['1s', '10s', '1m'];

const page = {
  symbols: [],
  intervals: DEFAULT_INTERVALS,
  /** Information-bar series (volume:5): not live on the WebSocket, so their view polls the API. */
  series: [],
  symbol: null,
  interval: null,
  book: null,
  connection: 'connecting',
  everLive: false,
  assets: [],
  underlyings: [],
};

const chart = new CandleChart(byId('chart'));
const coverage = new CoverageStrip(byId('coverage'));
const features = new FeaturePanel();
const health = new HealthStrip();
const mids = new MidStrip();
const smile = new SmileChart(byId('smile'), byId('smile-meta'));
const rules = new RulesPanel();
const viewer = new IncidentViewer();
const signals = new Feed(byId('signals'), {...signalItem, limit: 100, empty: 'no signals yet'});
const alerts = new Feed(byId('anomalies'), {
  ...alertItem, render: (a) => alertItem.render(a, (id) => viewer.open(id)), limit: 100,
  empty: 'no anomalies or incidents yet'});
/** The WebSocket's address; a read token goes in the query, since a browser cannot set headers on a WebSocket. */
function liveUrl() {
  const token = readToken();
  const query = token ? `?access_token=${encodeURIComponent(token)}` : '';
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws${query}`;
}

const live = new LiveConnection({
  url: liveUrl(),
  onMessage: dispatch,
  onState: connectionState,
});

// A debug handle for the console and for the browser test: it reads what the chart has actually drawn.
window.tickwire = {
  candleCount: () => chart.drawnCandles().length,
  lastCandle: () => chart.drawnCandles().at(-1) ?? null,
  signalCount: () => signals.size(),
  eventsPerSec: () => health.lastEventsPerSec,
  connection: () => page.connection,
  midStrip: () => mids.state(),
  smileSeries: () => smile.drawnSeries(),
  coverageHoles: () => coverage.state(),
  selection: () => ({symbol: page.symbol, interval: page.interval, venue: page.book?.venue ?? null}),
  filledCount: () => chart.drawnFilled(),
  labels: () => chart.drawnLabels(),
  toggleLabel,
  select,
};

start();

async function start() {
  const catalog = await api.catalog().catch((e) => {
    note(`no catalog (${e.detail ?? e.message}); symbols appear as data arrives`);
    return {};
  });
  const params = new URLSearchParams(location.search);
  page.intervals = catalog.intervals?.length ? catalog.intervals : DEFAULT_INTERVALS;
  page.series = catalog.series ?? [];
  features.expect(catalog.features);
  mids.expect(catalog.assets);
  page.assets = catalog.assets ?? [];
  page.underlyings = catalog.underlyings ?? [];
  drawIntervals();
  (catalog.symbols ?? []).forEach(addSymbol);
  const wanted = params.get('interval');
  const interval = page.intervals.includes(wanted) || page.series.includes(wanted) ? wanted : page.intervals[0];
  if (params.get('label') === 'close') toggleLabel();
  select(params.get('symbol') ?? page.symbols[0] ?? null, interval);
  live.start();
  loadFeeds();
  rules.refresh();
}

/** Shows `symbol` at `interval`: a fresh book, history from the database, and a subscription for that interval. */
function select(symbol, interval) {
  page.symbol = symbol;
  page.interval = interval;
  addSymbol(symbol);
  byId('symbol').value = symbol ?? '';
  for (const button of byId('intervals').children) {
    button.setAttribute('aria-pressed', String(button.dataset.interval === interval));
  }
  history.replaceState(null, '', symbol ? `?symbol=${encodeURIComponent(symbol)}&interval=${interval}` : '?');
  page.book = symbol ? new BarBook(symbol, interval) : null;
  features.reset();
  chart.show(page.book);
  coverage.follow(symbol);
  subscribe();
  loadHistory();
}

async function loadHistory() {
  const book = page.book;
  if (!book) {
    note('no symbol yet: waiting for data');
    return;
  }
  try {
    const bars = isSeries(book.interval) ? await api.seriesBars(book.symbol, book.interval, MAX_CANDLES)
        : await api.bars(book.symbol, book.interval, MAX_CANDLES);
    // The user may have picked another symbol or interval while this was loading.
    if (book !== page.book) return;
    if (book.history(bars ?? [])) chart.show(book);
    note(bars?.length ? '' : 'no stored bars yet');
  } catch (e) {
    if (book === page.book) note(`history unavailable: ${e.detail ?? e.message}`);
  }
}

/** Recent signals and incidents, so the feeds are not empty until the next one happens. */
async function loadFeeds() {
  try {
    const {signals: recent} = await api.signals(50);
    recent.forEach((s) => addSymbol(s.symbol));
    signals.add(...recent);
  } catch (e) {
    console.warn(`tickwire: no signal history: ${e.detail ?? e.message}`);
  }
  try {
    const {incidents} = await api.incidents(20);
    alerts.add(...incidents.map(incident));
  } catch (e) {
    console.warn(`tickwire: no incident history: ${e.detail ?? e.message}`);
  }
  loadDerived();
}

/** The newest mid of each asset and the newest smiles of each underlying, until the live ones arrive. */
async function loadDerived() {
  for (const asset of page.assets) {
    try {
      (await api.mids(asset, 1)).forEach((sample) => mids.show(sample));
    } catch (e) {
      console.warn(`tickwire: no stored mid of ${asset}: ${e.detail ?? e.message}`);
    }
  }
  for (const underlying of page.underlyings) {
    try {
      (await api.surfaces(underlying)).forEach((surface) => smile.show(surface));
    } catch (e) {
      console.warn(`tickwire: no stored smile of ${underlying}: ${e.detail ?? e.message}`);
    }
  }
}

function subscribe() {
  // Every symbol ("*"), so the signal and anomaly feeds cover them all and new symbols show up in the selector as
  // their data arrives; bars and features are filtered here to the selected one, which keeps switching instant.
  // A series view takes its bars from the API (below); the subscription still brings the other panels.
  const interval = isSeries(page.interval) ? page.intervals[0] : page.interval;
  live.subscribe({op: 'subscribe', symbols: ['*'], streams: STREAMS, intervals: [interval]});
}

// Information bars complete at the pace of trading, not of a clock, and reach the page from the database.
const SERIES_POLL_MS = 2000;
setInterval(() => {
  if (isSeries(page.interval) && page.connection === 'live') loadHistory();
}, SERIES_POLL_MS);

/** Switches the candles between their open (start) and close (end) labels. */
function toggleLabel() {
  chart.label = chart.label === 'open' ? 'close' : 'open';
  const button = byId('label');
  button.textContent = `label: ${chart.label}`;
  button.setAttribute('aria-pressed', String(chart.label === 'close'));
  chart.show(page.book);
}

function dispatch(message) {
  const data = message.data;
  addSymbol(data?.symbol);
  switch (message.type) {
    case 'bar':
    case 'forming':
      if (page.book?.live(data, message.type === 'forming')) chart.show(page.book);
      break;
    case 'features':
      if (data?.symbol === page.symbol) features.show(data);
      break;
    case 'signal':
      signals.add(data);
      break;
    case 'anomaly':
      alerts.add(anomaly(data));
      break;
    case 'incident':
      alerts.add(incident(data));
      break;
    case 'health':
      health.show(message);
      break;
    case 'spot_mid':
      mids.show(data);
      break;
    case 'iv_surface':
      smile.show(data);
      break;
    case 'error':
      console.warn(`tickwire: the server refused a request: ${message.detail ?? message.error}`);
      note(`server: ${message.detail ?? message.error}`);
      break;
    default:
      break; // subscribed, pong, and message types newer than this page
  }
}

function connectionState(state, detail) {
  page.connection = state;
  const badge = byId('connection');
  badge.dataset.state = state;
  badge.textContent = detail ? `${state} · ${detail}` : state;
  if (state !== 'live') return;
  // After a reconnect, bars that closed while the page was away are only in the database.
  if (page.everLive) {
    loadHistory();
    loadFeeds();
  }
  page.everLive = true;
}

/** Adds a symbol to the selector; the first one known is shown. */
function addSymbol(symbol) {
  if (!symbol || page.symbols.includes(symbol)) return;
  page.symbols.push(symbol);
  byId('symbol').append(el('option', {value: symbol}, symbol));
  if (!page.symbol && page.interval) select(symbol, page.interval);
}

function drawIntervals() {
  byId('intervals').replaceChildren(...[...page.intervals, ...page.series].map((interval) => el('button', {
    type: 'button', dataset: {interval}, onclick: () => select(page.symbol, interval),
  }, interval)));
}

function note(text) {
  byId('chart-note').textContent = text;
}

byId('symbol').addEventListener('change', (e) => select(e.target.value, page.interval));
byId('label').addEventListener('click', toggleLabel);
