import { describe, expect, it } from 'vitest';
import { decodeState, defaultState, encodeState, VIEWS, type DashboardState, type UrlContext, type ViewId } from './url-state.ts';

const HOSTILE_TOWNS = [
  'name:汶上县/南站,北站',
  'name:汶上县/a b',
  'name:汶上县/A&B=C',
  'name:汶上县/100%满意',
  'name:汶上县/%2C%25',
  'name:汶上县/"引号"\'单引号\'',
  'name:汶上县/+加号+',
  'name:汶上县/?#问号井号',
  'name:汶上县/ 首尾空格 ',
  'name:汶上县/,,',
];

const ctx: UrlContext = {
  years: [2019, 2020, 2021, 2022, 2023, 2024, 2025],
  townKeys: ['code:370830001', 'code:370830106', 'code:370830107', 'name:汶上县/某镇', 'code:ABC', ...HOSTILE_TOWNS],
  isMeasure: (id) => ['pub_volume', 'pub_total', 'pub_website'].includes(id),
  defaultMeasure: 'pub_volume',
  isMetric: (id) => ['t3_new_total', 't3_total_total', 't4_review_total'].includes(id),
};

const D = defaultState(ctx);
const state = (over: Partial<DashboardState>): DashboardState => ({ ...D, ...over });
const decode = (search: string) => decodeState(search, ctx);
const D_ALL_BUT = (...left: string[]) => ctx.townKeys.filter((k) => !left.includes(k));

describe('VIEWS and defaultState', () => {
  it('lists the views in navigation order with their titles', () => {
    expect(VIEWS.map((v) => `${v.id}:${v.title}`)).toEqual([
      'overview:总览',
      'ranking:排名',
      'publication:主动公开',
      'training:培训',
      'applications:依申请公开',
      'review:复议诉讼',
      'town:镇街详情',
      'quality:数据质量',
    ]);
  });

  it('defaults to the overview of the last year over the whole range', () => {
    expect(D).toEqual({ view: 'overview', year: 2025, from: 2019, to: 2025, towns: null, measure: 'pub_volume', town: null, cells: [], level: 'town', within: null });
  });

  it('handles a single data year', () => {
    const one = defaultState({ ...ctx, years: [2021] });
    expect([one.year, one.from, one.to]).toEqual([2021, 2021, 2021]);
  });
});

describe('encodeState', () => {
  const cases: [string, Partial<DashboardState>, string][] = [
    ['everything default', {}, ''],
    ['view', { view: 'ranking' }, 'view=ranking'],
    ['year', { year: 2021 }, 'year=2021'],
    ['from only', { from: 2020 }, 'from=2020'],
    ['to only', { to: 2023 }, 'to=2023'],
    ['code keys as bare codes', { towns: ['code:370830106', 'code:370830001'] }, 'towns=370830001%2C370830106'],
    ['name keys in full', { towns: ['name:汶上县/某镇'] }, `towns=${encodeURIComponent('name:汶上县/某镇')}`],
    ['non-numeric code in full', { towns: ['code:ABC'] }, 'towns=code%3AABC'],
    ['comma in a name is escaped', { towns: ['name:汶上县/南站,北站'] }, `towns=${encodeURIComponent('name:汶上县/南站%2C北站')}`],
    ['percent in a name is escaped', { towns: ['name:汶上县/100%满意'] }, `towns=${encodeURIComponent('name:汶上县/100%25满意')}`],
    ['all towns means 全部', { towns: [...ctx.townKeys] }, ''],
    ['the empty selection (全不选) is an empty list', { towns: [] }, 'towns='],
    ['measure', { measure: 'pub_total' }, 'measure=pub_total'],
    ['detail town by code', { view: 'town', town: 'code:370830107' }, 'view=town&town=370830107'],
    ['detail town by name', { town: 'name:汶上县/a b' }, `town=${new URLSearchParams({ t: 'name:汶上县/a b' }).toString().slice(2)}`],
    [
      'fixed parameter order',
      { town: 'code:370830001', measure: 'pub_website', towns: ['code:370830107'], to: 2024, from: 2020, year: 2022, view: 'review' },
      'view=review&year=2022&from=2020&to=2024&towns=370830107&measure=pub_website&town=370830001',
    ],
  ];
  it.each(cases)('%s', (_name, over, expected) => {
    expect(encodeState(state(over), ctx)).toBe(expected);
  });

  it('writes towns in ctx order without duplicates', () => {
    const s = state({ towns: ['code:370830107', 'code:370830001', 'code:370830107'] });
    expect(decode(encodeState(s, ctx)).state.towns).toEqual(['code:370830001', 'code:370830107']);
    expect(encodeState(s, ctx)).toBe('towns=370830001%2C370830107');
  });

  it('writes a selection of more than half of the towns as the towns left out', () => {
    const all = ctx.townKeys;
    const most = all.filter((k) => k !== 'code:370830106' && k !== 'name:汶上县/南站,北站');
    const q = encodeState(state({ towns: most }), ctx);
    expect(q).toBe(`notowns=${encodeURIComponent('370830106,name:汶上县/南站%2C北站')}`);
    expect(decode(q)).toEqual({ state: state({ towns: most }), notes: [] });
    // exactly half stays a list of the chosen towns
    const half = all.slice(0, all.length / 2);
    expect(new URLSearchParams(encodeState(state({ towns: half }), ctx)).get('towns')).not.toBeNull();
    expect(decode(encodeState(state({ towns: half }), ctx)).state.towns).toEqual(half);
  });

  it('keeps a link short when one town of a country is left out', () => {
    const keys = Array.from({ length: 41_352 }, (_, i) => `code:${String(110101001 + i)}`);
    const big: UrlContext = { ...ctx, townKeys: keys };
    const q = encodeState({ ...defaultState(big), towns: keys.slice(1) }, big);
    expect(q).toBe('notowns=110101001');
    expect(decodeState(q, big).state.towns).toHaveLength(41_351);
  });

  it('uses URLSearchParams for the overall encoding', () => {
    const q = encodeState(state({ towns: ['name:汶上县/A&B=C', 'code:370830106'] }), ctx);
    expect(q).not.toMatch(/[&=].*[&=]/); // & and = inside the value are percent-encoded
    expect(new URLSearchParams(q).get('towns')).toBe('370830106,name:汶上县/A&B=C');
  });
});

describe('decodeState: valid input', () => {
  const cases: [string, string, Partial<DashboardState>][] = [
    ['empty', '', {}],
    ['only "?"', '?', {}],
    ['leading "?"', '?view=training&year=2020', { view: 'training', year: 2020 }],
    ['unrelated params are ignored', 'utm_source=wx&view=publication&foo=bar', { view: 'publication' }],
    ['range', 'from=2020&to=2022', { from: 2020, to: 2022 }],
    ['from == to', 'from=2022&to=2022', { from: 2022, to: 2022 }],
    ['bare code', 'towns=370830106', { towns: ['code:370830106'] }],
    ['full code key is accepted too', 'towns=code%3A370830106', { towns: ['code:370830106'] }],
    ['order and duplicates normalised', 'towns=370830107,370830001,370830107', { towns: ['code:370830001', 'code:370830107'] }],
    ['spaces around items (hand-edited)', 'towns=370830001,+370830107+', { towns: ['code:370830001', 'code:370830107'] }],
    ['empty items are skipped', 'towns=,370830001,,', { towns: ['code:370830001'] }],
    ['an empty list is the empty selection (全不选)', 'towns=', { towns: [] }],
    ['a list of empty items too', 'towns=,,', { towns: [] }],
    ['leaving every town out selects none', `notowns=${encodeURIComponent(ctx.townKeys.map((k) => k.replace(/%/g, '%25').replace(/,/g, '%2C')).join(','))}`, { towns: [] }],
    ['every town means 全部', `towns=${encodeURIComponent(ctx.townKeys.map((k) => k.replace(/%/g, '%25').replace(/,/g, '%2C')).join(','))}`, {}],
    ['escaped comma', `towns=${encodeURIComponent('name:汶上县/南站%2C北站')}`, { towns: ['name:汶上县/南站,北站'] }],
    ['lower-case escapes', `towns=${encodeURIComponent('name:汶上县/南站%2c北站')}`, { towns: ['name:汶上县/南站,北站'] }],
    ['measure', 'measure=pub_website', { measure: 'pub_website' }],
    ['detail town', 'view=town&town=370830106', { view: 'town', town: 'code:370830106' }],
    ['detail town by name', `town=${encodeURIComponent('name:汶上县/某镇')}`, { town: 'name:汶上县/某镇' }],
    ['first of repeated params wins', 'view=ranking&view=review', { view: 'ranking' }],
  ];
  it.each(cases)('%s', (_name, search, over) => {
    expect(decode(search)).toEqual({ state: state(over), notes: [] });
  });
});

describe('decodeState: invalid values fall back with one note each', () => {
  const cases: [string, string, Partial<DashboardState>, string[]][] = [
    ['unknown view', 'view=charts', {}, ['网址中的视图“charts”无法识别，已显示“总览”。']],
    ['empty view', 'view=', {}, ['网址中的视图“”无法识别，已显示“总览”。']],
    ['year out of range', 'year=2030', {}, ['网址中的年度“2030”不在数据年份（2019–2025）中，已显示 2025 年。']],
    ['year not an integer', 'year=2021.5', {}, ['网址中的年度“2021.5”不在数据年份（2019–2025）中，已显示 2025 年。']],
    ['year text', 'year=去年', {}, ['网址中的年度“去年”不在数据年份（2019–2025）中，已显示 2025 年。']],
    ['year in exponent form', 'year=2.021e3', {}, ['网址中的年度“2.021e3”不在数据年份（2019–2025）中，已显示 2025 年。']],
    ['from out of range', 'from=2000&to=2022', { to: 2022 }, ['网址中的起始年份“2000”不在数据年份（2019–2025）中，已从 2019 年起显示。']],
    ['to out of range', 'from=2021&to=2099', { from: 2021 }, ['网址中的截止年份“2099”不在数据年份（2019–2025）中，已显示到 2025 年。']],
    ['from > to', 'from=2024&to=2020', {}, ['网址中的年份范围“2024–2020”起始年份晚于截止年份，已显示 2019–2025 年。']],
    [
      'both ends invalid',
      'from=x&to=y',
      {},
      ['网址中的起始年份“x”不在数据年份（2019–2025）中，已从 2019 年起显示。', '网址中的截止年份“y”不在数据年份（2019–2025）中，已显示到 2025 年。'],
    ],
    ['unknown town dropped, known kept', 'towns=370830106,999999999', { towns: ['code:370830106'] }, ['网址中的镇街“999999999”不在数据中，已忽略。']],
    [
      'several unknown towns in one note',
      'towns=1,370830106,2,1',
      { towns: ['code:370830106'] },
      ['网址中的镇街“1”、“2”不在数据中，已忽略。'],
    ],
    ['no known town remains', 'towns=1,2', {}, ['网址中的镇街“1”、“2”不在数据中，已显示全部镇街。']],
    ['notowns: unknown items ignored', 'notowns=370830106,999', { towns: D_ALL_BUT('code:370830106') }, ['网址中排除的镇街“999”不在数据中，已忽略。']],
    ['notowns: nothing known left out means 全部', 'notowns=999', {}, ['网址中排除的镇街“999”不在数据中，已忽略。']],
    ['towns wins over notowns', 'towns=370830106&notowns=370830107', { towns: ['code:370830106'] }, ['网址中同时有“towns”和“notowns”，已按“towns”选择镇街。']],
    ['unknown measure', 'measure=drop_table', {}, ['网址中的指标“drop_table”无法识别，已改用默认指标。']],
    ['unknown detail town', 'view=town&town=123', { view: 'town' }, ['网址中的镇街详情“123”不在数据中，未选择镇街。']],
    ['empty detail town', 'town=', {}, ['网址中的镇街详情“”不在数据中，未选择镇街。']],
  ];
  it.each(cases)('%s', (_name, search, over, notes) => {
    expect(decode(search)).toEqual({ state: state(over), notes });
  });

  it('gives one note per invalid parameter and keeps the valid ones', () => {
    const r = decode('view=nope&year=2022&from=1&to=2023&towns=370830107,x&measure=?&town=y');
    expect(r.state).toEqual(state({ year: 2022, to: 2023, towns: ['code:370830107'] }));
    expect(r.notes).toHaveLength(5);
    expect(r.notes.every((n) => n.startsWith('网址中的'))).toBe(true);
  });

  it('lists at most five dropped towns and counts the rest', () => {
    const r = decode(`towns=${Array.from({ length: 12 }, (_, i) => `x${i}`).join(',')}`);
    expect(r.notes).toEqual(['网址中的镇街“x0”、“x1”、“x2”、“x3”、“x4”等 12 个不在数据中，已显示全部镇街。']);
  });

  it('names non-contiguous data years one by one', () => {
    const r = decodeState('year=2020', { ...ctx, years: [2019, 2021, 2025] });
    expect(r.notes).toEqual(['网址中的年度“2020”不在数据年份（2019、2021、2025）中，已显示 2025 年。']);
  });
});

describe('decodeState: hostile input does not throw', () => {
  const long = 'A'.repeat(200_000);
  const cases: [string, string][] = [
    ['very long value', `view=${long}&year=${long}&towns=${long}&measure=${long}&town=${long}`],
    ['very many towns', `towns=${Array.from({ length: 50_000 }, (_, i) => i).join(',')}`],
    ['script tag', `view=${encodeURIComponent('<script>alert(1)</script>')}&town=<script>`],
    ['malformed percent-encoding', 'view=%E0%A4%A&towns=%E0%A4%A,%ZZ,%&measure=%&year=%E0%A4%A'],
    ['lone surrogate', `town=${'\ud800'}&towns=${'\udfff'}`],
    ['control characters', 'view=%00%01%1F&towns=%0A%0D'],
    ['only separators', '&&&==&?&'],
    ['prototype keys', 'towns=__proto__,constructor&measure=__proto__&view=toString'],
  ];
  it.each(cases)('%s', (_name, search) => {
    const r = decode(search);
    expect(r.state.view).toBeTypeOf('string');
    expect(VIEWS.some((v) => v.id === r.state.view)).toBe(true);
    expect(ctx.years).toContain(r.state.year);
    for (const n of r.notes) expect(n.length).toBeLessThan(400);
  });

  it('shortens long values and strips control characters in notes', () => {
    const r = decode(`view=${'长'.repeat(100)}%0A`);
    expect(r.notes).toEqual([`网址中的视图“${'长'.repeat(40)}…”无法识别，已显示“总览”。`]);
    expect(decode('view=a%0Ab').notes).toEqual(['网址中的视图“a b”无法识别，已显示“总览”。']);
  });
});

/** mulberry32: a small seeded generator so that failures can be reproduced. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  const x = xs[Math.floor(r() * xs.length)];
  if (x === undefined) throw new Error('empty list');
  return x;
}

const MEASURES = ['pub_volume', 'pub_total', 'pub_website'];

function randomState(r: () => number): DashboardState {
  const a = pick(r, ctx.years);
  const b = pick(r, ctx.years);
  const chosen = ctx.townKeys.filter(() => r() < 0.3);
  const towns = chosen.length === 0 || chosen.length === ctx.townKeys.length ? null : chosen;
  return {
    view: pick(r, VIEWS).id,
    year: pick(r, ctx.years),
    from: Math.min(a, b),
    to: Math.max(a, b),
    towns: r() < 0.3 ? null : towns,
    measure: pick(r, MEASURES),
    town: r() < 0.3 ? null : pick(r, ctx.townKeys),
    cells: r() < 0.5 ? [] : ['t3_new_total', 't4_review_total'].filter(() => r() < 0.7),
    level: 'town',
    within: null,
  };
}

describe('round trip', () => {
  it('decodes every encoded valid state to itself without notes (2000 seeded states)', () => {
    const r = rng(20250101);
    for (let i = 0; i < 2000; i++) {
      const s = randomState(r);
      const q = encodeState(s, ctx);
      expect(decode(q), q).toEqual({ state: s, notes: [] });
      expect(decode(`?${q}&utm=1`).state, q).toEqual(s);
    }
  });

  it('round-trips each awkward town name alone and in a list', () => {
    for (const k of HOSTILE_TOWNS) {
      for (const s of [state({ towns: [k] }), state({ town: k, view: 'town' as ViewId }), state({ towns: [k, 'code:370830106'] })]) {
        const q = encodeState(s, ctx);
        expect(decode(q), q).toEqual({ state: normalised(s), notes: [] });
      }
    }
  });

  it('round-trips the empty selection, in every view', () => {
    for (const v of VIEWS) {
      const s = state({ view: v.id, towns: [] });
      expect(decode(encodeState(s, ctx))).toEqual({ state: s, notes: [] });
    }
  });

  it('round-trips the default state as the empty string', () => {
    expect(encodeState(D, ctx)).toBe('');
    expect(decode('')).toEqual({ state: D, notes: [] });
  });

  it('round-trips with a context of randomly generated town names', () => {
    const r = rng(7);
    const alphabet = ['a', 'Z', '0', '9', ',', ' ', '&', '=', '%', '"', "'", '+', '#', '?', '/', ':', '镇', '街', '汶', '%2C', '%25', '<', '>'];
    const keys = new Set<string>();
    while (keys.size < 60) {
      const n = 1 + Math.floor(r() * 8);
      keys.add(`name:${pick(r, ['汶上县', '某,县'])}/${Array.from({ length: n }, () => pick(r, alphabet)).join('')}`);
    }
    const rctx: UrlContext = { ...ctx, townKeys: ['code:370830106', ...keys] };
    for (let i = 0; i < 500; i++) {
      const chosen = rctx.townKeys.filter(() => r() < 0.2);
      const towns = chosen.length === 0 || chosen.length === rctx.townKeys.length ? null : chosen;
      const s = state({ towns, town: pick(r, rctx.townKeys) });
      const q = encodeState(s, rctx);
      expect(decodeState(q, rctx), q).toEqual({ state: s, notes: [] });
    }
  });
});

function normalised(s: DashboardState): DashboardState {
  if (s.towns === null) return s;
  const chosen = new Set(s.towns);
  return { ...s, towns: ctx.townKeys.filter((k) => chosen.has(k)) };
}

describe('highlighted cells (cells)', () => {
  it('round-trips the metric ids of a finding', () => {
    const s = state({ view: 'town', town: 'code:370830106', cells: ['t3_new_total', 't3_total_total'] });
    const search = encodeState(s, ctx);
    expect(search).toContain('cells=t3_new_total%2Ct3_total_total');
    expect(decode(search)).toEqual({ state: s, notes: [] });
  });
  it('ignores cells that are not catalogue metrics, with a note', () => {
    const { state: st, notes } = decode('?view=town&cells=t3_new_total,drop_table');
    expect(st.cells).toEqual([]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('drop_table');
  });
});

describe('层级 and 范围 (level, in)', () => {
  const multi: UrlContext = {
    ...ctx,
    levels: ['town', 'county', 'city', 'province'],
    defaultLevel: 'county',
    areas: new Set(['37', '3708', '370830', '370811', '41', '4101', '410102', 'n:某县', '?c', '?p']),
  };
  const dec = (search: string) => decodeState(search, multi);

  it('defaults to the context’s level and no area, and writes neither', () => {
    const d = defaultState(multi);
    expect([d.level, d.within]).toEqual(['county', null]);
    expect(encodeState(d, multi)).toBe('');
  });

  it('round-trips a level and an area', () => {
    for (const [level, within] of [
      ['town', '370830'],
      ['county', '3708'],
      ['city', '37'],
      ['province', null],
      ['town', 'n:某县'],
      ['county', '?c'],
    ] as const) {
      const s = { ...defaultState(multi), level, within };
      const back = dec(encodeState(s, multi));
      expect(back.notes).toEqual([]);
      expect(back.state).toEqual(s);
    }
  });

  it('an unknown level, or a level not offered, falls back with a note', () => {
    expect(dec('level=village').state.level).toBe('county');
    expect(dec('level=village').notes[0]).toContain('层级“village”');
    const single = decodeState('level=province', ctx);
    expect(single.state.level).toBe('town');
    expect(single.notes).toHaveLength(1);
  });

  it('an area not in the data, or not an area at all, is ignored with a note', () => {
    for (const bad of ['9999', '37083', "37' OR '1'='1", 'n:不存在县']) {
      const { state, notes } = dec(`in=${encodeURIComponent(bad)}`);
      expect(state.within).toBeNull();
      expect(notes[0]).toContain('区划范围');
    }
  });

  it('an area at or below the level shown compares the units one level below it', () => {
    expect(dec('in=370830&level=county').state.level).toBe('town');
    expect(dec('in=3708&level=province').state.level).toBe('county');
    expect(dec('in=37&level=town').state.level).toBe('town');
  });
});
