/**
 * The data behind each view, as named queries over per-town values and yearly totals. Columns
 * are catalogue expressions, so the empty-value rules of the measures apply everywhere.
 */
import { metricExpr, measure, toSql, type Expr } from '../../model/measures.ts';
import { OUTCOME_GROUPS, PUBLICATION_CHANNELS } from '../../model/groupings.ts';
import { T3_APPLICANT_COLUMNS, T4_COLUMNS, t3Id, t4Id } from '../../model/tables.ts';
import type { Store } from '../store.ts';
import { labelAreas, perTown, unitsSql, unitYearValuesSql, type TownRow } from './per-town.ts';
import { scopeSql, type Frame, type Scope } from './scope.ts';
import { totalsByYear, type YearTotals } from './totals.ts';

const m = (id: string): Expr => measure(id).expr;
const sumOf = (ids: readonly string[]): Expr => ({ op: 'sumStated', args: ids.map(metricExpr) });

/** Headline figures of 总览, as measure ids. */
export const OVERVIEW_MEASURES = [
  'pub_volume',
  'pub_website',
  'pub_newmedia',
  'pub_board',
  'pub_other',
  'train_sessions',
  'train_people',
  'apps_received',
  'apps_handled',
  'open_rate',
  'review_cases',
  'suit_cases',
] as const;
export type OverviewMeasure = (typeof OVERVIEW_MEASURES)[number];

export interface OverviewData {
  year: number;
  /** towns in scope (the filter), whether or not they reported */
  towns: number;
  current: YearTotals<OverviewMeasure> | null;
  previous: YearTotals<OverviewMeasure> | null;
  /** the year's 主动公开总量 beyond its four channels */
  publication: PublicationSplit;
}

export async function overviewData(db: Store, year: number, scope: Scope, townCount: number): Promise<OverviewData> {
  const columns = Object.fromEntries(OVERVIEW_MEASURES.map((id) => [id, m(id)])) as Record<OverviewMeasure, Expr>;
  const totals = await totalsByYear(db, year - 1, year, scope, columns);
  return {
    year,
    towns: townCount,
    current: totals.find((t) => t.year === year) ?? null,
    previous: totals.find((t) => t.year === year - 1) ?? null,
    publication: await publicationSplit(db, year, scope),
  };
}

/**
 * What 主动公开总量 (pub_volume: a report's stated total, else the sum of its stated channels)
 * holds besides the sums of the four channels, over the reports of a year in scope:
 * - totalOnly: the stated totals of reports that state no channel at all (仅报总数, as the
 *   publication chart draws them); null when no report is such;
 * - gap: over reports stating both a total and some channel, the total minus those channels (a
 *   channel left empty, or figures that disagree); 0 when every such total is its channels' sum.
 * The four channel sums + totalOnly + gap = 主动公开总量 exactly.
 */
export interface PublicationSplit {
  totalOnly: number | null;
  /** reports of 仅报总数 */
  totalOnlyReports: number;
  gap: number;
  /** reports whose stated total is not the sum of their stated channels */
  gapReports: number;
}

const CHANNEL_SUM: Expr = { op: 'sumStated', args: PUBLICATION_CHANNELS.flatMap((c) => c.metrics).map(metricExpr) };

export async function publicationSplit(db: Store, year: number, scope: Scope): Promise<PublicationSplit> {
  const where = scopeSql(scope);
  const [row] = await db.query<PublicationSplit>(
    `SELECT CAST(SUM(total) FILTER (WHERE channels IS NULL) AS DOUBLE) AS "totalOnly",
            CAST(COUNT(total) FILTER (WHERE channels IS NULL) AS INTEGER) AS "totalOnlyReports",
            CAST(coalesce(SUM(total - channels), 0) AS DOUBLE) AS gap,
            CAST(COUNT(*) FILTER (WHERE total <> channels) AS INTEGER) AS "gapReports"
     FROM (SELECT ${toSql(metricExpr('pub_total'))} AS total, ${toSql(CHANNEL_SUM)} AS channels
           FROM ${db.reports} WHERE year = ?${where.sql})`,
    [year, ...where.params],
  );
  return row ?? { totalOnly: null, totalOnlyReports: 0, gap: 0, gapReports: 0 };
}

/** 主动公开 by channel, with the stated total and the volume measure. */
export function publicationByTown(db: Store, year: number, frame: Frame) {
  return perTown(db, year, frame, {
    website: metricExpr('pub_website'),
    newmedia: metricExpr('pub_newmedia'),
    board: metricExpr('pub_board'),
    other: metricExpr('pub_other'),
    total: metricExpr('pub_total'),
    // 仅报总数: the totals of reports without any channel; summed over an area's towns, so that an
    // area's bar adds up when some of its towns gave channels and others only a total
    total_only: { op: 'ifNone', none: PUBLICATION_CHANNELS.flatMap((c) => c.metrics).map(metricExpr), then: metricExpr('pub_total') },
    volume: m('pub_volume'),
  });
}
export type PublicationRow = Awaited<ReturnType<typeof publicationByTown>>[number];

/** One measure per town per year over a range, for trend lines. */
export interface TrendSeries {
  town_key: string;
  town: string;
  points: { year: number; value: number | null }[];
  /** reports behind the series over the range, and how many of them are synthetic */
  reports: number;
  synthetic: number;
}

export async function measureTrend(db: Store, measureId: string, from: number, to: number, frame: Frame): Promise<TrendSeries[]> {
  const scope = scopeSql(frame);
  const townScope = scopeSql(frame, 't');
  const expr = m(measureId);
  const rows = await db.query<{
    town_key: string;
    town: string;
    county: string;
    year: number | null;
    value: number | null;
    reports: number | null;
    synthetic: number | null;
  }>(
    `WITH u AS (${unitsSql(db, frame.level, townScope.sql)})
     SELECT u.unit AS town_key, ${frame.level === 'town' ? 'u.name' : 'u.unit'} AS town, u.county, CAST(r.year AS INTEGER) AS year, r.value,
            r.reports, r.synthetic_reports AS synthetic
     FROM u LEFT JOIN (${unitYearValuesSql(db, frame.level, expr, `year BETWEEN ? AND ?${scope.sql}`)}) r ON r.unit = u.unit
     ORDER BY u.ord, r.year`,
    [...townScope.params, from, to, ...scope.params],
  );
  labelAreas(rows, frame.level);
  const byTown = new Map<string, TrendSeries>();
  for (const r of rows) {
    let s = byTown.get(r.town_key);
    if (!s) {
      s = { town_key: r.town_key, town: r.town, points: [], reports: 0, synthetic: 0 };
      for (let year = from; year <= to; year++) s.points.push({ year, value: null });
      byTown.set(r.town_key, s);
    }
    if (r.year !== null) {
      s.points[r.year - from]!.value = r.value;
      s.reports += r.reports ?? 0;
      s.synthetic += r.synthetic ?? 0;
    }
  }
  return [...byTown.values()];
}

export function countyTrend<K extends string>(db: Store, ids: readonly K[], from: number, to: number, scope: Scope) {
  return totalsByYear(db, from, to, scope, Object.fromEntries(ids.map((id) => [id, m(id)])) as Record<K, Expr>);
}

export function trainingByTown(db: Store, year: number, frame: Frame) {
  return perTown(db, year, frame, { sessions: metricExpr('train_sessions'), people: metricExpr('train_people') });
}
export type TrainingRow = Awaited<ReturnType<typeof trainingByTown>>[number];

/** Outcome groups of table 三 (总计 column): each the sum of its stated rows. */
const OUTCOME_COLUMNS = Object.fromEntries(OUTCOME_GROUPS.map((g) => [g.id, sumOf(g.rows.map((r) => t3Id(r, 'total')))])) as Record<
  'open' | 'partial' | 'deny' | 'unable' | 'reject' | 'other',
  Expr
>;
const APPLICANT_COLUMNS = Object.fromEntries(T3_APPLICANT_COLUMNS.map((c) => [`by_${c}`, metricExpr(t3Id('new', c))])) as Record<
  'by_person' | 'by_business' | 'by_research' | 'by_ngo' | 'by_legal' | 'by_org_other',
  Expr
>;

export function applicationsByTown(db: Store, year: number, frame: Frame) {
  return perTown(db, year, frame, {
    received: metricExpr(t3Id('new', 'total')),
    carried_in: metricExpr(t3Id('carried_in', 'total')),
    carried_out: metricExpr(t3Id('carried_out', 'total')),
    handled: metricExpr(t3Id('total', 'total')),
    ...OUTCOME_COLUMNS,
    ...APPLICANT_COLUMNS,
  });
}
/** The columns of applicationTotals, all present in applicationsByTown rows as well. */
export const APPLICATION_TOTAL_KEYS = [
  'received',
  'carried_in',
  'carried_out',
  'handled',
  ...(Object.keys(OUTCOME_COLUMNS) as (keyof typeof OUTCOME_COLUMNS)[]),
  ...(Object.keys(APPLICANT_COLUMNS) as (keyof typeof APPLICANT_COLUMNS)[]),
] as const;
export type ApplicationsRow = Awaited<ReturnType<typeof applicationsByTown>>[number];

/** County mix of outcomes and applicant types, and received applications, per year. */
export function applicationTotals(db: Store, from: number, to: number, scope: Scope) {
  return totalsByYear(db, from, to, scope, {
    received: metricExpr(t3Id('new', 'total')),
    carried_in: metricExpr(t3Id('carried_in', 'total')),
    carried_out: metricExpr(t3Id('carried_out', 'total')),
    handled: metricExpr(t3Id('total', 'total')),
    ...OUTCOME_COLUMNS,
    ...APPLICANT_COLUMNS,
  });
}
export type ApplicationTotals = Awaited<ReturnType<typeof applicationTotals>>[number];

type ResultKey = (typeof T4_COLUMNS)[number]['id'];
const REVIEW_COLUMNS = Object.fromEntries(
  T4_COLUMNS.flatMap((c) => [
    [`review_${c.id}`, metricExpr(t4Id('review', c.id))],
    [`suit_${c.id}`, sumOf([t4Id('suit_direct', c.id), t4Id('suit_after_review', c.id)])],
  ]),
) as Record<`review_${ResultKey}` | `suit_${ResultKey}`, Expr>;

/** 行政复议 and 行政诉讼 (both kinds together) by result, per town. */
export function reviewByTown(db: Store, year: number, frame: Frame) {
  return perTown(db, year, frame, REVIEW_COLUMNS);
}
export type ReviewRow = Awaited<ReturnType<typeof reviewByTown>>[number];

export function reviewTotals(db: Store, from: number, to: number, scope: Scope) {
  return totalsByYear(db, from, to, scope, REVIEW_COLUMNS);
}
export type ReviewTotals = Awaited<ReturnType<typeof reviewTotals>>[number];

/** A town's headline measures across every year it reported. */
export const HISTORY_MEASURES = ['pub_volume', 'train_sessions', 'train_people', 'apps_received', 'review_cases', 'suit_cases'] as const;

export async function townHistory(db: Store, townKey: string, from: number, to: number) {
  const rows = await totalsByYear(
    db,
    from,
    to,
    { within: null, towns: [townKey] },
    Object.fromEntries(HISTORY_MEASURES.map((id) => [id, m(id)])) as Record<(typeof HISTORY_MEASURES)[number], Expr>,
  );
  return rows;
}
export type TownHistoryRow = Awaited<ReturnType<typeof townHistory>>[number];

export type { TownRow };

/** Reports (and synthetic ones) in scope per year, for the source line of range charts. */
export function scopeCounts(db: Store, from: number, to: number, scope: Scope) {
  return totalsByYear(db, from, to, scope, {});
}
