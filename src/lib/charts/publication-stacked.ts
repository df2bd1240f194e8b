/**
 * 主动公开 by channel: one horizontal stacked bar per town, in official order. A town that states
 * only the total gets a 仅报总数 segment (an area: its towns' totals stated without channels);
 * where a stated total exceeds the channels stated beside it, the rest is a 未分渠道 segment, so
 * that every bar is the unit's 主动公开总量. Towns without any publication figure are not drawn
 * and are named in the subtitle. An unstated channel is a gap, never 0.
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
const UNSPLIT = '未分渠道';
const GREYS: Record<string, string> = { [TOTAL_ONLY]: '#bbb', [UNSPLIT]: '#ddd' };

const CHANNELS = PUBLICATION_CHANNELS.map((c) => ({ key: c.id as Channel, label: c.label }));

/** What a stated total holds beyond the channels stated beside it (a channel left empty), if anything. */
function unsplit(r: PublicationRow): number | null {
  const volume = num(r.volume);
  if (volume === null) return null;
  const rest = volume - CHANNELS.reduce((a, c) => a + (num(r[c.key]) ?? 0), 0) - (num(r.total_only) ?? 0);
  return rest > 0 ? rest : null;
}

export function publicationStackedChart(input: { rows: readonly PublicationRow[]; year: number; unit?: string }): ChartSpec {
  const drawn = input.rows.filter((r) => r.reported && num(r.volume) !== null);
  const unreported = notDrawn(input.rows, drawn).map((r) => r.town);
  const title = `${input.year} 年各${input.unit ?? '镇街'}主动公开信息（按渠道）`;
  const subtext = unreportedSubtitle(unreported);
  const layout = horizontalLayout(drawn.length);
  const segments = [
    ...CHANNELS.map((c) => ({ label: c.label, value: (r: PublicationRow) => num(r[c.key]) })),
    { label: TOTAL_ONLY, value: (r: PublicationRow) => num(r.total_only) },
    { label: UNSPLIT, value: unsplit },
  ].filter((s) => s.label !== UNSPLIT || drawn.some((r) => s.value(r) !== null));
  const colorOf = (label: string, i: number) => GREYS[label] ?? PALETTE[i % PALETTE.length]!;
  const series: BarSeriesOption[] = segments.map((s, i) => ({
    type: 'bar',
    name: s.label,
    stack: 'channels',
    data: drawn.map(s.value),
    barMaxWidth: 22,
    emphasis: { focus: 'series' },
    itemStyle: { color: colorOf(s.label, i) },
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
            .map((s, i) => ({ s, i }))
            .filter(({ s }) => !GREYS[s.label] || s.value(r) !== null)
            .map(({ s, i }) => ({ label: s.label, text: formatFull(s.value(r), UNIT), color: colorOf(s.label, i) })),
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
