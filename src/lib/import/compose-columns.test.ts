/**
 * compose-columns.ts makes the same decisions as compose.ts, on random sets of reports.
 */
import { describe, expect, it } from 'vitest';
import { partLength, reportAt, selectRows, setFromReports, type ReportSet } from '../ingest/columns.ts';
import { columnsFromReports } from '../ingest/columns.ts';
import type { Report } from '../model/report.ts';
import { acceptImport, compose, countImport, findConflicts, sameAsShown, type Decision } from './compose.ts';
import { acceptImportSet, composeParts, Fate, findSetConflicts, planImport, scanImport, shownIndex, takenAsRead } from './compose-columns.ts';

const rep = (town: string, year: number, v: number, code: string | null = null): Report => ({
  county: '汶上县',
  town,
  town_code: code,
  year,
  layout: v % 3 === 0 ? null : '2021',
  source: `${town}-${v}`,
  synthetic: v % 2 === 0,
  // some values left empty, so that merging and replacing differ
  metrics: { pub_total: v % 5 === 0 ? null : v, t2_fees_amount: v % 7 === 0 ? null : v / 4, train_sessions: v % 4 },
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
  it.each(Array.from({ length: 40 }, (_, i) => i))('random case %i', () => {
    const embedded = some(15, 1);
    const imported = { reports: some(10, 2), onlyImported: rnd(3) === 0 };
    const incoming = some(12, 3);
    // some incoming reports repeat one shown, with the same values (under another source) or
    // the values shown in the cells they fill
    const shownNow = compose(embedded, imported);
    for (let k = 0; k < 3; k++) {
      const s = shownNow[rnd(shownNow.length)]!;
      const key = `${s.town_code ?? s.town}@${s.year}`;
      if (incoming.some((r) => `${r.town_code ?? r.town}@${r.year}` === key)) continue;
      incoming.push(k === 0 ? { ...s, source: 'again.csv' } : { ...s, source: 'part.csv', layout: null, synthetic: false, metrics: { pub_total: s.metrics.pub_total ?? null } });
    }
    const eSet = setFromReports(embedded);
    const iSet = { reports: setFromReports(imported.reports), onlyImported: imported.onlyImported };
    const inSet = setFromReports(incoming);

    const parts = composeParts(eSet, iSet);
    const shown = parts.flatMap((p) => reportsOf(p.rows ? { columns: selectRows(p.set.columns, p.rows), keys: [] } : p.set).slice(0, partLength(p)));
    expect(shown).toEqual(norm(compose(embedded, imported)));

    const scan = findSetConflicts(shownIndex(eSet, iSet), inSet);
    const want = findConflicts(compose(embedded, imported), incoming);
    expect(scan.conflicts.map((c) => [c.key, c.existing.source, c.incoming.source])).toEqual(want.map((c) => [c.key, c.existing.source, c.incoming.source]));
    expect(scan.same).toBe(sameAsShown(compose(embedded, imported), incoming).length);

    const decisions = new Map<string, Decision>(want.filter(() => rnd(2) === 0).map((c) => [c.key, (['keep', 'merge', 'replace'] as const)[rnd(3)]!]));
    const only = rnd(2) === 0;
    const next = acceptImportSet(eSet, iSet, inSet, decisions, only);
    const old = acceptImport(embedded, imported, incoming, decisions, only);
    expect(next.onlyImported).toBe(old.onlyImported);
    expect(reportsOf(next.reports)).toEqual(norm(old.reports));
    expect(next.reports.keys).toEqual(setFromReports(old.reports).keys);
    // the counts the load button shows
    const plan = planImport(inSet, scanImport(eSet, iSet, inSet, only), decisions);
    expect(plan.counts).toEqual(countImport(embedded, imported, incoming, decisions, only));
    for (const k of Object.keys(seen) as (keyof typeof seen)[]) seen[k] += plan.counts[k];
  });
  const seen = { added: 0, replaced: 0, merged: 0, kept: 0, unchanged: 0, same: 0 };
  it('the random cases have every fate', () => {
    for (const [fate, n] of Object.entries(seen)) expect(n, fate).toBeGreaterThan(3);
  });
  it('an empty set has no rows', () => {
    expect(columnsFromReports([]).length).toBe(0);
  });
});

describe('planImport', () => {
  const shown = setFromReports([rep('A镇', 2025, 1), rep('B镇', 2025, 2), rep('C镇', 2025, 4)]);
  const incoming = setFromReports([
    { ...rep('A镇', 2025, 1), source: 'x.csv' }, // the same values
    { ...rep('B镇', 2025, 2), metrics: { train_sessions: 9 } }, // one cell filled in otherwise
    { ...rep('C镇', 2025, 4), synthetic: true, metrics: { pub_total: 4 } }, // fills a cell with the value shown
    rep('D镇', 2025, 8), // new
  ]);
  const scan = findSetConflicts(shownIndex(shown, { reports: setFromReports([]), onlyImported: false }), incoming);

  it('says what becomes of each incoming report; only those added or replaced are loaded as read', () => {
    expect(scan.same).toBe(1);
    expect(scan.conflicts.map((c) => [c.key, c.mergeChanges])).toEqual([
      ['name:汶上县/B镇@2025', true],
      ['name:汶上县/C镇@2025', false],
    ]);
    const merge = planImport(incoming, scan, new Map());
    expect([...merge.fate]).toEqual([Fate.Same, Fate.Merged, Fate.Unchanged, Fate.Added]);
    expect([0, 1, 2, 3].map((i) => takenAsRead(merge)(incoming.keys[i]!, i))).toEqual([false, false, false, true]);
    const replace = planImport(incoming, scan, new Map(scan.conflicts.map((c) => [c.key, 'replace' as const])));
    expect([...replace.fate]).toEqual([Fate.Same, Fate.Replaced, Fate.Replaced, Fate.Added]);
    expect([0, 1, 2, 3].map((i) => takenAsRead(replace)(incoming.keys[i]!, i))).toEqual([false, true, true, true]);
    expect(replace.counts).toEqual({ added: 1, replaced: 2, merged: 0, kept: 0, unchanged: 0, same: 1 });
  });

  it('a merged report holds the values shown where the file has none', () => {
    const next = acceptImportSet(shown, { reports: setFromReports([]), onlyImported: false }, incoming, new Map(), false);
    expect(reportsOf(next.reports).map((r) => [r.town, r.metrics, r.source])).toEqual([
      ['B镇', { pub_total: 2, t2_fees_amount: 0.5, train_sessions: 9 }, 'B镇-2'],
      ['D镇', { pub_total: 8, t2_fees_amount: 2, train_sessions: 0 }, 'D镇-8'],
    ]);
  });
});
