/**
 * 主动公开 by channel: one horizontal stacked bar per town, in official order. A town that states
 * only the total gets a 仅报总数 segment; towns without any publication figure are not drawn and
 * are named in the subtitle. An unstated channel is a gap, never 0.
 */
import type { BarSeriesOption } from 'echarts';
import type { PublicationRow } from '../db/queries/views.ts';
import { PUBLICATION_CHANNELS } from '../model/groupings.ts';
import { cell, formatFull, header, horizontalLayout, num, unreportedSubtitle, notDrawn } from './common.ts';
import type { ChartSpec } from './spec.ts';
import { emptyBarsText, townBarsOption } from './town-bars.ts';
import { PALETTE } from './theme.ts';

type Channel = 'website' | 'newmedia' | 'board' | 'other';
const UNIT = '条';
const TOTAL_ONLY = '仅报总数';

const CHANNELS = PUBLICATION_CHANNELS.map((c) => ({ key: c.id as Channel, label: c.label }));

/** The stated total, when the town states it and no channel at all. */
function totalOnly(r: PublicationRow): number | null {
  return CHANNELS.every((c) => num(r[c.key]) === null) ? num(r.total) : null;
}

export function publicationStackedChart(input: { rows: readonly PublicationRow[]; year: number; unit?: string }): ChartSpec {
  const drawn = input.rows.filter((r) => r.reported && num(r.volume) !== null);
  const unreported = notDrawn(input.rows, drawn).map((r) => r.town);
  const title = `${input.year} 年各${input.unit ?? '镇街'}主动公开信息（按渠道）`;
  const subtext = unreportedSubtitle(unreported);
  const layout = horizontalLayout(drawn.length);
  const segments = [
    ...CHANNELS.map((c) => ({ label: c.label, value: (r: PublicationRow) => num(r[c.key]) })),
    { label: TOTAL_ONLY, value: totalOnly },
  ];
  const series: BarSeriesOption[] = segments.map((s, i) => ({
    type: 'bar',
    name: s.label,
    stack: 'channels',
    data: drawn.map(s.value),
    barMaxWidth: 22,
    emphasis: { focus: 'series' },
    itemStyle: s.label === TOTAL_ONLY ? { color: '#bbb' } : { color: PALETTE[i % PALETTE.length] },
  }));
  return {
    title,
    height: layout.height,
    categoryKeys: drawn.map((r) => r.town_key),
    emptyText: emptyBarsText(series, `${input.year} 年没有${input.unit ?? '镇街'}填报主动公开信息`, `${input.year} 年各${input.unit ?? '镇街'}主动公开信息均为 0`),
    option: townBarsOption({
      title,
      subtext,
      layout,
      drawn,
      unit: UNIT,
      series,
      tooltip: (r) => ({
        lines: [
          ...segments
            .filter((s) => s.label !== TOTAL_ONLY || s.value(r) !== null)
            .map((s, i) => ({ label: s.label, text: formatFull(s.value(r), UNIT), color: s.label === TOTAL_ONLY ? '#bbb' : PALETTE[i] })),
          { label: '主动公开总量', text: formatFull(r.volume, UNIT) },
        ],
      }),
    }),
    table: {
      header: [input.unit ?? '镇街', ...segments.map((s) => header(s.label, UNIT)), header('主动公开总量', UNIT)],
      rows: drawn.map((r) => [r.town, ...segments.map((s) => cell(s.value(r))), cell(r.volume)]),
    },
  };
}
