/**
 * compose.ts for reports held as columns (src/lib/ingest/columns.ts): the same decisions, without
 * a Report object per report, so that a country's imported reports can be composed, checked for
 * conflicts and accepted. compose.test.ts and compose-columns.test.ts check that both agree.
 */
import { EMPTY_SET, concatParts, type ReportSet, type SetPart } from '../ingest/columns.ts';
import type { Identity } from '../ingest/record.ts';
import type { LoadPart } from '../db/reports-table.ts';
import type { Decision } from './compose.ts';

export interface ImportedSet {
  /** accepted imported reports, one per identity */
  reports: ReportSet;
  /** show only imported data, not the embedded demonstration data */
  onlyImported: boolean;
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

export interface IdentityConflict {
  key: string;
  existing: Identity;
  incoming: Identity;
}

/** Where each shown report is: by key, its set and row (imported reports replace embedded ones). */
export function shownIndex(embedded: ReportSet, imported: ImportedSet): Map<string, { set: ReportSet; row: number }> {
  const out = new Map<string, { set: ReportSet; row: number }>();
  if (!imported.onlyImported) embedded.keys.forEach((k, row) => out.set(k, { set: embedded, row }));
  imported.reports.keys.forEach((k, row) => out.set(k, { set: imported.reports, row }));
  return out;
}

/** Incoming reports whose identity is already shown (findConflicts). */
export function findSetConflicts(shown: ReadonlyMap<string, { set: ReportSet; row: number }>, incoming: ReportSet): IdentityConflict[] {
  const out: IdentityConflict[] = [];
  incoming.keys.forEach((key, i) => {
    const at = shown.get(key);
    if (at) out.push({ key, existing: identityAt(at.set, at.row), incoming: identityAt(incoming, i) });
  });
  return out;
}

/**
 * Whether the incoming report with this key is taken (acceptImportSet): unless its identity is
 * already shown and the decision is not to replace it.
 */
export function takenFromIncoming(
  embedded: ReportSet,
  current: ImportedSet,
  decisions: ReadonlyMap<string, Decision>,
  onlyImported: boolean,
): (key: string) => boolean {
  const shown = new Set(current.reports.keys);
  if (!onlyImported) for (const k of embedded.keys) shown.add(k);
  return (key) => !shown.has(key) || decisions.get(key) === 'replace';
}

/** acceptImport for sets: the same reports in the same order. */
export function acceptImportSet(
  embedded: ReportSet,
  current: ImportedSet,
  incoming: ReportSet,
  decisions: ReadonlyMap<string, Decision>,
  onlyImported: boolean,
): ImportedSet {
  const taken = takenFromIncoming(embedded, current, decisions, onlyImported);
  // incoming sets are one report per identity (mergeSets): then no report replaces another of them
  const unique = new Set(incoming.keys).size === incoming.keys.length;
  if (current.reports.keys.length === 0 && unique) {
    // the first import (a country's 290,000 reports): the incoming set as it is, or the reports
    // taken from it (those not kept from the embedded data) in its order
    const rows: number[] = [];
    incoming.keys.forEach((key, i) => {
      if (taken(key)) rows.push(i);
    });
    if (rows.length === incoming.keys.length) return { reports: incoming.keys.length === 0 ? EMPTY_SET : incoming, onlyImported };
    return { reports: rows.length === 0 ? EMPTY_SET : concatParts([{ set: incoming, rows }]), onlyImported };
  }
  const importedAt = new Map(current.reports.keys.map((k, i) => [k, i]));
  /** per current row: the incoming row replacing it, or -1 */
  const replacedBy = new Int32Array(current.reports.keys.length).fill(-1);
  const appended: number[] = [];
  const appendedAt = new Map<string, number>();
  incoming.keys.forEach((key, i) => {
    if (!taken(key)) return;
    const at = importedAt.get(key);
    if (at !== undefined) replacedBy[at] = i;
    else if (unique) appended.push(i);
    else {
      const prev = appendedAt.get(key);
      if (prev !== undefined) appended[prev] = i;
      else {
        appendedAt.set(key, appended.length);
        appended.push(i);
      }
    }
  });
  // runs of rows from the same set, in order
  const parts: SetPart[] = [];
  let run: { set: ReportSet; rows: number[] } | null = null;
  const take = (set: ReportSet, row: number) => {
    if (!run || run.set !== set) {
      run = { set, rows: [] };
      parts.push(run);
    }
    run.rows.push(row);
  };
  for (let j = 0; j < replacedBy.length; j++) {
    if (replacedBy[j]! >= 0) take(incoming, replacedBy[j]!);
    else take(current.reports, j);
  }
  for (const i of appended) take(incoming, i);
  const all = (p: SetPart) => p.rows!.length === p.set.keys.length && Array.prototype.every.call(p.rows!, (r: number, k: number) => r === k);
  const reports = parts.length === 0 ? EMPTY_SET : concatParts(parts.map((p) => (all(p) ? { set: p.set } : p)));
  return { reports, onlyImported };
}
