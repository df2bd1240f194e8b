/**
 * compose.ts for reports held as columns (src/lib/ingest/columns.ts): the same decisions, without
 * a Report object per report, so that a country's imported reports can be composed, checked for
 * conflicts and accepted. compose.test.ts and compose-columns.test.ts check that both agree.
 */
import { EMPTY_SET, concatParts, emptyColumns, isValid, metricAt, pushIdentity, setMetric, trimColumns, type ReportColumns, type ReportSet, type SetPart } from '../ingest/columns.ts';
import type { Identity } from '../ingest/record.ts';
import type { ApproximateMarks } from '../db/approximate.ts';
import type { LoadPart } from '../db/reports-table.ts';
import { METRICS } from '../model/catalogue.ts';
import { DEFAULT_DECISION, mergeSource, type Decision, type ImportCounts } from './compose.ts';

export interface ImportedSet {
  /** accepted imported reports, one per identity */
  reports: ReportSet;
  /** show only imported data, not the embedded demonstration data */
  onlyImported: boolean;
  /**
   * by report key: the metrics whose value the report states approximately (一百余条, 约 300 人次),
   * kept as stated and marked wherever shown (absent: none)
   */
  approximate?: ApproximateMarks;
}

/**
 * The approximate marks after an import: a report added or replaced brings its own marks (none
 * when it has none); a report merged keeps the marks of the cells the import left as they were and
 * takes the import's for the cells it filled; other reports keep theirs.
 */
export function acceptApproximate(current: ApproximateMarks | undefined, incoming: ReportSet, plan: ImportPlan, marks: ApproximateMarks): ApproximateMarks | undefined {
  if (!current?.size && marks.size === 0) return current;
  const out = new Map(current ?? []);
  const metricIndex = new Map(METRICS.map((m, k) => [m.id, k]));
  for (let i = 0; i < plan.fate.length; i++) {
    const f = plan.fate[i];
    const key = incoming.keys[i]!;
    const own = marks.get(key) ?? [];
    if (f === Fate.Added || f === Fate.Replaced) {
      if (own.length > 0) out.set(key, own);
      else out.delete(key);
    } else if (f === Fate.Merged) {
      const filled = (id: string) => metricAt(incoming.columns, metricIndex.get(id)!, i) !== null;
      const kept = (out.get(key) ?? []).filter((id) => !filled(id));
      const next = [...new Set([...kept, ...own])];
      if (next.length > 0) out.set(key, next);
      else out.delete(key);
    }
  }
  return out.size > 0 ? out : undefined;
}

export const NO_IMPORTED: ImportedSet = { reports: EMPTY_SET, onlyImported: false };

function keySet(s: ReportSet): Set<string> {
  return new Set(s.keys);
}

/** The reports shown, as parts to load: embedded ones not replaced by an import, then the imported ones. */
export function composeParts(embedded: ReportSet, imported: ImportedSet): LoadPart[] {
  const parts: LoadPart[] = [];
  if (!imported.onlyImported) {
    const replaced = keySet(imported.reports);
    const rows: number[] = [];
    embedded.keys.forEach((k, i) => {
      if (!replaced.has(k)) rows.push(i);
    });
    if (rows.length === embedded.keys.length) parts.push({ set: embedded, origin: 'embedded' });
    else if (rows.length > 0) parts.push({ set: embedded, rows: Int32Array.from(rows), origin: 'embedded' });
  }
  if (imported.reports.keys.length > 0) parts.push({ set: imported.reports, origin: 'imported' });
  return parts;
}

/** Row i of a set's identity. */
export function identityAt(s: ReportSet, i: number): Identity {
  const c = s.columns;
  return { county: c.county[i]!, town: c.town[i]!, town_code: c.town_code[i]!, year: c.year[i]!, layout: c.layout[i]!, source: c.source[i]!, synthetic: c.synthetic[i] === 1 };
}

/** Where a report is: a set and its row. */
export interface At {
  set: ReportSet;
  row: number;
}

/** An incoming report whose identity is shown with other values. */
export interface IdentityConflict {
  key: string;
  existing: Identity;
  incoming: Identity;
  /** the report shown */
  at: At;
  /** its row in the incoming set */
  row: number;
  /** whether 更新已填写的单元格 changes anything (a value filled in differs, or the layout, or 示例数据) */
  mergeChanges: boolean;
}

/** Where each shown report is: by key, its set and row (imported reports replace embedded ones). */
export function shownIndex(embedded: ReportSet, imported: ImportedSet): Map<string, At> {
  const out = new Map<string, At>();
  if (!imported.onlyImported) embedded.keys.forEach((k, row) => out.set(k, { set: embedded, row }));
  imported.reports.keys.forEach((k, row) => out.set(k, { set: imported.reports, row }));
  return out;
}

/** Row i of `a` and row j of `b` have the same values, layout and 示例数据 flag (compose.ts sameValues). */
export function sameValuesAt(a: ReportColumns, i: number, b: ReportColumns, j: number): boolean {
  if (a.layout[i] !== b.layout[j] || a.synthetic[i] !== b.synthetic[j]) return false;
  for (let m = 0; m < METRICS.length; m++) {
    const x = a.metrics[m]!;
    const y = b.metrics[m]!;
    const vx = isValid(x.valid, i);
    if (vx !== isValid(y.valid, j) || (vx && x.values[i] !== y.values[j])) return false;
  }
  return true;
}

/** Whether merging row j of `incoming` into row i of `existing` changes anything but the source (compose.ts mergeChanges). */
function mergeChangesAt(existing: ReportColumns, i: number, incoming: ReportColumns, j: number): boolean {
  const layout = incoming.layout[j];
  if (layout !== null && layout !== existing.layout[i]) return true;
  if (incoming.synthetic[j] === 1 && existing.synthetic[i] === 0) return true;
  for (let m = 0; m < METRICS.length; m++) {
    const y = incoming.metrics[m]!;
    if (!isValid(y.valid, j)) continue;
    const x = existing.metrics[m]!;
    if (!isValid(x.valid, i) || x.values[i] !== y.values[j]) return true;
  }
  return false;
}

/** Incoming reports against those shown: the conflicts, and the reports shown with the same values. */
export interface ConflictScan {
  /** incoming reports shown with other values (findConflicts) */
  conflicts: IdentityConflict[];
  /** how many incoming reports are shown with the same values (sameAsShown): not offered, not loaded */
  same: number;
  /** per incoming row: its index in `conflicts`, SAME when shown with the same values, NOT_SHOWN */
  at: Int32Array;
}

export const NOT_SHOWN = -1;
export const SAME = -2;

/** Incoming reports whose identity is already shown (findConflicts, sameAsShown). */
export function findSetConflicts(shown: ReadonlyMap<string, At>, incoming: ReportSet): ConflictScan {
  const conflicts: IdentityConflict[] = [];
  const at = new Int32Array(incoming.keys.length).fill(NOT_SHOWN);
  let same = 0;
  incoming.keys.forEach((key, i) => {
    const where = shown.get(key);
    if (!where) return;
    if (sameValuesAt(where.set.columns, where.row, incoming.columns, i)) {
      at[i] = SAME;
      same++;
      return;
    }
    at[i] = conflicts.length;
    conflicts.push({
      key,
      existing: identityAt(where.set, where.row),
      incoming: identityAt(incoming, i),
      at: where,
      row: i,
      mergeChanges: mergeChangesAt(where.set.columns, where.row, incoming.columns, i),
    });
  });
  return { conflicts, same, at };
}

/** What becomes of each incoming report (ImportCounts' fields). */
export const Fate = { Added: 0, Replaced: 1, Merged: 2, Kept: 3, Unchanged: 4, Same: 5 } as const;
export type Fate = (typeof Fate)[keyof typeof Fate];

/** An import's outcome before it is loaded: each incoming report's fate, and the counts. */
export interface ImportPlan {
  /** per incoming row */
  fate: Uint8Array;
  counts: ImportCounts;
}

/** The plan for `incoming` (scanned against the reports shown) under `decisions` (countImport). */
export function planImport(incoming: ReportSet, scan: ConflictScan, decisions: ReadonlyMap<string, Decision>): ImportPlan {
  const n = incoming.keys.length;
  const fate = new Uint8Array(n);
  const counts: ImportCounts = { added: 0, replaced: 0, merged: 0, kept: 0, unchanged: 0, same: 0 };
  for (let i = 0; i < n; i++) {
    const c = scan.at[i]!;
    let f: Fate;
    if (c === NOT_SHOWN) f = Fate.Added;
    else if (c === SAME) f = Fate.Same;
    else {
      const conflict = scan.conflicts[c]!;
      const d = decisions.get(conflict.key) ?? DEFAULT_DECISION;
      f = d === 'keep' ? Fate.Kept : d === 'replace' ? Fate.Replaced : conflict.mergeChanges ? Fate.Merged : Fate.Unchanged;
    }
    fate[i] = f;
    if (f === Fate.Added) counts.added++;
    else if (f === Fate.Replaced) counts.replaced++;
    else if (f === Fate.Merged) counts.merged++;
    else if (f === Fate.Kept) counts.kept++;
    else if (f === Fate.Unchanged) counts.unchanged++;
    else counts.same++;
  }
  return { fate, counts };
}

/** The scan of `incoming` against what is shown once the import is loaded with `onlyImported`. */
export const scanImport = (embedded: ReportSet, current: ImportedSet, incoming: ReportSet, onlyImported: boolean): ConflictScan =>
  findSetConflicts(shownIndex(embedded, { reports: current.reports, onlyImported }), incoming);

/**
 * Whether the incoming report in row `row` is loaded as it was read (added or 整份替换): only
 * those can take their values from DuckDB's own reading of the file (db/stage.ts stageFor).
 */
export const takenAsRead = (plan: ImportPlan) => (_key: string, row: number): boolean => plan.fate[row] === Fate.Added || plan.fate[row] === Fate.Replaced;

/** The merged rows (mergeReport), one per incoming row of `rows`, in that order. */
export function mergeRows(incoming: ReportSet, scan: ConflictScan, rows: readonly number[]): ReportSet {
  const out = emptyColumns(rows.length);
  const keys: string[] = [];
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const { set, row } = scan.conflicts[scan.at[i]!]!.at;
    const e = set.columns;
    const c = incoming.columns;
    pushIdentity(out, {
      county: c.county[i]!,
      town: c.town[i]!,
      town_code: c.town_code[i]!,
      year: c.year[i]!,
      layout: c.layout[i] ?? e.layout[row]!,
      source: mergeSource(e.source[row]!, c.source[i]!),
      synthetic: c.synthetic[i] === 1 || e.synthetic[row] === 1,
    });
    for (let m = 0; m < METRICS.length; m++) {
      const v = metricAt(c, m, i) ?? metricAt(e, m, row);
      if (v !== null) setMetric(out, m, k, v);
    }
    keys.push(incoming.keys[i]!);
  }
  return { columns: trimColumns(out), keys };
}

/** acceptImport for sets: the same reports in the same order. */
export function acceptImportSet(
  embedded: ReportSet,
  current: ImportedSet,
  incoming: ReportSet,
  decisions: ReadonlyMap<string, Decision>,
  onlyImported: boolean,
  scan: ConflictScan = scanImport(embedded, current, incoming, onlyImported),
  plan: ImportPlan = planImport(incoming, scan, decisions),
): ImportedSet {
  const { fate } = plan;
  const takenRows: number[] = [];
  const mergedRows: number[] = [];
  for (let i = 0; i < fate.length; i++) {
    if (fate[i] === Fate.Added || fate[i] === Fate.Replaced) takenRows.push(i);
    else if (fate[i] === Fate.Merged) mergedRows.push(i);
  }
  // incoming sets are one report per identity (mergeSets): then no report replaces another of them
  const unique = new Set(incoming.keys).size === incoming.keys.length;
  if (current.reports.keys.length === 0 && unique && mergedRows.length === 0) {
    // the first import (a country's 290,000 reports): the incoming set as it is, or the reports
    // taken from it in its order
    if (takenRows.length === incoming.keys.length) return { reports: incoming.keys.length === 0 ? EMPTY_SET : incoming, onlyImported };
    return { reports: takenRows.length === 0 ? EMPTY_SET : concatParts([{ set: incoming, rows: takenRows }]), onlyImported };
  }
  const merged = mergeRows(incoming, scan, mergedRows);
  /** per incoming row taken: the set and row it is taken from */
  const mergedAt = new Map(mergedRows.map((i, k) => [i, k]));
  const source = (i: number): At => {
    const k = mergedAt.get(i);
    return k === undefined ? { set: incoming, row: i } : { set: merged, row: k };
  };
  const importedAt = new Map(current.reports.keys.map((k, i) => [k, i]));
  /** per current row: what replaces it, or null */
  const replacedBy: (At | null)[] = new Array(current.reports.keys.length).fill(null);
  const appended: At[] = [];
  const appendedAt = new Map<string, number>();
  for (let i = 0; i < fate.length; i++) {
    const f = fate[i];
    if (f !== Fate.Added && f !== Fate.Replaced && f !== Fate.Merged) continue;
    const key = incoming.keys[i]!;
    const from = source(i);
    const at = importedAt.get(key);
    if (at !== undefined) replacedBy[at] = from;
    else if (unique) appended.push(from);
    else {
      const prev = appendedAt.get(key);
      if (prev !== undefined) appended[prev] = from;
      else {
        appendedAt.set(key, appended.length);
        appended.push(from);
      }
    }
  }
  // runs of rows from the same set, in order
  const parts: SetPart[] = [];
  let run: { set: ReportSet; rows: number[] } | null = null;
  const take = ({ set, row }: At) => {
    if (!run || run.set !== set) {
      run = { set, rows: [] };
      parts.push(run);
    }
    run.rows.push(row);
  };
  for (let j = 0; j < replacedBy.length; j++) take(replacedBy[j] ?? { set: current.reports, row: j });
  for (const a of appended) take(a);
  const all = (p: SetPart) => p.rows!.length === p.set.keys.length && Array.prototype.every.call(p.rows!, (r: number, k: number) => r === k);
  const reports = parts.length === 0 ? EMPTY_SET : concatParts(parts.map((p) => (all(p) ? { set: p.set } : p)));
  return { reports, onlyImported };
}
