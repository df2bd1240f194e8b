/**
 * 数据质量: consistency findings summarised per town, and the years a town has no report at all.
 */
import { townKey, type Report } from './report.ts';
import type { Finding } from './rules.ts';

export interface TownFindings {
  town_key: string;
  town: string;
  errors: number;
  warnings: number;
  total: number;
}

export interface TownRef {
  town_key: string;
  town: string;
}

/** Every town in official order, with its number of findings; most findings first. */
export function findingsByTown(findings: readonly Finding[], towns: readonly TownRef[]): TownFindings[] {
  const count = new Map<string, { errors: number; warnings: number }>();
  for (const f of findings) {
    const c = count.get(townKey(f)) ?? { errors: 0, warnings: 0 };
    if (f.severity === 'error') c.errors++;
    else c.warnings++;
    count.set(townKey(f), c);
  }
  return towns
    .map((t, order) => {
      const c = count.get(t.town_key) ?? { errors: 0, warnings: 0 };
      return { row: { town_key: t.town_key, town: t.town, ...c, total: c.errors + c.warnings }, order };
    })
    .sort((a, b) => b.row.total - a.row.total || b.row.errors - a.row.errors || a.order - b.order)
    .map((x) => x.row);
}

/** Towns with years in [from, to] for which they have no report at all. */
export function missingReports(towns: readonly TownRef[], reports: readonly Report[], from: number, to: number): (TownRef & { years: number[] })[] {
  const have = new Set(reports.map((r) => `${townKey(r)}@${r.year}`));
  return towns
    .map((t) => {
      const years: number[] = [];
      for (let y = from; y <= to; y++) if (!have.has(`${t.town_key}@${y}`)) years.push(y);
      return { ...t, years };
    })
    .filter((t) => t.years.length > 0);
}
