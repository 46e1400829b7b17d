// The candlestick chart with volume underneath, drawn by ECharts (loaded as a classic script from its webjar, so
// it is the global `echarts`). It draws whatever BarBook holds; redraws are coalesced to one per animation frame
// because forming updates can arrive several times a second.

import {barLabel, intervalMillis, millis, price} from './format.js';

const UP = '#26a69a';
const DOWN = '#ef5350';
const FORMING_OPACITY = 0.55;
/** A filled bar (a window without trades) is drawn grey and hollow: a flat line at the previous close. */
const FILLED = '#8b949e';

export class CandleChart {
  constructor(container) {
    if (typeof echarts === 'undefined') {
      throw new Error('ECharts did not load from /webjars/echarts; the chart cannot be drawn');
    }
    this.chart = echarts.init(container, null, {renderer: 'canvas'});
    this.chart.setOption(baseOption());
    this.book = null;
    this.pending = false;
    /** 'open': candles at their start; 'close': at their end (see docs/BARS.md). */
    this.label = 'open';
    new ResizeObserver(() => this.chart.resize()).observe(container);
  }

  /** Draws `book` on the next animation frame (again, if already scheduled: only the last state is drawn). */
  show(book) {
    this.book = book;
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.draw();
    });
  }

  draw() {
    const book = this.book;
    const candles = book ? book.candles() : [];
    const intervalMs = book ? intervalMillis(book.interval) : 1000;
    const labels = candles.map((c) => barLabel(this.label === 'close' ? millis(c.bar.end) : c.start,
        Number.isNaN(intervalMs) ? 1000 : intervalMs));
    const ohlc = candles.map(({bar, forming}) => ({
      // A filled bar without prices (batcher.empty=none) draws nothing: '-' is ECharts' empty value.
      value: bar.open == null ? ['-', '-', '-', '-'] : [bar.open, bar.close, bar.low, bar.high],
      filled: bar.filled === true,
      itemStyle: bar.filled ? {color: 'transparent', borderColor: FILLED, borderColor0: FILLED}
          : forming ? {opacity: FORMING_OPACITY} : undefined,
    }));
    const volume = candles.map(({bar, forming}) => ({
      value: bar.volume,
      itemStyle: {color: bar.close >= bar.open ? UP : DOWN, opacity: forming ? FORMING_OPACITY : 0.8},
    }));
    this.chart.setOption({
      title: {text: book ? `${book.symbol} · ${book.interval}${book.venue ? ' · ' + book.venue : ''}` : ''},
      xAxis: [{data: labels}, {data: labels}],
      series: [{data: ohlc}, {data: volume}],
    });
  }

  /** What the chart itself holds (not the model), for the browser test and for debugging from the console. */
  drawnCandles() {
    const series = this.chart.getOption().series?.[0]?.data ?? [];
    return series.map((item) => (Array.isArray(item) ? item : item.value));
  }

  /** How many drawn candles are filled bars, as the chart holds them. */
  drawnFilled() {
    const series = this.chart.getOption().series?.[0]?.data ?? [];
    return series.filter((item) => item?.filled === true).length;
  }

  /** The axis labels as drawn, for the label toggle's test. */
  drawnLabels() {
    return this.chart.getOption().xAxis?.[0]?.data ?? [];
  }
}

function baseOption() {
  const axisLine = {lineStyle: {color: '#56606b'}};
  const splitLine = {lineStyle: {color: '#262c33'}};
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: {color: '#c9d1d9'},
    title: {left: 8, top: 2, textStyle: {color: '#c9d1d9', fontSize: 13, fontWeight: 'normal'}},
    tooltip: {
      trigger: 'axis',
      axisPointer: {type: 'cross'},
      valueFormatter: (v) => (typeof v === 'number' ? price(v) : v),
    },
    axisPointer: {link: [{xAxisIndex: 'all'}]},
    grid: [
      {left: 70, right: 16, top: 28, height: '62%'},
      {left: 70, right: 16, top: '76%', bottom: 24},
    ],
    xAxis: [
      {type: 'category', data: [], boundaryGap: true, axisLine, axisLabel: {show: false}, splitLine: {show: false}},
      {type: 'category', gridIndex: 1, data: [], boundaryGap: true, axisLine, splitLine: {show: false}},
    ],
    yAxis: [
      {scale: true, axisLine, splitLine, axisLabel: {formatter: (v) => price(v)}},
      {scale: true, gridIndex: 1, axisLine, splitLine: {show: false}, splitNumber: 2},
    ],
    series: [
      {
        name: 'price',
        type: 'candlestick',
        data: [],
        itemStyle: {color: UP, color0: DOWN, borderColor: UP, borderColor0: DOWN},
      },
      {name: 'volume', type: 'bar', xAxisIndex: 1, yAxisIndex: 1, data: []},
    ],
  };
}
