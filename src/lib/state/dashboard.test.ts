/** The dashboard store's 层级 logic: drill-down, going up, level changes, where a selection is applied. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { TownInfo } from '../db/queries/index.ts';
import { DashboardStore, JS_FILTER_MAX } from './dashboard.svelte.ts';

let url = '/';
beforeEach(() => {
  url = '/';
  Object.assign(globalThis, {
    location: {
      get pathname() {
        return '/';
      },
      get search() {
        return url.includes('?') ? url.slice(url.indexOf('?')) : '';
      },
    },
    history: {
      pushState: (_: unknown, __: string, u: string) => (url = u),
      replaceState: (_: unknown, __: string, u: string) => (url = u),
    },
  });
});

const town = (code: string, county: string, name = code): TownInfo => ({ town_key: `code:${code}`, town: name, town_code: code, county, reports: 1 });
const JINING = [
  ...Array.from({ length: 15 }, (_, i) => town(`370830${String(i + 1).padStart(3, '0')}`, '汶上县')),
  ...Array.from({ length: 18 }, (_, i) => town(`370811${String(i + 1).padStart(3, '0')}`, '任城区')),
  town('410102001', '中原区'),
];

describe('DashboardStore levels', () => {
  it('offers 层级 only over more than one county', () => {
    expect(new DashboardStore([2025], JINING.slice(0, 15)).multiLevel).toBe(false);
    expect(new DashboardStore([2025], JINING).multiLevel).toBe(true);
  });

  it('drills from a province to its 地市, to a 县区, to its towns, and goes back up by the path', () => {
    const store = new DashboardStore([2025], JINING);
    store.setLevel('province');
    store.drill('37');
    expect([store.state.level, store.state.within]).toEqual(['city', '37']);
    store.drill('3708');
    expect([store.state.level, store.state.within]).toEqual(['county', '3708']);
    store.drill('370830');
    expect([store.state.level, store.state.within]).toEqual(['town', '370830']);
    expect(store.path.map((p) => p.name)).toEqual(['山东省', '济宁市', '汶上县']);
    expect(store.areaTowns).toHaveLength(15);
    expect(url).toContain('in=370830');
    store.drill(store.path[1]!.key);
    expect([store.state.level, store.state.within]).toEqual(['county', '3708']);
  });

  it('a coarser level widens the area to one above it; a click on a unit drills above 镇街 and opens the town at 镇街', () => {
    const store = new DashboardStore([2025], JINING);
    store.drill('370830');
    store.setLevel('county');
    expect(store.state.within).toBe('3708');
    store.setLevel('province');
    expect(store.state.within).toBeNull();
    store.openUnit('41');
    expect([store.state.level, store.state.within]).toEqual(['city', '41']);
    store.drill('410102');
    store.openUnit('code:410102001');
    expect([store.state.view, store.state.town]).toEqual(['town', 'code:410102001']);
  });

  it('drilling clears the town selection; at 镇街 a selection is kept in JS for small areas', () => {
    const store = new DashboardStore([2025], JINING);
    store.setLevel('town');
    store.set({ towns: ['code:370830001', 'code:370811001'] });
    expect(store.rowsFrame.towns).toBeNull();
    expect(store.narrowsInJs).toBe(true);
    expect(store.keep([{ town_key: 'code:370830001' }, { town_key: 'code:370830002' }])).toEqual([{ town_key: 'code:370830001' }]);
    store.setLevel('county');
    expect(store.rowsFrame.towns).toEqual(['code:370830001', 'code:370811001']);
    store.drill('370830');
    expect(store.state.towns).toBeNull();
  });

  it('over a large area the selection narrows the query instead', () => {
    const many = Array.from({ length: JS_FILTER_MAX + 1 }, (_, i) => town(`37${String(1000 + (i % 90)).slice(-4)}${String(i).padStart(3, '0').slice(-3)}`, `县${i % 90}`));
    const store = new DashboardStore([2025], many);
    store.setLevel('town');
    store.set({ towns: [many[0]!.town_key] });
    expect(store.rowsFrame.towns).toEqual([many[0]!.town_key]);
    // the query has narrowed the rows: nothing left to do in JS
    expect(store.narrowsInJs).toBe(false);
    const rows = [{ town_key: many[0]!.town_key }];
    expect(store.keep(rows)).toBe(rows);
  });
});

describe('DashboardStore selection sent to queries', () => {
  it('all towns but one is sent as the one left out', () => {
    const store = new DashboardStore([2025], JINING);
    store.setLevel('county');
    const keys = JINING.map((t) => t.town_key);
    store.set({ towns: keys.slice(1) });
    expect(store.scope).toEqual({ within: null, towns: null, exclude: [keys[0]] });
    expect(store.frame).toEqual({ level: 'county', within: null, towns: null, exclude: [keys[0]] });
  });
});
