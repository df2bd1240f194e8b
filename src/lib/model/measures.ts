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
  /** a / b; empty when either is empty or b is 0 */
  | { op: 'ratio'; num: Expr; den: Expr };

export interface Measure {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  /** how empty values are treated, in Chinese, shown beside the measure */
  readonly rule: string;
  readonly expr: Expr;
}

export const metricExpr = (id: string): Expr => {
  if (!isMetricId(id)) throw new Error(`未知指标：${id}`);
  return { op: 'metric', id };
};

const channelIds = PUBLICATION_CHANNELS.flatMap((c) => c.metrics);

/** Named derived measures. */
export const MEASURES: readonly Measure[] = [
  {
    id: 'pub_volume',
    label: '主动公开总量',
    unit: '条',
    rule: '报告写明主动公开信息总数时取总数，否则为各渠道（网站、新媒体、公开栏、其他）已填数之和；各项均未填为未报告。',
    expr: { op: 'coalesce', args: [metricExpr('pub_total'), { op: 'sumStated', args: channelIds.map(metricExpr) }] },
  },
];

const BY_ID = new Map(MEASURES.map((m) => [m.id, m]));

/** A derived measure, or a catalogue metric seen as a measure. */
export function measure(id: string): Measure {
  const d = BY_ID.get(id);
  if (d) return d;
  const m = metric(id);
  return { id: m.id, label: m.label, unit: m.unit, rule: '未填为未报告。', expr: metricExpr(m.id) };
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
    case 'ratio': {
      const n = evaluate(expr.num, r);
      const d = evaluate(expr.den, r);
      return n === null || d === null || d === 0 ? null : n / d;
    }
  }
}

/** Quote a catalogue id as a SQL identifier. Throws for anything that is not in the catalogue. */
export function sqlIdent(id: string): string {
  if (!isMetricId(id)) throw new Error(`不是目录中的指标，不能作为列名：${id}`);
  return `"${id}"`;
}

/** Compile to a SQL expression over the `reports` table; the result is DOUBLE or NULL. */
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
    case 'ratio':
      return `(${toSql(expr.num)} / NULLIF(${toSql(expr.den)}, 0))`;
  }
}
