/**
 * Derived measures: named definitions built from catalogue metrics, each with its rule for empty
 * values. A measure is a small expression that can both be evaluated on a Report (pure JS) and
 * compiled to a SQL expression over the `reports` table, so the two can never disagree.
 */
import { isMetricId, metric } from './catalogue.ts';
import type { Report } from './report.ts';
import { PUBLICATION_CHANNELS } from './groupings.ts';

export type Expr =
  /** a catalogue metric; empty stays empty */
  | { op: 'metric'; id: string }
  /** the first non-empty of its arguments */
  | { op: 'coalesce'; args: readonly Expr[] }
  /** the sum of the stated arguments; empty only when every argument is empty */
  | { op: 'sumStated'; args: readonly Expr[] }
  /** `then` when every one of `none` is empty, else empty (a total stated without any channel) */
  | { op: 'ifNone'; none: readonly Expr[]; then: Expr }
  /**
   * a / b; empty when either is empty; NaN (not computable, shown as "—" and ranked after the
   * values) when b is 0: a town that received no application has reported, it has no 公开率
   */
  | { op: 'ratio'; num: Expr; den: Expr };

export type MeasureFormat = 'count' | 'amount' | 'percent';

export interface Measure {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  /** how values are shown: counts, 万元 amounts, or a ratio shown as a percentage */
  readonly format: MeasureFormat;
  /** how empty values are treated, in Chinese, shown beside the measure */
  readonly rule: string;
  readonly expr: Expr;
  /** for a ratio: why it has no value when its denominator is 0, e.g. 无申请 (shown beside "—") */
  readonly noBase?: string;
}

export const metricExpr = (id: string): Expr => {
  if (!isMetricId(id)) throw new Error(`未知指标：${id}`);
  return { op: 'metric', id };
};

const channelIds = PUBLICATION_CHANNELS.flatMap((c) => c.metrics);
const sumOf = (...ids: string[]): Expr => ({ op: 'sumStated', args: ids.map(metricExpr) });
const RATIO_RULE =
  '分子或分母未填时为未报告；分母为 0 时显示“—”（已报告，但没有可计算的比率），排在有数值的单位之后、未报告之前。合计时为各镇街分子之和除以分母之和（只计两者都已填的镇街）。';

/** Named derived measures. */
export const MEASURES: readonly Measure[] = [
  {
    id: 'pub_volume',
    label: '主动公开总量',
    unit: '条',
    format: 'count',
    rule: '报告写明主动公开信息总数时取总数，否则为各渠道（网站、新媒体、公开栏、其他）已填数之和；各项均未填为未报告。',
    expr: { op: 'coalesce', args: [metricExpr('pub_total'), { op: 'sumStated', args: channelIds.map(metricExpr) }] },
  },
  {
    id: 'apps_received',
    label: '本年新收申请',
    unit: '件',
    format: 'count',
    rule: '表三「本年新收政府信息公开申请数量」总计列；未填为未报告。',
    expr: metricExpr('t3_new_total'),
  },
  {
    id: 'apps_handled',
    label: '办理申请',
    unit: '件',
    format: 'count',
    rule: '表三「办理结果·总计」总计列；未填为未报告。',
    expr: metricExpr('t3_total_total'),
  },
  {
    id: 'open_rate',
    label: '公开率',
    unit: '%',
    format: 'percent',
    rule: `（予以公开 + 部分公开）÷ 办理总计。${RATIO_RULE}`,
    noBase: '无办理的申请',
    expr: { op: 'ratio', num: sumOf('t3_open_total', 't3_partial_total'), den: metricExpr('t3_total_total') },
  },
  {
    id: 'review_cases',
    label: '行政复议案件',
    unit: '件',
    format: 'count',
    rule: '表四「行政复议·总计」；未填为未报告。',
    expr: metricExpr('t4_review_total'),
  },
  {
    id: 'suit_cases',
    label: '行政诉讼案件',
    unit: '件',
    format: 'count',
    rule: '表四两类行政诉讼（未经复议直接起诉、复议后起诉）总计之和；都未填为未报告。',
    expr: sumOf('t4_suit_direct_total', 't4_suit_after_review_total'),
  },
  {
    id: 'review_correction_rate',
    label: '复议纠错率',
    unit: '%',
    format: 'percent',
    rule: `行政复议「结果纠正」÷「总计」。${RATIO_RULE}`,
    noBase: '无复议案件',
    expr: { op: 'ratio', num: metricExpr('t4_review_corrected'), den: metricExpr('t4_review_total') },
  },
  {
    id: 'suit_correction_rate',
    label: '诉讼纠错率',
    unit: '%',
    format: 'percent',
    rule: `两类行政诉讼「结果纠正」之和 ÷「总计」之和。${RATIO_RULE}`,
    noBase: '无诉讼案件',
    expr: {
      op: 'ratio',
      num: sumOf('t4_suit_direct_corrected', 't4_suit_after_review_corrected'),
      den: sumOf('t4_suit_direct_total', 't4_suit_after_review_total'),
    },
  },
];

/** Measures offered first in pickers: the derived ones and the headline catalogue metrics. */
export const COMMON_MEASURE_IDS: readonly string[] = [
  'pub_volume',
  'pub_website',
  'pub_newmedia',
  'pub_board',
  'train_sessions',
  'train_people',
  'apps_received',
  'apps_handled',
  'open_rate',
  'review_cases',
  'suit_cases',
  'review_correction_rate',
  'suit_correction_rate',
];

const BY_ID = new Map(MEASURES.map((m) => [m.id, m]));

/** A derived measure, or a catalogue metric seen as a measure. */
export function measure(id: string): Measure {
  const d = BY_ID.get(id);
  if (d) return d;
  const m = metric(id);
  return {
    id: m.id,
    label: m.section === 'narrative' ? m.label : m.short,
    unit: m.unit,
    format: m.kind === 'amount' ? 'amount' : 'count',
    rule: `「${m.label}」，未填为未报告。`,
    expr: metricExpr(m.id),
  };
}

export function isMeasureId(id: string): boolean {
  return BY_ID.has(id) || isMetricId(id);
}

export function evaluate(expr: Expr, r: Report): number | null {
  switch (expr.op) {
    case 'metric': {
      const v = r.metrics[expr.id];
      return v === undefined ? null : v;
    }
    case 'coalesce': {
      for (const a of expr.args) {
        const v = evaluate(a, r);
        if (v !== null) return v;
      }
      return null;
    }
    case 'sumStated': {
      let sum: number | null = null;
      for (const a of expr.args) {
        const v = evaluate(a, r);
        if (v !== null) sum = (sum ?? 0) + v;
      }
      return sum;
    }
    case 'ifNone':
      return expr.none.every((a) => evaluate(a, r) === null) ? evaluate(expr.then, r) : null;
    case 'ratio': {
      const n = evaluate(expr.num, r);
      const d = evaluate(expr.den, r);
      if (n === null || d === null) return null;
      return d === 0 ? NaN : n / d;
    }
  }
}

/** Quote a catalogue id as a SQL identifier. Throws for anything that is not in the catalogue. */
export function sqlIdent(id: string): string {
  if (!isMetricId(id)) throw new Error(`不是目录中的指标，不能作为列名：${id}`);
  return `"${id}"`;
}

/** A ratio over a zero denominator, in SQL (see `Expr`'s ratio). */
export const SQL_NAN = "CAST('NaN' AS DOUBLE)";

/** Whether a value is a ratio without a base (denominator 0): shown as "—", never 未报告. */
export const isNoBase = (v: number | null | undefined): boolean => typeof v === 'number' && Number.isNaN(v);

/** A value that takes part in a ranking: stated and computable. */
export const isRankable = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Compile to a SQL expression over the `reports` table; the result is DOUBLE (NaN: see `Expr`) or NULL. */
export function toSql(expr: Expr): string {
  switch (expr.op) {
    case 'metric':
      return `CAST(${sqlIdent(expr.id)} AS DOUBLE)`;
    case 'coalesce':
      return `COALESCE(${expr.args.map(toSql).join(', ')})`;
    case 'sumStated': {
      const parts = expr.args.map(toSql);
      const allEmpty = parts.map((p) => `${p} IS NULL`).join(' AND ');
      return `(CASE WHEN ${allEmpty} THEN NULL ELSE ${parts.map((p) => `COALESCE(${p}, 0)`).join(' + ')} END)`;
    }
    case 'ifNone':
      return `(CASE WHEN ${expr.none.map((a) => `${toSql(a)} IS NULL`).join(' AND ')} THEN ${toSql(expr.then)} END)`;
    case 'ratio': {
      const n = toSql(expr.num);
      const d = toSql(expr.den);
      return `(CASE WHEN ${n} IS NULL OR ${d} IS NULL THEN NULL WHEN ${d} = 0 THEN ${SQL_NAN} ELSE ${n} / ${d} END)`;
    }
  }
}

/** The columns an expression reads. */
export function exprMetrics(expr: Expr): string[] {
  switch (expr.op) {
    case 'metric':
      return [expr.id];
    case 'coalesce':
    case 'sumStated':
      return expr.args.flatMap(exprMetrics);
    case 'ifNone':
      return [...expr.none.flatMap(exprMetrics), ...exprMetrics(expr.then)];
    case 'ratio':
      return [...exprMetrics(expr.num), ...exprMetrics(expr.den)];
  }
}

/**
 * The total of a measure over many reports (a county total), as the totals query computes it:
 * sums over the reports that state a value; a ratio as the sum of numerators over the sum of
 * denominators, counting only reports that state both (NaN when those denominators add up to 0).
 * Null when no report states it.
 */
export function aggregate(expr: Expr, reports: readonly Report[]): number | null {
  if (expr.op !== 'ratio') {
    const vals = reports.map((r) => evaluate(expr, r)).filter((v): v is number => v !== null);
    return vals.length === 0 ? null : vals.reduce((a, b) => a + b, 0);
  }
  let n = 0;
  let d = 0;
  let any = false;
  for (const r of reports) {
    const a = evaluate(expr.num, r);
    const b = evaluate(expr.den, r);
    if (a === null || b === null) continue;
    any = true;
    n += a;
    d += b;
  }
  if (!any) return null;
  return d === 0 ? NaN : n / d;
}
