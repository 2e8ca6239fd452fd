// The dashboard's charts, drawn as SVG at the width they are given (the numbers come from
// geometry.ts). Each series has a colour and a pattern, so that bars read apart in black-and-white
// print and without telling colours apart; every figure is written beside its bar. An SVG is an
// image to a screen reader (role="img"), named by a sentence that gives its figures; ChartCard shows
// the same figures as a table at a click. Loaded with the dashboard only (a chunk of its own).
import type { ComponentChildren, RefObject, VNode } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { charsIn, layoutColumns, layoutHBars, wrapLabel } from './geometry';

export type Pattern = 'solid' | 'hatch' | 'cross' | 'dots';

export interface Series {
  key: string;
  label: string;
  colour: string;
  pattern: Pattern;
}

/** The sizes of the words in the charts, in pixels (styles.css: .chart text, .chart-note). */
const LABEL_SIZE = 14;
const VALUE_SIZE = 12;
/** A bar's thickness. */
const BAR = 18;
/** The widest a chart is drawn: wider, bars would be hard to compare across the screen. */
const MAX_WIDTH = 832;

/** The fill of a series: a pattern of white over its colour (a plain colour for `solid`). */
function PatternDef({ id, s }: { id: string; s: Series }) {
  if (s.pattern === 'solid') return null;
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform={s.pattern === 'dots' ? undefined : 'rotate(45)'}>
      <rect width="6" height="6" fill={s.colour} />
      {s.pattern === 'dots' ? (
        <circle cx="3" cy="3" r="1.3" fill="#fff" />
      ) : (
        <>
          <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2.2" />
          {s.pattern === 'cross' && <line x1="0" y1="3" x2="6" y2="3" stroke="#fff" stroke-width="1.6" />}
        </>
      )}
    </pattern>
  );
}

/** The patterns of an SVG's series, with ids of its own (several charts share the page). */
function useFills(series: Series[]): { defs: VNode; fill: (i: number) => string } {
  const id = useId();
  const pid = (i: number) => `${id}-p${i}`;
  return {
    defs: <defs>{series.map((s, i) => <PatternDef key={s.key} id={pid(i)} s={s} />)}</defs>,
    fill: (i: number) => {
      const s = series[i] ?? series[0];
      return s.pattern === 'solid' ? s.colour : `url(#${pid(i)})`;
    },
  };
}

/** A swatch of a series, as in the chart, for the legend. */
export function Swatch({ s }: { s: Series }) {
  const { defs, fill } = useFills([s]);
  return (
    <svg class="chart-swatch" width="18" height="14" viewBox="0 0 18 14" aria-hidden="true" focusable="false">
      {defs}
      <rect x="0.5" y="0.5" width="17" height="13" fill={fill(0)} stroke="#1d2733" stroke-width="1" />
    </svg>
  );
}

export function Legend({ series }: { series: Series[] }) {
  const { t } = useI18n();
  return (
    <ul class="chart-legend" aria-label={t('dashboard.legend')}>
      {series.map((s) => (
        <li key={s.key}>
          <Swatch s={s} /> {s.label}
        </li>
      ))}
    </ul>
  );
}

/** The chart's width: its box's, followed as the window or the print changes it. */
function useWidth(fallback = 640): [RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const measure = () => {
      const w = Math.floor(el.clientWidth);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, Math.max(240, width)];
}

/** An SVG image of a chart: named by its summary for screen readers, scaled down with its box. */
function ChartSvg({ width, height, summary, testid, children }: { width: number; height: number; summary: string; testid?: string; children: ComponentChildren }) {
  return (
    <svg class="chart" role="img" aria-label={summary} width={width} height={height} viewBox={`0 0 ${width} ${height}`} data-testid={testid}>
      <title>{summary}</title>
      {children}
    </svg>
  );
}

export interface HBarItem {
  label: string;
  /** One value per bar (grouped), or the segments of its one bar (stacked). */
  values: number[];
  /** Said under the bar: what a stacked bar is made of. */
  note?: string;
}

/**
 * Horizontal bars, a label above each row: `grouped`, one bar per series under one another; or
 * `stacked`, one bar of the series' segments, with its total at its end.
 */
export function HBarChart({ width, items, series, mode, summary, testid }: { width: number; items: HBarItem[]; series: Series[]; mode: 'grouped' | 'stacked'; summary: string; testid?: string }) {
  const { defs, fill } = useFills(series);
  const chars = charsIn(width, LABEL_SIZE);
  const rows = items.map((it) => ({
    label: wrapLabel(it.label, chars, 2),
    bars: mode === 'grouped' ? it.values.map((v) => [v]) : [it.values],
    note: it.note ? wrapLabel(it.note, charsIn(width, VALUE_SIZE), 2) : [],
  }));
  const layout = layoutHBars(rows, { width, barHeight: BAR });
  return (
    <ChartSvg width={width} height={layout.height} summary={summary} testid={testid}>
        {defs}
        {layout.rows.map((row, r) => (
          <g key={r}>
            {row.labelY.map((y, i) => <text key={i} x="0" y={y} class="chart-label">{rows[r].label[i]}</text>)}
            {row.bars.map((bar, b) => (
              <g key={b}>
                {bar.segments.map((s, i) =>
                  s.size > 0 ? (
                    <rect key={i} x={s.start} y={bar.y} width={s.size} height={BAR} fill={fill(mode === 'grouped' ? b : i)} stroke="#1d2733" stroke-width="0.75" />
                  ) : null,
                )}
                {/* A zero is drawn as a hairline, so that the row does not look forgotten. */}
                {bar.total === 0 && <line x1="0.5" y1={bar.y} x2="0.5" y2={bar.y + BAR} stroke="#1d2733" />}
                <text x={bar.end + 6} y={bar.y + BAR - 4} class="chart-value">{bar.total}</text>
              </g>
            ))}
            {row.noteY.map((y, i) => <text key={`n${i}`} x="0" y={y} class="chart-note">{rows[r].note[i]}</text>)}
          </g>
        ))}
    </ChartSvg>
  );
}

export interface Column {
  /** Under the column: already short (a month's number, a stage's name). */
  label: string;
  /** A second line under it (the year under January). */
  sub?: string | null;
  /** Its segments, one per series, stacked from the bottom. */
  values: number[];
  /** Written over it: its total, or a share. */
  above: string;
}

/** Columns side by side, each stacked from the baseline, its figure above it and its label below. */
export function ColumnChart({ width, columns, series, summary, testid, labelLines = 2 }: { width: number; columns: Column[]; series: Series[]; summary: string; testid?: string; labelLines?: number }) {
  const { defs, fill } = useFills(series);
  const layout = layoutColumns(columns.map((c) => c.values), { width, labelLines });
  const step = width / Math.max(1, columns.length);
  // Twelve months on a phone: smaller figures, so that "100%" and a year stay within their column.
  const small = step < 34 ? ' chart-small' : '';
  return (
    <ChartSvg width={width} height={layout.height} summary={summary} testid={testid}>
        {defs}
        <line x1="0" y1={layout.baseline + 0.5} x2={width} y2={layout.baseline + 0.5} stroke="#1d2733" />
        {layout.columns.map((col, c) => {
          const lines = columns[c].sub ? [columns[c].label, columns[c].sub ?? ''] : wrapLabel(columns[c].label, charsIn(step - 2, 12), labelLines);
          return (
            <g key={c}>
              {col.segments.map((s, i) =>
                s.size > 0 ? <rect key={i} x={col.x} y={s.y} width={col.band} height={s.size} fill={fill(i)} stroke="#1d2733" stroke-width="0.75" /> : null,
              )}
              <text x={col.center} y={col.top - 5} text-anchor="middle" class={`chart-value${small}`}>{columns[c].above}</text>
              {lines.map((line, i) => (
                <text key={i} x={col.center} y={layout.baseline + 6 + 12 * (i + 1)} text-anchor="middle" class={`chart-tick${small}`}>{line}</text>
              ))}
            </g>
          );
        })}
    </ChartSvg>
  );
}

/**
 * A chart's card: its heading, the chart or its table (a button switches them, the table's figures
 * being the chart's), its legend; or, when there is nothing to draw, a sentence saying so.
 */
export function ChartCard({ id, title, empty, summary, legend, chart, table, children }: {
  id: string;
  title: string;
  /** Said instead of the chart and the table when there is nothing to show. */
  empty?: string | null;
  /** A sentence under the heading (a total), read whichever way the figures are shown. */
  summary?: ComponentChildren;
  legend?: Series[];
  /** The chart drawn `width` pixels wide (its box's, at most MAX_WIDTH). */
  chart: (width: number) => VNode;
  table: () => VNode;
  /** Above the chart: what chooses what it shows (the trend's clause). */
  children?: ComponentChildren;
}) {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const [box, width] = useWidth();
  return (
    <section class="card chart-card" aria-labelledby={`${id}-title`} data-testid={id}>
      <div class="card-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {!empty && (
          <button type="button" class="btn btn-secondary chart-toggle" data-testid={`${id}-toggle`} onClick={() => setAsTable(!asTable)}>
            {t(asTable ? 'dashboard.showChart' : 'dashboard.showTable')}
          </button>
        )}
      </div>
      {children}
      {summary && <p class="chart-summary">{summary}</p>}
      <div ref={box} class="chart-box">
        {empty ? (
          <p class="empty" data-testid={`${id}-empty`}>{empty}</p>
        ) : asTable ? (
          table()
        ) : (
          <>
            {chart(Math.min(width, MAX_WIDTH))}
            {legend && legend.length > 1 && <Legend series={legend} />}
          </>
        )}
      </div>
    </section>
  );
}
