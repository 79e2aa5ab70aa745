// @ts-check
/*
 * Browser script of Alphintra reports. It draws every time-series chart described in the
 * page's JSON (the element #report-data) with lightweight-charts (inlined before it as the
 * global LightweightCharts), wires the log-scale checkboxes and window drop-downs, and sorts
 * tables of class "sortable" by the column whose header is clicked. It reads
 * nothing but the page and requests nothing. Type-checked against src/charts/chart-spec.ts.
 */
(() => {
  /** @typedef {import('../src/charts/chart-spec.js').ReportData} ReportData */
  /** @typedef {import('../src/charts/chart-spec.js').TimeSeriesChartSpec} TimeSeriesChartSpec */
  /** @typedef {import('../src/charts/chart-spec.js').SeriesSpec} SeriesSpec */
  /** @typedef {import('../src/charts/chart-spec.js').ValueFormat} ValueFormat */
  /** @typedef {import('lightweight-charts').ISeriesApi<import('lightweight-charts').SeriesType>} AnySeries */
  /** @typedef {import('lightweight-charts').UTCTimestamp} UTCTimestamp */

  const LWC = /** @type {typeof import('lightweight-charts')} */ (
    /** @type {{ LightweightCharts?: unknown }} */ (globalThis).LightweightCharts
  );
  if (LWC === undefined) throw new Error('the chart library did not load');

  const source = document.getElementById('report-data');
  if (source === null) throw new Error('the report has no #report-data element');
  const data = /** @type {ReportData} */ (JSON.parse(source.textContent ?? '{}'));

  /**
   * Returns `digits` decimals with comma thousands, whatever the reader's locale.
   * @param {number} x
   * @param {number} digits
   */
  function fixed(x, digits) {
    const [whole = '', fraction] = Math.abs(x).toFixed(digits).split('.');
    const sign = x < 0 && Number(Math.abs(x).toFixed(digits)) !== 0 ? '−' : '';
    return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
  }

  /** @type {Record<ValueFormat, (x: number) => string>} */
  const FORMATS = {
    money: (x) => fixed(x, Math.abs(x) >= 1000 ? 0 : 2),
    price: (x) => fixed(x, Math.abs(x) >= 100 ? 2 : 4),
    percent: (x) => `${fixed(x * 100, 1)} %`,
    ratio: (x) => fixed(x, 2),
  };

  /**
   * @param {string} hex  a #rrggbb colour
   * @param {number} alpha
   */
  function withAlpha(hex, alpha) {
    const n = Number.parseInt(hex.slice(1), 16);
    return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
  }

  /**
   * Pairs the chart's times with one value each; null becomes an empty (whitespace) point.
   * @param {readonly number[]} time
   * @param {readonly (number | null)[]} values
   */
  function points(time, values) {
    return time.map((t, i) => {
      const value = values[i];
      const at = /** @type {UTCTimestamp} */ (t);
      return value === null || value === undefined ? { time: at } : { time: at, value };
    });
  }

  /**
   * @param {readonly number[]} time
   * @param {Extract<SeriesSpec, { kind: 'candlestick' }>} spec
   */
  function candles(time, spec) {
    return time.map((t, i) => {
      const at = /** @type {UTCTimestamp} */ (t);
      const open = spec.open[i];
      const high = spec.high[i];
      const low = spec.low[i];
      const close = spec.close[i];
      if (open == null || high == null || low == null || close == null) return { time: at };
      return { time: at, open, high, low, close };
    });
  }

  /**
   * Adds one value series (line, area, baseline or histogram) to a chart, unfilled.
   * @param {import('lightweight-charts').IChartApi} chart
   * @param {Extract<SeriesSpec, { color: string }>} series
   * @param {{ priceFormat: import('lightweight-charts').PriceFormatCustom; title: string; lastValueVisible: boolean; priceLineVisible: boolean }} common
   */
  function addValueSeries(chart, series, common) {
    const color = series.color;
    switch (series.kind) {
      case 'line':
        return chart.addSeries(LWC.LineSeries, { ...common, color, lineWidth: 2 });
      case 'area':
        return chart.addSeries(LWC.AreaSeries, {
          ...common,
          lineColor: color,
          topColor: withAlpha(color, 0.35),
          bottomColor: withAlpha(color, 0.04),
          lineWidth: 2,
        });
      case 'baseline':
        return chart.addSeries(LWC.BaselineSeries, {
          ...common,
          baseValue: { type: 'price', price: 0 },
          topLineColor: color,
          topFillColor1: withAlpha(color, 0.3),
          topFillColor2: withAlpha(color, 0.05),
          bottomLineColor: color,
          bottomFillColor1: withAlpha(color, 0.05),
          bottomFillColor2: withAlpha(color, 0.3),
          lineWidth: 2,
        });
      case 'histogram':
        return chart.addSeries(LWC.HistogramSeries, { ...common, color });
      default:
        throw new Error(`unknown series kind ${/** @type {{ kind: string }} */ (series).kind}`);
    }
  }

  /**
   * Adds one series to a chart and fills it.
   * @param {import('lightweight-charts').IChartApi} chart
   * @param {TimeSeriesChartSpec} spec
   * @param {SeriesSpec} series
   * @returns {AnySeries}
   */
  function addSeries(chart, spec, series) {
    /** @type {import('lightweight-charts').PriceFormatCustom} */
    const priceFormat = { type: 'custom', formatter: FORMATS[spec.valueFormat], minMove: 1e-8 };
    const common = { priceFormat, title: '', lastValueVisible: true, priceLineVisible: false };
    if (series.kind === 'candlestick') {
      const s = chart.addSeries(LWC.CandlestickSeries, {
        ...common,
        upColor: '#26a69a',
        downColor: '#ef5350',
        borderVisible: false,
        wickUpColor: '#26a69a',
        wickDownColor: '#ef5350',
      });
      s.setData(candles(spec.time, series));
      return s;
    }
    const s = addValueSeries(chart, series, common);
    s.setData(points(spec.time, series.values));
    return s;
  }

  /** @param {TimeSeriesChartSpec} spec */
  function drawChart(spec) {
    const container = document.getElementById(spec.id);
    if (container === null) throw new Error(`no element for chart ${spec.id}`);
    // A fixed size from the start (not autoSize, which measures later) lets fitContent see the
    // real width; the width follows the window afterwards.
    const chart = LWC.createChart(container, {
      width: container.clientWidth,
      height: spec.height,
      layout: {
        background: { type: LWC.ColorType.Solid, color: '#ffffff' },
        textColor: '#374151',
        fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        fontSize: 11,
      },
      localization: { locale: 'en-US' },
      grid: { vertLines: { color: '#f1f5f9' }, horzLines: { color: '#f1f5f9' } },
      rightPriceScale: { borderColor: '#e5e7eb' },
      // Long runs have more bars than pixels: let fitContent show all of them.
      timeScale: { borderColor: '#e5e7eb', minBarSpacing: 0.001 },
    });
    window.addEventListener('resize', () => chart.applyOptions({ width: container.clientWidth }));
    const series = spec.series.map((s) => addSeries(chart, spec, s));
    const first = series[0];
    if (first !== undefined && spec.markers.length > 0) {
      LWC.createSeriesMarkers(
        first,
        spec.markers.map((m) => ({ ...m, time: /** @type {UTCTimestamp} */ (m.time) })),
      );
    }
    chart.timeScale().fitContent();
    container.dataset.scale = 'linear';

    const toggle = document.querySelector(`input[data-log-scale-for="${spec.id}"]`);
    if (toggle instanceof HTMLInputElement) {
      toggle.addEventListener('change', () => {
        const mode = toggle.checked ? LWC.PriceScaleMode.Logarithmic : LWC.PriceScaleMode.Normal;
        chart.priceScale('right').applyOptions({ mode });
        container.dataset.scale = toggle.checked ? 'log' : 'linear';
      });
    }

    const select = document.querySelector(`select[data-variant-for="${spec.id}"]`);
    if (select instanceof HTMLSelectElement) {
      const valueSeries = series.filter((_, i) => spec.series[i]?.kind !== 'candlestick');
      select.addEventListener('change', () => {
        const variant = spec.variants[Number(select.value)];
        if (variant === undefined) return;
        variant.values.forEach((values, k) => {
          valueSeries[k]?.setData(points(spec.time, values));
        });
        chart.timeScale().fitContent();
        container.dataset.variant = select.value;
      });
    }
  }

  /**
   * Returns what a table cell sorts by: the exact value of its tooltip or its text as a number
   * ("1,234.5", "−12.3 %"), else its text; "–" (no value) sorts last either way.
   * @param {Element | undefined} cell
   * @returns {number | string | null}
   */
  function sortKey(cell) {
    if (cell === undefined) return null;
    const text = (cell.querySelector('span[title]')?.getAttribute('title') ?? cell.textContent ?? '').trim();
    if (text === '' || text === '–' || text === 'undefined') return null;
    const number = Number(text.replace(/[,%\s]/g, '').replace('−', '-'));
    return Number.isFinite(number) ? number : text;
  }

  /**
   * Sorts a table's body rows by a column when its header is clicked; a second click reverses.
   * @param {HTMLTableElement} table
   */
  function makeSortable(table) {
    const headers = Array.from(table.tHead?.rows[0]?.cells ?? []);
    const body = table.tBodies[0];
    if (body === undefined) return;
    headers.forEach((th, column) => {
      th.style.cursor = 'pointer';
      th.title = 'sort by this column';
      th.addEventListener('click', () => {
        const descending = th.getAttribute('aria-sort') === 'ascending';
        for (const other of headers) other.removeAttribute('aria-sort');
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        const keyed = Array.from(body.rows).map((row) => ({ row, key: sortKey(row.cells[column]) }));
        keyed.sort((a, b) => {
          if (a.key === null || b.key === null) return a.key === b.key ? 0 : a.key === null ? 1 : -1;
          const order =
            typeof a.key === 'number' && typeof b.key === 'number'
              ? a.key - b.key
              : String(a.key).localeCompare(String(b.key));
          return descending ? -order : order;
        });
        for (const { row } of keyed) body.appendChild(row);
      });
    });
  }

  for (const table of Array.from(document.querySelectorAll('table.sortable'))) {
    if (table instanceof HTMLTableElement) makeSortable(table);
  }
  for (const spec of data.charts) drawChart(spec);
  document.documentElement.dataset.chartsDrawn = String(data.charts.length);
})();
