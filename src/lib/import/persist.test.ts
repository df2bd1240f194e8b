/**
 * The imports kept in IndexedDB (fake-indexeddb stands in for the browser's): a save interrupted
 * at any write leaves the previous imports whole, a save on top of another tab's newer save is
 * refused, and data saved in the previous format is still read.
 */
import 'fake-indexeddb/auto';
import { clear, createStore, set } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setFromReports } from '../ingest/columns.ts';
import type { Report } from '../model/report.ts';
import type { ImportedSet } from './compose-columns.ts';

const report = (town: string, v: number): Report => ({ county: '汶上县', town, town_code: null, year: 2025, layout: '2021', source: 's', synthetic: false, metrics: { pub_website: v } });
const imports = (...rs: Report[]): ImportedSet => ({ reports: setFromReports(rs), onlyImported: false });
const towns = (s: ImportedSet) => s.reports.columns.town;

let persist: typeof import('./persist.ts');
beforeEach(async () => {
  // an empty store and a fresh module per test
  await clear(createStore('zwgk-annual-report-dashboard', 'imports'));
  vi.resetModules();
  persist = await import('./persist.ts');
});

describe('saving the imports', () => {
  it('reads back what was saved, with the approximate marks', async () => {
    const data: ImportedSet = { ...imports(report('甲镇', 1), report('乙镇', 2)), approximate: new Map([['k@2025', ['pub_website']]]) };
    const g = await persist.saveImported(data, null);
    const back = await persist.loadImported();
    expect(back.generation).toBe(g);
    expect(towns(back.data)).toEqual(['甲镇', '乙镇']);
    expect(back.data.approximate).toEqual(new Map([['k@2025', ['pub_website']]]));
  });

  it('leaves the previous imports whole when the page dies during a save, at any write', async () => {
    const first = await persist.saveImported(imports(report('甲镇', 1)), null);
    const idb = await import('idb-keyval');
    // writes 0–2: the three chunks of the new data; write 3: the switch to it
    for (let failAt = 0; failAt < 4; failAt++) {
      vi.resetModules();
      let writes = 0;
      vi.doMock('idb-keyval', async () => ({
        ...idb,
        set: async (...args: Parameters<typeof idb.set>) => {
          if (writes++ === failAt) throw new Error('页面被关闭');
          return idb.set(...args);
        },
      }));
      const p = await import('./persist.ts');
      // a large import: three chunks, then the switch
      const big = imports(...Array.from({ length: 16384 * 2 + 5 }, (_, i) => report(`镇${i}`, i)));
      await expect(p.saveImported(big, first)).rejects.toThrow('页面被关闭');
      vi.doUnmock('idb-keyval');
      vi.resetModules();
      const after = await (await import('./persist.ts')).loadImported();
      expect(after.generation).toBe(first);
      expect(towns(after.data)).toEqual(['甲镇']);
    }
    // the next save that finishes leaves only its own chunks (no leftovers of the failed ones)
    vi.resetModules();
    const p = await import('./persist.ts');
    const g = await p.saveImported(imports(report('乙镇', 2)), first);
    const { keys } = await import('idb-keyval');
    expect((await keys(createStore('zwgk-annual-report-dashboard', 'imports'))).map(String).sort()).toEqual(['imported', `imported:${g}:0`]);
  });

  it('refuses to save over another tab’s newer save, and keeps that one', async () => {
    const g = await persist.saveImported(imports(report('甲镇', 1)), null);
    // another tab saves on top of g
    await persist.saveImported(imports(report('甲镇', 1), report('乙镇', 2)), g);
    // this tab still thinks g is current
    await expect(persist.saveImported(imports(report('丙镇', 3)), g)).rejects.toBeInstanceOf(persist.ImportsChangedElsewhere);
    await expect(persist.clearImported(g)).rejects.toBeInstanceOf(persist.ImportsChangedElsewhere);
    expect(towns((await persist.loadImported()).data)).toEqual(['甲镇', '乙镇']);
  });

  it('removes the old generation once the new one is current, and clears everything', async () => {
    const g1 = await persist.saveImported(imports(report('甲镇', 1)), null);
    const g2 = await persist.saveImported(imports(report('乙镇', 2)), g1);
    const { keys } = await import('idb-keyval');
    const store = createStore('zwgk-annual-report-dashboard', 'imports');
    expect((await keys(store)).map(String).sort()).toEqual(['imported', `imported:${g2}:0`]);
    expect(await persist.clearImported(g2)).toBeNull();
    expect(await keys(store)).toEqual([]);
    expect((await persist.loadImported()).generation).toBeNull();
  });

  it('reads the previous format (chunks imported:<i>) and replaces it at the next save', async () => {
    const store = createStore('zwgk-annual-report-dashboard', 'imports');
    const set3 = imports(report('旧镇', 9));
    await set('imported:0', set3.reports.columns, store);
    await set('imported', { format: 3, savedAt: '', onlyImported: false, chunks: 1, reports: 1 }, store);
    const old = await persist.loadImported();
    expect(old.generation).toBe('v3');
    expect(towns(old.data)).toEqual(['旧镇']);
    const g = await persist.saveImported(imports(report('新镇', 1)), 'v3');
    const { keys } = await import('idb-keyval');
    expect((await keys(store)).map(String).sort()).toEqual(['imported', `imported:${g}:0`]);
  });
});
