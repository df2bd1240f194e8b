/**
 * Which filters act on which view, as each view's queries use them (src/lib/views/*.svelte): a
 * filter is shown only on the views where changing it changes what the view shows.
 *
 * - 年度: every view that shows a year — not 数据质量, which checks every report of the range.
 * - 趋势起始年 / 趋势截止年: the views with a trend over the range, and 数据质量 (the reports it
 *   checks) — not 排名 (one year and the year before) nor 镇街详情 (its history spans every year).
 * - 镇街: every view but 镇街详情 (one town, chosen in the view).
 * - 层级: the views that compare units — not 总览 and 数据质量, whose totals and findings are per
 *   report whatever the level (the 范围 path, which limits them, stays).
 */
import type { ViewId } from './url-state.ts';

export interface ViewFilters {
  year: boolean;
  range: boolean;
  towns: boolean;
  level: boolean;
}

const ALL: ViewFilters = { year: true, range: true, towns: true, level: true };

export const VIEW_FILTERS: Readonly<Record<ViewId, ViewFilters>> = {
  overview: { ...ALL, level: false },
  ranking: { ...ALL, range: false },
  publication: ALL,
  training: ALL,
  applications: ALL,
  review: ALL,
  town: { year: true, range: false, towns: false, level: false },
  quality: { ...ALL, year: false, level: false },
};

/** The years a range end may take: a start no later than the end, an end no earlier than the start. */
export function rangeChoices(years: readonly number[], from: number, to: number): { from: number[]; to: number[] } {
  return { from: years.filter((y) => y <= to), to: years.filter((y) => y >= from) };
}
