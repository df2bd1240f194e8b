/**
 * 培训 per town: 培训次数 as bars on the left axis (次), 培训人次 as bars on the right axis
 * (人次). Towns that state neither are not drawn and are named in the subtitle.
 */
import type { TrainingRow } from '../db/queries/views.ts';
import { cell, COLUMN_CHART_HEIGHT, dataIndexOf, formatFull, formatShort, grid, header, headerLayout, num, titleOption, tooltipHtml, unreportedSubtitle, notDrawn } from './common.ts';
import type { ChartSpec } from './spec.ts';
import { BASE_OPTION, PALETTE } from './theme.ts';

const SERIES = [
  { key: 'sessions', label: '培训次数', unit: '次' },
  { key: 'people', label: '培训人次', unit: '人次' },
] as const;

export function trainingBarsChart(input: { rows: readonly TrainingRow[]; year: number; unit?: string }): ChartSpec {
  const drawn = input.rows.filter((r) => r.reported && SERIES.some((s) => num(r[s.key]) !== null));
  const unreported = notDrawn(input.rows, drawn).map((r) => r.town);
  const title = `${input.year} 年各${input.unit ?? '镇街'}政务公开培训`;
  const subtext = unreportedSubtitle(unreported);
  const { legendTop, top } = headerLayout(subtext, true);
  // Long lists of towns: rotate the names so that every one shows.
  const rotate = drawn.length > 8 ? 40 : 0;
  return {
    title,
    height: COLUMN_CHART_HEIGHT + (rotate ? 40 : 0),
    categoryKeys: drawn.map((r) => r.town_key),
    option: {
      ...BASE_OPTION,
      title: titleOption(title, subtext),
      legend: { top: legendTop },
      grid: grid(top, { right: 16, bottom: 12 }),
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (p: unknown) => {
          const r = drawn[dataIndexOf(p)];
          if (!r) return '';
          return tooltipHtml(
            r.town,
            SERIES.map((s, i) => ({ label: s.label, text: formatFull(num(r[s.key]), s.unit), color: PALETTE[i] })),
          );
        },
      },
      xAxis: { type: 'category', data: drawn.map((r) => r.town), axisLabel: { interval: 0, rotate } },
      yAxis: SERIES.map((s, i) => ({
        type: 'value' as const,
        name: s.unit,
        position: i === 0 ? ('left' as const) : ('right' as const),
        splitLine: { show: i === 0 },
        axisLabel: { formatter: (v: number) => formatShort(v) },
      })),
      series: SERIES.map((s, i) => ({
        type: 'bar' as const,
        name: s.label,
        yAxisIndex: i,
        data: drawn.map((r) => num(r[s.key])),
        barMaxWidth: 20,
      })),
    },
    table: {
      header: [input.unit ?? '镇街', ...SERIES.map((s) => header(s.label, s.unit))],
      rows: drawn.map((r) => [r.town, ...SERIES.map((s) => cell(num(r[s.key])))]),
    },
  };
}
