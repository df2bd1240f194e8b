/**
 * compose-columns.ts makes the same decisions as compose.ts, on random sets of reports.
 */
import { describe, expect, it } from 'vitest';
import { partLength, reportAt, selectRows, setFromReports, type ReportSet } from '../ingest/columns.ts';
import { columnsFromReports } from '../ingest/columns.ts';
import type { Report } from '../model/report.ts';
import { acceptImport, compose, findConflicts, type Decision } from './compose.ts';
import { acceptImportSet, composeParts, findSetConflicts, shownIndex } from './compose-columns.ts';

const rep = (town: string, year: number, v: number, code: string | null = null): Report => ({
  county: '汶上县',
  town,
  town_code: code,
  year,
  layout: '2021',
  source: `${town}-${v}`,
  synthetic: v % 2 === 0,
  metrics: { pub_total: v, t2_fees_amount: v / 4 },
});

const reportsOf = (s: ReportSet) => Array.from({ length: s.columns.length }, (_, i) => reportAt(s.columns, i));
const norm = (rs: readonly Report[]) => reportsOf(setFromReports(rs));

describe('compose for sets = compose', () => {
  let seed = 3;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
  const some = (n: number, tag: number) => {
    const seen = new Set<string>();
    const out: Report[] = [];
    for (let i = 0; i < n; i++) {
      const r = rep(`镇${rnd(12)}`, 2020 + rnd(3), tag * 100 + i, rnd(4) === 0 ? `37083010${rnd(10)}` : null);
      const k = `${r.town_code ?? r.town}@${r.year}`;
      if (!seen.has(k)) (seen.add(k), out.push(r));
    }
    return out;
  };
  it.each(Array.from({ length: 30 }, (_, i) => i))('random case %i', () => {
    const embedded = some(15, 1);
    const imported = { reports: some(10, 2), onlyImported: rnd(3) === 0 };
    const incoming = some(12, 3);
    const eSet = setFromReports(embedded);
    const iSet = { reports: setFromReports(imported.reports), onlyImported: imported.onlyImported };
    const inSet = setFromReports(incoming);

    const parts = composeParts(eSet, iSet);
    const shown = parts.flatMap((p) => reportsOf(p.rows ? { columns: selectRows(p.set.columns, p.rows), keys: [] } : p.set).slice(0, partLength(p)));
    expect(shown).toEqual(norm(compose(embedded, imported)));

    const conflicts = findSetConflicts(shownIndex(eSet, iSet), inSet);
    const want = findConflicts(compose(embedded, imported), incoming);
    expect(conflicts.map((c) => [c.key, c.existing.source, c.incoming.source])).toEqual(want.map((c) => [c.key, c.existing.source, c.incoming.source]));

    const decisions = new Map<string, Decision>(want.filter(() => rnd(2) === 0).map((c) => [c.key, rnd(2) === 0 ? 'replace' : 'keep']));
    const only = rnd(2) === 0;
    const next = acceptImportSet(eSet, iSet, inSet, decisions, only);
    const old = acceptImport(embedded, imported, incoming, decisions, only);
    expect(next.onlyImported).toBe(old.onlyImported);
    expect(reportsOf(next.reports)).toEqual(norm(old.reports));
    expect(next.reports.keys).toEqual(setFromReports(old.reports).keys);
  });
  it('an empty set has no rows', () => {
    expect(columnsFromReports([]).length).toBe(0);
  });
});
