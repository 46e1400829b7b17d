// Display formatting. Every formatter takes missing values (null, undefined, NaN) and shows a dash, because
// features without a full window and gauges a component has not reported yet are absent, not zero.

const DASH = '–';

function present(v) {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Prices keep about six significant digits, whatever their magnitude (BTC at 65000, DOGE at 0.1). */
export function price(v) {
  if (!present(v)) return DASH;
  const magnitude = Math.abs(v) >= 1 ? Math.floor(Math.log10(Math.abs(v))) + 1 : 1;
  return v.toFixed(Math.max(0, Math.min(8, 6 - magnitude)));
}

export function number(v, digits = 4) {
  if (!present(v)) return DASH;
  if (v !== 0 && Math.abs(v) < 10 ** -digits) return v.toExponential(2);
  return v.toLocaleString('en-US', {maximumFractionDigits: digits});
}

/** 1234567 -> "1.23M": counters that grow for the whole run. */
export function count(v) {
  if (!present(v)) return DASH;
  const abs = Math.abs(v);
  if (abs >= 1e9) return (v / 1e9).toFixed(2) + 'G';
  if (abs >= 1e6) return (v / 1e6).toFixed(2) + 'M';
  if (abs >= 1e4) return (v / 1e3).toFixed(1) + 'k';
  return String(Math.round(v));
}

/**
 * v1 times are ISO-8601 with microseconds; Date.parse is only specified for milliseconds, so the extra digits
 * are cut before parsing. Returns NaN for anything unparseable.
 */
export function millis(iso) {
  if (typeof iso !== 'string') return NaN;
  return Date.parse(iso.replace(/(\.\d{3})\d+/, '$1'));
}

/** HH:MM:SS in UTC, the time zone of every timestamp the pipeline writes. */
export function clock(iso) {
  const ms = millis(iso);
  return Number.isNaN(ms) ? DASH : new Date(ms).toISOString().slice(11, 19);
}

/** The chart's axis label for a bar start: seconds matter only for intervals under a minute. */
export function barLabel(startMs, intervalMs) {
  const text = new Date(startMs).toISOString();
  return intervalMs < 60_000 ? text.slice(11, 19) : text.slice(11, 16);
}

/** "1s" / "10s" / "1m" / "1h" -> milliseconds, as the server's interval labels are written. */
export function intervalMillis(label) {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(label ?? '');
  if (!match) return NaN;
  const unit = {ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000}[match[2]];
  return Number(match[1]) * unit;
}
