/**
 * What the dashboard shows: the embedded reports and the imported ones. Imported data either sits
 * beside the embedded data (an imported report replaces an embedded one with the same identity,
 * because the user chose so when importing it) or replaces it entirely (仅使用导入数据).
 * Pure functions, so that every import decision is tested as data.
 */
import { METRICS } from '../model/catalogue.ts';
import { reportKey, type Report } from '../model/report.ts';

export interface ImportedData {
  /** accepted imported reports, one per identity */
  reports: Report[];
  /** show only imported data, not the embedded demonstration data */
  onlyImported: boolean;
}

export const NO_IMPORTS: ImportedData = { reports: [], onlyImported: false };

export function compose(embedded: readonly Report[], imported: ImportedData): Report[] {
  if (imported.onlyImported) return [...imported.reports];
  const replaced = new Set(imported.reports.map(reportKey));
  return [...embedded.filter((r) => !replaced.has(reportKey(r))), ...imported.reports];
}

export interface Conflict {
  key: string;
  existing: Report;
  incoming: Report;
}

/**
 * What to do with an incoming report whose town and year are already shown:
 * - 'keep': 保留原有 — the report shown stays as it is;
 * - 'merge': 更新已填写的单元格 — each value the file states replaces the one shown; a cell left
 *   empty (or 未报告) in the file keeps the value shown;
 * - 'replace': 整份替换 — the incoming report as it is: a cell empty in the file becomes 未报告.
 */
export type Decision = 'keep' | 'merge' | 'replace';

/**
 * The decision for a conflict nobody decided: 更新已填写的单元格. A clerk who fills some cells of
 * the template for some towns expects those cells to change and nothing else; it never empties a
 * value, and the review lists every change (old → new) before anything is loaded.
 */
export const DEFAULT_DECISION: Decision = 'merge';

/** The same values: every metric (empty is empty, not 0), the layout and the 示例数据 flag. The source does not count. */
export function sameValues(a: Report, b: Report): boolean {
  if (a.layout !== b.layout || a.synthetic !== b.synthetic) return false;
  for (const m of METRICS) if ((a.metrics[m.id] ?? null) !== (b.metrics[m.id] ?? null)) return false;
  return true;
}

/** The source of a merged report: both, once each (`原来源；文件名`). */
export function mergeSource(existing: string, incoming: string): string {
  return existing === incoming || existing.split('；').includes(incoming) ? existing : `${existing}；${incoming}`;
}

/**
 * 更新已填写的单元格: the incoming report's identity and every value it states, the existing
 * report's values where it states none; its layout unless it has none; 示例数据 when either is
 * (values from demonstration data remain in it); both sources.
 */
export function mergeReport(existing: Report, incoming: Report): Report {
  const metrics: Record<string, number | null> = {};
  for (const m of METRICS) {
    const v = incoming.metrics[m.id] ?? existing.metrics[m.id] ?? null;
    if (v !== null) metrics[m.id] = v;
  }
  return {
    ...incoming,
    layout: incoming.layout ?? existing.layout,
    source: mergeSource(existing.source, incoming.source),
    synthetic: existing.synthetic || incoming.synthetic,
    metrics,
  };
}

/** Whether merging `incoming` into `existing` changes anything but the source. */
export function mergeChanges(existing: Report, incoming: Report): boolean {
  return !sameValues(existing, mergeReport(existing, incoming));
}

/**
 * Incoming reports whose identity is already shown, except those with the same values
 * (sameValues): they are not offered, and not loaded (sameAsShown lists them).
 */
export function findConflicts(shown: readonly Report[], incoming: readonly Report[]): Conflict[] {
  const byKey = new Map(shown.map((r) => [reportKey(r), r]));
  return incoming.flatMap((r) => {
    const existing = byKey.get(reportKey(r));
    return existing && !sameValues(existing, r) ? [{ key: reportKey(r), existing, incoming: r }] : [];
  });
}

/** Keys of the incoming reports that are already shown with the same values. */
export function sameAsShown(shown: readonly Report[], incoming: readonly Report[]): string[] {
  const byKey = new Map(shown.map((r) => [reportKey(r), r]));
  return incoming.flatMap((r) => {
    const existing = byKey.get(reportKey(r));
    return existing && sameValues(existing, r) ? [reportKey(r)] : [];
  });
}

/** What an import does with each incoming report, counted. */
export interface ImportCounts {
  /** not shown before */
  added: number;
  /** 整份替换 */
  replaced: number;
  /** 更新已填写的单元格, where that changes something */
  merged: number;
  /** 保留原有 */
  kept: number;
  /** 更新已填写的单元格 that changes nothing: the cells filled in hold the values shown */
  unchanged: number;
  /** the same values as the report shown: not offered, not loaded */
  same: number;
}

/** The reports an import loads: those added, replaced or merged. */
export const loadedCount = (c: ImportCounts): number => c.added + c.replaced + c.merged;

type Fate = keyof ImportCounts;

/** What becomes of one incoming report, given the report shown with its identity (if any). */
function fateOf(existing: Report | undefined, r: Report, decision: Decision | undefined): Fate {
  if (!existing) return 'added';
  if (sameValues(existing, r)) return 'same';
  const d = decision ?? DEFAULT_DECISION;
  if (d === 'keep') return 'kept';
  if (d === 'replace') return 'replaced';
  return mergeChanges(existing, r) ? 'merged' : 'unchanged';
}

/**
 * The imported data after accepting `incoming`: a report not shown yet is added; one shown with
 * the same values is skipped; any other is kept, merged or replaced as decided (no decision:
 * DEFAULT_DECISION). With `onlyImported`, the embedded data is no longer shown, so it cannot
 * conflict.
 */
export function acceptImport(
  embedded: readonly Report[],
  current: ImportedData,
  incoming: readonly Report[],
  decisions: ReadonlyMap<string, Decision>,
  onlyImported: boolean,
): ImportedData {
  const next: ImportedData = { reports: [...current.reports], onlyImported };
  const shown = new Map(compose(embedded, next).map((r) => [reportKey(r), r]));
  const importedKeys = new Map(next.reports.map((r, i) => [reportKey(r), i]));
  for (const r of incoming) {
    const key = reportKey(r);
    const existing = shown.get(key);
    const fate = fateOf(existing, r, decisions.get(key));
    if (fate !== 'added' && fate !== 'replaced' && fate !== 'merged') continue;
    const taken = fate === 'merged' ? mergeReport(existing!, r) : r;
    const at = importedKeys.get(key);
    if (at !== undefined) next.reports[at] = taken;
    else {
      importedKeys.set(key, next.reports.length);
      next.reports.push(taken);
    }
  }
  return next;
}

/** How acceptImport treats each incoming report, counted. */
export function countImport(
  embedded: readonly Report[],
  current: ImportedData,
  incoming: readonly Report[],
  decisions: ReadonlyMap<string, Decision>,
  onlyImported: boolean,
): ImportCounts {
  const counts: ImportCounts = { added: 0, replaced: 0, merged: 0, kept: 0, unchanged: 0, same: 0 };
  const shown = new Map(compose(embedded, { reports: current.reports, onlyImported }).map((r) => [reportKey(r), r]));
  for (const r of incoming) counts[fateOf(shown.get(reportKey(r)), r, decisions.get(reportKey(r)))]++;
  return counts;
}
