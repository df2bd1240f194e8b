/**
 * What the dashboard shows: the embedded reports and the imported ones. Imported data either sits
 * beside the embedded data (an imported report replaces an embedded one with the same identity,
 * because the user chose so when importing it) or replaces it entirely (仅使用导入数据).
 * Pure functions, so that every import decision is tested as data.
 */
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

/** Incoming reports whose identity is already shown. */
export function findConflicts(shown: readonly Report[], incoming: readonly Report[]): Conflict[] {
  const byKey = new Map(shown.map((r) => [reportKey(r), r]));
  return incoming.flatMap((r) => {
    const existing = byKey.get(reportKey(r));
    return existing ? [{ key: reportKey(r), existing, incoming: r }] : [];
  });
}

export type Decision = 'keep' | 'replace';

/**
 * The imported data after accepting `incoming`: a conflicting report is added only when its
 * decision is 'replace' (no decision means keep: nothing is overwritten without being asked).
 * With `onlyImported`, the embedded data is no longer shown, so it cannot conflict.
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
    if (shown.has(key) && decisions.get(key) !== 'replace') continue;
    const at = importedKeys.get(key);
    if (at !== undefined) next.reports[at] = r;
    else {
      importedKeys.set(key, next.reports.length);
      next.reports.push(r);
    }
  }
  return next;
}
