/**
 * Every builder's option, rendered by ECharts itself (server-side, SVG) with exactly the
 * components the app registers: no ECharts warning, no NaN, and the title and texts show.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApplicationTotals, ReviewTotals, TownHistoryRow } from '../db/queries/views.ts';
import { measure } from '../model/measures.ts';
import { applicantMixChart } from './applicant-mix.ts';
import { applicationsStackedChart } from './applications-stacked.ts';
import { carriedBarsChart } from './carried-bars.ts';
import { countyTrendChart } from './county-trend.ts';
import { findingsBarChart } from './findings-bars.ts';
import { echarts } from './echarts.svelte.ts';
import { townRow, XSS, yearTotals } from './fixtures.ts';
import { NO_OUTCOMES, outcomeMixChart } from './outcome-mix.ts';
import { publicationStackedChart } from './publication-stacked.ts';
import { rankingBarChart } from './ranking-bar.ts';
import { reviewStackedChart } from './review-stacked.ts';
import { reviewTrendChart } from './review-trend.ts';
import type { ChartSpec } from './spec.ts';
import { exportLayout } from '../export/export-option.ts';
import { layoutChart } from './layout.ts';
import { estimateText } from './text-measure.ts';
import { townHistoryChart } from './town-history.ts';
import { townTrendChart } from './town-trend.ts';
import { trainingBarsChart } from './training-bars.ts';

const APP = ['received', 'carried_in', 'carried_out', 'handled', 'open', 'partial', 'deny', 'unable', 'reject', 'other', 'by_person', 'by_business', 'by_research', 'by_ngo', 'by_legal', 'by_org_other'] as const;
const REV = (['upheld', 'corrected', 'other', 'pending', 'total'] as const).flatMap((c) => [`review_${c}`, `suit_${c}`] as const);
const apps = [townRow('a', '中都街道', { received: 5, open: 3, partial: 1, carried_in: 1, carried_out: 0 }, APP), townRow('b', XSS, {}, APP, false)];
const appTotals = (v: Partial<Record<keyof ApplicationTotals['values'], number | null>>) =>
  yearTotals<keyof ApplicationTotals['values']>(2023, 2, v, [...APP]);
const rev = [townRow('a', XSS, { review_upheld: 1, suit_pending: 2 }, REV), townRow('b', '康驿镇', {}, REV, false)];
const revTotals: ReviewTotals[] = [yearTotals<keyof ReviewTotals['values']>(2022, 2, { review_upheld: 1, suit_corrected: 1 }, REV)];
const HIST = ['pub_volume', 'train_sessions', 'train_people', 'apps_received', 'review_cases', 'suit_cases'] as const;
const history: TownHistoryRow[] = [yearTotals(2020, 1, { pub_volume: 10, train_people: 3 }, HIST), yearTotals(2022, 1, { apps_received: 1 }, HIST)];

const specs: [string, ChartSpec][] = [
  ['ranking', rankingBarChart({ rows: [{ town_key: 'a', town: XSS, town_code: null, county: 'x', value: 0.5, rank: 1, reported: true, synthetic: false, prev_value: null, prev_rank: null, reports: 1, synthetic_reports: 0 }], measure: measure('open_rate'), year: 2023 })],
  ['publication', publicationStackedChart({ rows: [townRow('a', XSS, { website: 3, total: 3, volume: 3 }, ['website', 'newmedia', 'board', 'other', 'total', 'total_only', 'volume'])], year: 2023 })],
  ['town trend', townTrendChart({ series: [{ town_key: 'a', town: XSS, points: [{ year: 2022, value: 1 }, { year: 2023, value: null }], reports: 1, synthetic: 0 }], measure: measure('pub_volume'), from: 2022, to: 2023 })],
  ['county trend', countyTrendChart({ title: '2022–2023 年趋势', totals: [yearTotals(2022, 2, { a: 1, b: 0.5 }, ['a', 'b'])], series: [{ key: 'a', label: '甲', unit: '条', type: 'bar' }, { key: 'b', label: '乙', unit: '%', type: 'line' }] })],
  ['training', trainingBarsChart({ rows: [townRow('a', XSS, { sessions: 1, people: null }, ['sessions', 'people'])], year: 2023 })],
  ['applications', applicationsStackedChart({ rows: apps, year: 2023 })],
  ['outcome mix', outcomeMixChart({ totals: appTotals({ open: 3, partial: 1 }), year: 2023 })],
  ['outcome mix (empty)', outcomeMixChart({ totals: appTotals({ open: 0 }), year: 2023 })],
  ['applicant mix', applicantMixChart({ totals: appTotals({ by_person: 3, by_legal: 1 }), year: 2023 })],
  ['carried', carriedBarsChart({ rows: apps, year: 2023 })],
  ['review', reviewStackedChart({ rows: rev, year: 2023, kind: 'review' })],
  ['suit', reviewStackedChart({ rows: rev, year: 2023, kind: 'suit' })],
  ['review trend', reviewTrendChart({ totals: revTotals, from: 2021, to: 2023 })],
  ['town history', townHistoryChart({ town: XSS, history })],
  ['findings', findingsBarChart({ rows: [{ town_key: 'a', town: XSS, errors: 1, warnings: 2, total: 3 }], from: 2019, to: 2025 })],
];

describe('rendering with the app’s ECharts components', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  let error: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn');
    error = vi.spyOn(console, 'error');
  });
  afterEach(() => vi.restoreAllMocks());

  it.each(specs)('%s renders without warnings', (_, spec) => {
    const laid = layoutChart(spec, { width: 800, measure: estimateText });
    const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 800, height: laid.height });
    chart.setOption(laid.option);
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    expect(svg).toContain(spec.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(svg).not.toMatch(/NaN/);
    if (_ === 'outcome mix (empty)') expect(svg).toContain(NO_OUTCOMES);
  });
});

describe('every series and category has its legend entry or label, at any width', () => {
  type O = { legend: { data: string[] }[]; series: { type: string; name?: string; data?: { name?: string }[] }[]; xAxis?: { type: string; axisLabel: { interval: number } }[]; yAxis?: { type: string; axisLabel: { interval: number } }[] };
  it.each(specs)('%s', (_, spec) => {
    for (const width of [320, 960]) {
      const o = layoutChart(spec, { width, measure: estimateText }).option as unknown as O;
      if (spec.emptyText) continue;
      const listed = new Set(o.legend.flatMap((l) => l.data));
      const hasLegend = (spec.option as { legend?: { show?: boolean } }).legend?.show !== false && (spec.option as { legend?: unknown }).legend !== undefined;
      const named = o.series.flatMap((s) => (s.type === 'pie' ? (s.data ?? []).map((d) => d.name ?? '') : s.name ? [s.name] : []));
      if (hasLegend) for (const n of named) expect(listed.has(n), `${n} @${width}`).toBe(true);
      // a category axis shows every label
      for (const a of [...(o.xAxis ?? []), ...(o.yAxis ?? [])]) if (a.type === 'category') expect(a.axisLabel.interval).toBe(0);
    }
  });
});

describe('rendering the exported version (title block, source line, 示例数据 mark)', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(specs)('%s exports to well-formed SVG without warnings', (_, spec) => {
    const warn = vi.spyOn(console, 'warn');
    const meta = { filters: '年度：2023 年；镇街：全部（15 个）', source: '数据来源：汶上县各镇街报告 15 份', synthetic: true };
    const { option, height } = exportLayout(spec, meta, estimateText);
    const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 960, height });
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(warn).not.toHaveBeenCalled();
    expect(svg).toContain('数据来源：汶上县各镇街报告 15 份');
    expect(svg).toContain('示例数据');
    expect(svg).toContain('年度：2023 年');
    // attribute values never contain a bare double quote (a quoted font name broke the SVG once)
    for (const attr of svg.match(/="[^"]*"/g) ?? []) expect(attr).not.toMatch(/=""[^ >]/);
    expect(svg).not.toMatch(/font-family:"/);
  });
});
