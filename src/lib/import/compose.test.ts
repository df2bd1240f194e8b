import { describe, expect, it } from 'vitest';
import type { Report } from '../model/report.ts';
import {
  acceptImport,
  compose,
  countImport,
  DEFAULT_DECISION,
  findConflicts,
  loadedCount,
  mergeReport,
  mergeSource,
  NO_IMPORTS,
  sameAsShown,
  sameValues,
  type Decision,
} from './compose.ts';

const rep = (town: string, year: number, v: number, synthetic = false, code: string | null = null): Report => ({
  county: '汶上县',
  town,
  town_code: code,
  year,
  layout: '2021',
  source: `${town}-${v}`,
  synthetic,
  metrics: { pub_total: v },
});

const embedded = [rep('康驿镇', 2023, 1, true), rep('南旺镇', 2023, 2, true)];
const decide = (entries: [string, Decision][]) => new Map(entries);
const KANGYI = 'name:汶上县/康驿镇@2023';

describe('compose', () => {
  it('shows embedded data when nothing is imported', () => {
    expect(compose(embedded, NO_IMPORTS)).toEqual(embedded);
  });
  it('lets an imported report stand in for the embedded one with the same identity', () => {
    const shown = compose(embedded, { reports: [rep('康驿镇', 2023, 9)], onlyImported: false });
    expect(shown.map((r) => r.source)).toEqual(['南旺镇-2', '康驿镇-9']);
  });
  it('shows only imported data when asked', () => {
    expect(compose(embedded, { reports: [rep('义桥镇', 2022, 5)], onlyImported: true }).map((r) => r.town)).toEqual(['义桥镇']);
  });
});

describe('import decisions', () => {
  const incoming = [rep('康驿镇', 2023, 7), rep('白石镇', 2023, 3)];

  it('finds the reports that are already shown', () => {
    expect(findConflicts(compose(embedded, NO_IMPORTS), incoming).map((c) => [c.existing.source, c.incoming.source])).toEqual([
      ['康驿镇-1', '康驿镇-7'],
    ]);
  });

  it('keeps the existing report when told to, replaces it when told to', () => {
    const kept = acceptImport(embedded, NO_IMPORTS, incoming, decide([[KANGYI, 'keep']]), false);
    expect(compose(embedded, kept).map((r) => r.source).sort()).toEqual(['南旺镇-2', '康驿镇-1', '白石镇-3']);
    const replaced = acceptImport(embedded, NO_IMPORTS, incoming, decide([[KANGYI, 'replace']]), false);
    expect(compose(embedded, replaced).map((r) => r.source).sort()).toEqual(['南旺镇-2', '康驿镇-7', '白石镇-3']);
  });

  it('with no decision, updates the cells filled in (the default)', () => {
    expect(DEFAULT_DECISION).toBe('merge');
    const merged = acceptImport(embedded, NO_IMPORTS, incoming, decide([]), false);
    const kangyi = compose(embedded, merged).find((r) => r.town === '康驿镇')!;
    expect(kangyi.metrics.pub_total).toBe(7);
    expect(kangyi.source).toBe('康驿镇-1；康驿镇-7');
  });

  it('replaces or merges an earlier import when told to, and keeps it when told to', () => {
    const first = acceptImport(embedded, NO_IMPORTS, [rep('白石镇', 2023, 3)], decide([]), false);
    const again = [rep('白石镇', 2023, 4)];
    const key = 'name:汶上县/白石镇@2023';
    expect(acceptImport(embedded, first, again, decide([[key, 'keep']]), false).reports.map((r) => r.source)).toEqual(['白石镇-3']);
    expect(acceptImport(embedded, first, again, decide([[key, 'replace']]), false).reports.map((r) => r.source)).toEqual(['白石镇-4']);
    expect(acceptImport(embedded, first, again, decide([[key, 'merge']]), false).reports.map((r) => [r.source, r.metrics.pub_total])).toEqual([['白石镇-3；白石镇-4', 4]]);
  });

  it('with 仅使用导入数据 the embedded data neither shows nor conflicts', () => {
    const only = acceptImport(embedded, NO_IMPORTS, incoming, decide([]), true);
    expect(compose(embedded, only).map((r) => r.source)).toEqual(['康驿镇-7', '白石镇-3']);
  });

  it('never changes the inputs', () => {
    const current = { reports: [rep('白石镇', 2023, 3)], onlyImported: false };
    const copy = structuredClone(current);
    for (const d of ['keep', 'merge', 'replace'] as const) acceptImport(embedded, current, [rep('白石镇', 2023, 4)], decide([['name:汶上县/白石镇@2023', d]]), false);
    expect(current).toEqual(copy);
  });
});

describe('更新已填写的单元格 and 整份替换', () => {
  const shown: Report = { ...rep('康驿镇', 2025, 0, true), layout: '2021', source: '示例数据', metrics: { pub_website: 10, pub_board: 5, train_sessions: 2 } };
  // the template filled in for one cell, another cell changed to 0, the rest left blank
  const filled: Report = { ...rep('康驿镇', 2025, 0), source: '模板.csv', metrics: { pub_website: 12, pub_board: null, train_sessions: 0, train_people: null } };

  it('merge: a cell filled in replaces the value shown, a blank cell keeps it', () => {
    const m = mergeReport(shown, filled);
    expect(m.metrics).toEqual({ pub_website: 12, pub_board: 5, train_sessions: 0 });
    // still partly demonstration data, and both sources are named
    expect(m.synthetic).toBe(true);
    expect(m.source).toBe('示例数据；模板.csv');
    expect(m.layout).toBe('2021');
  });

  it('replace: blank cells become 未报告', () => {
    const next = acceptImport([shown], NO_IMPORTS, [filled], decide([['name:汶上县/康驿镇@2025', 'replace']]), false);
    expect(next.reports).toEqual([filled]);
    expect(next.reports[0]!.metrics.pub_board).toBeNull();
  });

  it('merge keeps the layout shown when the file has none, and takes the file’s otherwise', () => {
    expect(mergeReport(shown, { ...filled, layout: null }).layout).toBe('2021');
    expect(mergeReport({ ...shown, layout: '2019' }, filled).layout).toBe('2021');
  });

  it('a source merged again is not repeated', () => {
    expect(mergeSource('示例数据；模板.csv', '模板.csv')).toBe('示例数据；模板.csv');
    expect(mergeSource('a.csv', 'a.csv')).toBe('a.csv');
    expect(mergeSource('a.csv', 'b.csv')).toBe('a.csv；b.csv');
  });
});

describe('reports with the same values', () => {
  const shown = rep('康驿镇', 2025, 7, true);

  it('are the same whatever their source, but not with another layout, flag or value', () => {
    expect(sameValues(shown, { ...shown, source: 'other.csv' })).toBe(true);
    // a missing key and null are both 未报告
    expect(sameValues(shown, { ...shown, metrics: { ...shown.metrics, pub_board: null } })).toBe(true);
    expect(sameValues(shown, { ...shown, layout: '2019' })).toBe(false);
    expect(sameValues(shown, { ...shown, synthetic: false })).toBe(false);
    expect(sameValues(shown, { ...shown, metrics: { pub_total: 8 } })).toBe(false);
    expect(sameValues(shown, { ...shown, metrics: { pub_total: 7, pub_board: 0 } })).toBe(false);
  });

  it('are not offered as conflicts and not loaded, whatever is decided', () => {
    const again = { ...shown, source: '再次导入.csv' };
    expect(findConflicts([shown], [again])).toEqual([]);
    expect(sameAsShown([shown], [again])).toEqual(['name:汶上县/康驿镇@2025']);
    for (const d of ['keep', 'merge', 'replace'] as const) {
      expect(acceptImport([shown], NO_IMPORTS, [again], decide([['name:汶上县/康驿镇@2025', d]]), false).reports).toEqual([]);
      expect(countImport([shown], NO_IMPORTS, [again], decide([['name:汶上县/康驿镇@2025', d]]), false)).toMatchObject({ same: 1 });
    }
  });
});

describe('countImport: what the load button counts', () => {
  // the template case: 15 towns shown, 3 filled in (one of them with the values shown), 12 left blank and so not read at all
  const towns = Array.from({ length: 15 }, (_, i) => ({ ...rep(`镇${i}`, 2025, i, true), metrics: { pub_total: i, pub_board: 1 } }));
  const incoming = [
    { ...rep('镇0', 2025, 100), metrics: { pub_total: 100 } },
    { ...rep('镇1', 2025, 101), metrics: { pub_board: 2 } },
    // fills a cell with the value shown: merging changes nothing
    { ...rep('镇2', 2025, 2), synthetic: false, metrics: { pub_total: 2 } },
    rep('新镇', 2025, 9),
  ];

  it('counts what is loaded as decided, with the default for the rest', () => {
    const none = countImport(towns, NO_IMPORTS, incoming, decide([]), false);
    expect(none).toEqual({ added: 1, replaced: 0, merged: 2, kept: 0, unchanged: 1, same: 0 });
    expect(loadedCount(none)).toBe(3);
    const all = (d: Decision) => decide(['镇0', '镇1', '镇2'].map((t) => [`name:汶上县/${t}@2025`, d]));
    expect(countImport(towns, NO_IMPORTS, incoming, all('keep'), false)).toEqual({ added: 1, replaced: 0, merged: 0, kept: 3, unchanged: 0, same: 0 });
    expect(countImport(towns, NO_IMPORTS, incoming, all('replace'), false)).toEqual({ added: 1, replaced: 3, merged: 0, kept: 0, unchanged: 0, same: 0 });
  });

  it('the count is the number of reports acceptImport changes or adds', () => {
    for (const d of ['keep', 'merge', 'replace'] as const) {
      const decisions = decide(['镇0', '镇1', '镇2'].map((t) => [`name:汶上县/${t}@2025`, d]));
      const next = acceptImport(towns, NO_IMPORTS, incoming, decisions, false);
      expect(next.reports).toHaveLength(loadedCount(countImport(towns, NO_IMPORTS, incoming, decisions, false)));
      // the towns not in the file keep their values
      const shown = compose(towns, next);
      for (let i = 3; i < 15; i++) expect(shown.find((r) => r.town === `镇${i}`)!.metrics).toEqual({ pub_total: i, pub_board: 1 });
    }
  });
});
