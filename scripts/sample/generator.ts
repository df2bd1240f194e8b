/**
 * Deterministic generator of synthetic township reports (示例数据).
 *
 * Each town gets its own random stream derived from (seed, town code), so a town's reports are the
 * same whether it is generated alone, with its county, or with the whole country. Tables satisfy
 * R1–R8 by construction; the documented BREAKS below are then applied so that quality checks have
 * something to find. Real transcribed reports ("anchors") replace generated ones and the
 * generated years around them are made to agree with them (R6).
 */
import { METRICS } from '../../src/lib/model/catalogue.ts';
import type { Division } from '../../src/lib/model/divisions.ts';
import { OUTCOME_GROUPS } from '../../src/lib/model/groupings.ts';
import { reportKey, type MetricValues, type Report } from '../../src/lib/model/report.ts';
import type { RuleId } from '../../src/lib/model/rules.ts';
import { T3_APPLICANT_COLUMNS, T3_COLUMNS, T4_BLOCKS, t3Id, t4Id, type Layout, type T3ColumnId } from '../../src/lib/model/tables.ts';
import { hash32, Random } from './random.ts';

export const DEFAULT_SEED = 20260101;
export const DEFAULT_YEARS: readonly number[] = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
/**
 * The 来源 of every generated report, as 镇街详情 and exports show it: words for a clerk, not a
 * path in this repository. Written so that reading it back changes nothing (no full-width forms,
 * which the importer's NFKC normalisation would turn into ASCII punctuation, and no extra
 * spaces), so a generated file's identity cells are taken as they are (db/csv-stage.ts readAsStaged).
 */
export const SAMPLE_SOURCE = '程序生成的示例数据';

export interface GenerateOptions {
  seed?: number;
  years?: readonly number[];
  /** real reports that replace generated ones with the same identity */
  anchors?: readonly Report[];
  /** apply the documented rule breaks (default true) */
  breaks?: boolean;
}

/** A deliberate rule break: which town and year, which rule it breaks, and how. */
export interface RuleBreak {
  town_code: string;
  town: string;
  year: number;
  rule: RuleId;
  what: string;
  apply: (m: MetricValues) => void;
}

const bump = (m: MetricValues, id: string, by: number) => {
  m[id] = (m[id] ?? 0) + by;
};

/** The documented breaks (汶上县). Each changes cells so that exactly its own rule fails. */
export const BREAKS: readonly RuleBreak[] = [
  {
    town_code: '370830103',
    town: '次邱镇',
    year: 2020,
    rule: 'R1',
    what: '表三「予以公开」与「办理总计」的自然人列、总计列各多填 1 件：新收 + 结转 ≠ 办理总计 + 结转下年度',
    apply: (m) => {
      for (const c of ['person', 'total'] as const) {
        bump(m, t3Id('open', c), 1);
        bump(m, t3Id('total', c), 1);
      }
    },
  },
  {
    town_code: '370830102',
    town: '南旺镇',
    year: 2022,
    rule: 'R2',
    what: '表三「予以公开」自然人列、总计列各多填 1 件：办理总计 ≠ 各项办理结果之和',
    apply: (m) => {
      bump(m, t3Id('open', 'person'), 1);
      bump(m, t3Id('open', 'total'), 1);
    },
  },
  {
    town_code: '370830105',
    town: '郭楼镇',
    year: 2023,
    rule: 'R3',
    what: '表三「其他处理·其他」自然人列、总计列各多填 1 件：其他处理 ≠ 三个子项之和',
    apply: (m) => {
      bump(m, t3Id('other_misc', 'person'), 1);
      bump(m, t3Id('other_misc', 'total'), 1);
    },
  },
  {
    town_code: '370830111',
    town: '杨店镇',
    year: 2024,
    rule: 'R4',
    what:
      '表三总计列的「本年新收」「予以公开」「办理总计」各多填 1 件，而各申请人列未变：总计列 ≠ 各列之和（正文若写了申请数，按总计列填写）',
    apply: (m) => {
      for (const row of ['new', 'open', 'total']) bump(m, t3Id(row, 'total'), 1);
      if (m.text_applications != null) m.text_applications = m[t3Id('new', 'total')] ?? null;
    },
  },
  {
    town_code: '370830110',
    town: '白石镇',
    year: 2021,
    rule: 'R5',
    what: '表四「行政复议·结果维持」多填 1 件，总计未变',
    apply: (m) => bump(m, t4Id('review', 'upheld'), 1),
  },
  {
    town_code: '370830108',
    town: '义桥镇',
    year: 2023,
    rule: 'R6',
    what: '表三「上年结转」「予以公开」「办理总计」的自然人列、总计列各多填 1 件：上年结转 ≠ 2022 年结转下年度',
    apply: (m) => {
      for (const c of ['person', 'total'] as const) {
        bump(m, t3Id('carried_in', c), 1);
        bump(m, t3Id('open', c), 1);
        bump(m, t3Id('total', c), 1);
      }
    },
  },
  {
    town_code: '370830107',
    town: '苑庄镇',
    year: 2019,
    rule: 'R7',
    what: '表二「规章·本年新制作数量」填为 1：乡镇不制定规章',
    apply: (m) => {
      m.t2_rules_made = 1;
    },
  },
  {
    town_code: '370830104',
    town: '寅寺镇',
    year: 2025,
    rule: 'R8',
    what: '正文写收到申请数比表三「本年新收」总计多 2 件',
    apply: (m) => {
      m.text_applications = (m[t3Id('new', 'total')] ?? 0) + 2;
    },
  },
];

/** Layout a town uses in a year: 2019 until 2020, 2021 from 2023; some towns lag in 2021–2022. */
function layoutFor(year: number, lagUntil: number): Layout {
  if (year <= 2020) return '2019';
  return year <= lagUntil ? '2019' : '2021';
}

interface TownProfile {
  /** publication scale: 街道 publish more than 乡 */
  scale: number;
  usesOther: boolean;
  /** reports only a total, not channels */
  totalOnly: boolean;
  /** probability that a year has any applications */
  applyRate: number;
  /** last year the town still uses the 2019 layout (2020 = switches on time) */
  lagUntil: number;
  /** how often narrative values are left empty */
  gapRate: number;
}

function profile(d: Division, rng: Random): TownProfile {
  const scale = d.type === '街道' ? 1.6 : d.type === '乡' ? 0.7 : 1;
  const lag = rng.weighted<number>([
    [2020, 70],
    [2021, 20],
    [2022, 10],
  ]);
  return {
    scale: scale * (0.6 + rng.next() * 0.9),
    usesOther: rng.chance(0.25),
    totalOnly: rng.chance(0.1),
    applyRate: d.type === '街道' ? 0.45 : 0.2,
    lagUntil: lag,
    gapRate: rng.weighted<number>([
      [0.02, 60],
      [0.12, 30],
      [0.3, 10],
    ]),
  };
}

type ColumnCounts = Record<T3ColumnId, number>;
const zeroColumns = (): ColumnCounts =>
  Object.fromEntries(T3_COLUMNS.map((c) => [c.id, 0])) as ColumnCounts;

/** State carried from one year to the next for a town. */
interface Carry {
  carriedOut: ColumnCounts;
  inForce: { rules: number; normative: number } | null;
  normativeTotal: number;
  licenseItems: number;
  servicesItems: number;
  penaltyItems: number;
  coercionItems: number;
  feeItems: number;
  pubBase: { website: number; newmedia: number; board: number; other: number };
}

function emptyMetrics(): MetricValues {
  return Object.fromEntries(METRICS.map((m) => [m.id, null]));
}

const OUTCOME_WEIGHTS: readonly (readonly [string, number])[] = [
  ['open', 45],
  ['partial', 10],
  ['deny_third_party', 3],
  ['deny_process', 3],
  ['deny_internal', 2],
  ['unable_not_held', 15],
  ['unable_create', 4],
  ['unable_unclear', 2],
  ['reject_petition', 5],
  ['reject_repeat', 4],
  ['reject_confirm', 2],
  ['other', 5],
];
const OTHER_SUBROWS = ['other_no_correction', 'other_no_fee', 'other_misc'] as const;

function fillTable3(m: MetricValues, rng: Random, p: TownProfile, layout: Layout, carry: Carry, forcedCarriedOut: ColumnCounts | null) {
  const rows = [
    'new',
    'carried_in',
    ...OUTCOME_GROUPS.flatMap((g) => g.rows),
    ...(layout === '2021' ? OTHER_SUBROWS : []),
    'total',
    'carried_out',
  ];
  for (const row of rows) for (const c of T3_COLUMNS) m[t3Id(row, c.id)] = 0;

  const newApps = zeroColumns();
  if (rng.chance(p.applyRate)) {
    const n = rng.weighted<number>([
      [1, 40],
      [2, 25],
      [3, 15],
      [4, 8],
      [6, 7],
      [11, 5],
    ]);
    for (let i = 0; i < n; i++) {
      const who = rng.weighted<T3ColumnId>([
        ['person', 85],
        ['business', 8],
        ['org_other', 4],
        ['legal', 2],
        ['ngo', 1],
      ]);
      newApps[who]++;
    }
  }
  for (const c of T3_APPLICANT_COLUMNS) {
    const carriedIn = carry.carriedOut[c];
    const open = newApps[c] + carriedIn;
    let out = forcedCarriedOut ? forcedCarriedOut[c] : 0;
    if (!forcedCarriedOut && open > 0 && rng.chance(0.12)) out = 1;
    if (out > open) out = open;
    const handled = open - out;
    m[t3Id('new', c)] = newApps[c];
    m[t3Id('carried_in', c)] = carriedIn;
    m[t3Id('carried_out', c)] = out;
    m[t3Id('total', c)] = handled;
    for (let i = 0; i < handled; i++) {
      const row = rng.weighted(OUTCOME_WEIGHTS);
      bump(m, t3Id(row, c), 1);
      if (row === 'other' && layout === '2021') bump(m, t3Id(rng.pick(OTHER_SUBROWS), c), 1);
    }
  }
  // 总计 column = sum of applicant columns, for every row (R4).
  for (const row of rows) {
    m[t3Id(row, 'total')] = T3_APPLICANT_COLUMNS.reduce((a, c) => a + (m[t3Id(row, c)] ?? 0), 0);
  }
}

function fillTable4(m: MetricValues, rng: Random) {
  const rates: Record<string, number> = { review: 0.05, suit_direct: 0.025, suit_after_review: 0.01 };
  for (const b of T4_BLOCKS) {
    const n = rng.chance(rates[b.id]!) ? rng.int(1, 2) : 0;
    const cols = { upheld: 0, corrected: 0, other: 0, pending: 0 };
    for (let i = 0; i < n; i++) {
      const k = rng.weighted<keyof typeof cols>([
        ['upheld', 60],
        ['corrected', 15],
        ['other', 10],
        ['pending', 15],
      ]);
      cols[k]++;
    }
    for (const [k, v] of Object.entries(cols)) m[t4Id(b.id, k as keyof typeof cols)] = v;
    m[t4Id(b.id, 'total')] = n;
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function fillTable2(m: MetricValues, rng: Random, layout: Layout, carry: Carry) {
  const decisions = {
    license: rng.chance(0.5) ? rng.int(1, 30) : 0,
    penalty: rng.chance(0.6) ? rng.int(1, 25) : 0,
    coercion: rng.chance(0.15) ? rng.int(1, 3) : 0,
  };
  if (layout === '2021') {
    const normativeIssued = rng.weighted<number>([
      [0, 50],
      [1, 25],
      [2, 15],
      [3, 10],
    ]);
    const before = carry.inForce ?? { rules: 0, normative: rng.int(1, 8) };
    const normativeRepealed = Math.min(before.normative, rng.chance(0.25) ? rng.int(1, 2) : 0);
    m.t2_rules_issued = 0;
    m.t2_rules_repealed = 0;
    m.t2_rules_in_force = before.rules;
    m.t2_normative_issued = normativeIssued;
    m.t2_normative_repealed = normativeRepealed;
    m.t2_normative_in_force = before.normative + normativeIssued - normativeRepealed;
    carry.inForce = { rules: before.rules, normative: m.t2_normative_in_force };
    m.t2_license_decisions = decisions.license;
    m.t2_penalty_decisions = decisions.penalty;
    m.t2_coercion_decisions = decisions.coercion;
    m.t2_fees_amount = rng.chance(0.15) ? round2(rng.next() * 20) : 0;
    return;
  }
  const made = rng.weighted<number>([
    [0, 55],
    [1, 25],
    [2, 12],
    [4, 8],
  ]);
  carry.normativeTotal += made;
  m.t2_rules_made = 0;
  m.t2_rules_published = 0;
  m.t2_rules_total = 0;
  m.t2_normative_made = made;
  m.t2_normative_published = made;
  m.t2_normative_total = carry.normativeTotal;
  const items = (key: 'license' | 'services' | 'penalty' | 'coercion', prevKey: keyof Carry, dec: number) => {
    const prev = carry[prevKey] as number;
    const change = rng.chance(0.2) ? Math.max(-prev, rng.int(-1, 2)) : 0;
    m[`t2_${key}_prev`] = prev;
    m[`t2_${key}_change`] = change;
    m[`t2_${key}_decisions`] = dec;
    (carry[prevKey] as number) = prev + change;
  };
  items('license', 'licenseItems', decisions.license);
  items('services', 'servicesItems', rng.chance(0.2) ? rng.int(1, 10) : 0);
  items('penalty', 'penaltyItems', decisions.penalty);
  items('coercion', 'coercionItems', decisions.coercion);
  m.t2_fees_prev = carry.feeItems;
  m.t2_fees_change = 0;
  m.t2_procurement_projects = rng.chance(0.3) ? rng.int(1, 3) : 0;
  m.t2_procurement_amount = m.t2_procurement_projects > 0 ? round2(5 + rng.next() * 80) : 0;
}

function fillNarrative(m: MetricValues, rng: Random, p: TownProfile, carry: Carry, yearIndex: number) {
  const growth = 1 + 0.08 * yearIndex;
  const vary = (base: number) => Math.max(0, Math.round(base * growth * (0.75 + rng.next() * 0.5)));
  const gap = () => rng.chance(p.gapRate);
  const b = carry.pubBase;
  const website = vary(b.website);
  const newmedia = vary(b.newmedia);
  const board = vary(b.board);
  const other = p.usesOther ? vary(b.other) : null;
  if (rng.chance(0.05)) {
    // some reports state no publication numbers at all: 未报告, not zero
  } else if (p.totalOnly) {
    m.pub_total = website + newmedia + board + (other ?? 0);
  } else {
    m.pub_website = gap() ? null : website;
    m.pub_newmedia = gap() ? null : newmedia;
    m.pub_board = gap() ? null : board;
    m.pub_other = other;
  }
  if (!gap()) {
    const sessions = rng.int(2, 12);
    m.train_sessions = sessions;
    m.train_people = gap() ? null : sessions * rng.int(8, 40);
  }
  if (rng.chance(0.6)) m.text_applications = m[t3Id('new', 'total')] ?? null;
  if (rng.chance(0.5)) {
    m.text_review = m[t4Id('review', 'total')] ?? null;
    m.text_suit = (m[t4Id('suit_direct', 'total')] ?? 0) + (m[t4Id('suit_after_review', 'total')] ?? 0);
  }
}

function carryFromReport(r: Report, carry: Carry) {
  const out = zeroColumns();
  for (const c of T3_COLUMNS) out[c.id] = r.metrics[t3Id('carried_out', c.id)] ?? 0;
  carry.carriedOut = out;
  const rules = r.metrics.t2_rules_in_force;
  const normative = r.metrics.t2_normative_in_force;
  if (rules != null && normative != null) carry.inForce = { rules, normative };
  if (r.metrics.t2_normative_total != null) carry.normativeTotal = r.metrics.t2_normative_total;
}

/** Generate the reports of one town for the given years. */
export function generateTown(d: Division, opts: GenerateOptions = {}): Report[] {
  const seed = opts.seed ?? DEFAULT_SEED;
  const years = opts.years ?? DEFAULT_YEARS;
  const anchors = new Map((opts.anchors ?? []).map((r) => [reportKey(r), r]));
  const rng = new Random(hash32(`${seed}:${d.code}`));
  const p = profile(d, rng);
  const carry: Carry = {
    carriedOut: zeroColumns(),
    inForce: null,
    normativeTotal: rng.int(0, 6),
    licenseItems: rng.int(0, 6),
    servicesItems: rng.int(0, 4),
    penaltyItems: rng.int(0, 8),
    coercionItems: rng.int(0, 2),
    feeItems: 0,
    pubBase: {
      website: 40 * p.scale,
      newmedia: 180 * p.scale,
      board: 50 * p.scale,
      other: 20 * p.scale,
    },
  };
  const identity = { county: d.county, town: d.name, town_code: d.code };
  const out: Report[] = [];
  years.forEach((year, i) => {
    const anchor = anchors.get(reportKey({ ...identity, year }));
    if (anchor) {
      out.push(anchor);
      carryFromReport(anchor, carry);
      return;
    }
    const next = anchors.get(reportKey({ ...identity, year: year + 1 }));
    let forced: ColumnCounts | null = null;
    if (next) {
      forced = zeroColumns();
      for (const c of T3_COLUMNS) forced[c.id] = next.metrics[t3Id('carried_in', c.id)] ?? 0;
    }
    const layout = layoutFor(year, p.lagUntil);
    const m = emptyMetrics();
    fillTable2(m, rng, layout, carry);
    fillTable3(m, rng, p, layout, carry, forced);
    fillTable4(m, rng);
    fillNarrative(m, rng, p, carry, i);
    const co = zeroColumns();
    for (const c of T3_COLUMNS) co[c.id] = m[t3Id('carried_out', c.id)] ?? 0;
    carry.carriedOut = co;
    if (opts.breaks !== false) {
      for (const b of BREAKS) if (b.town_code === d.code && b.year === year) b.apply(m);
    }
    out.push({ ...identity, year, layout, source: SAMPLE_SOURCE, synthetic: true, metrics: m });
  });
  return out;
}

/** Generate every town's reports, in division order. */
export function* generateReports(divisions: Iterable<Division>, opts: GenerateOptions = {}): Generator<Report> {
  for (const d of divisions) yield* generateTown(d, opts);
}

/** Select divisions by a list of county codes, prefecture (city) codes, province codes, or all of them. */
export type Scale =
  | { counties: readonly string[] }
  | { prefectures: readonly string[] }
  | { provinces: readonly string[] }
  | { country: true };

export function selectDivisions(all: readonly Division[], scale: Scale): Division[] {
  if ('country' in scale) return [...all];
  if ('provinces' in scale) {
    const set = new Set(scale.provinces);
    return all.filter((d) => set.has(d.province_code));
  }
  if ('prefectures' in scale) {
    const set = new Set(scale.prefectures);
    return all.filter((d) => set.has(d.city_code));
  }
  const set = new Set(scale.counties);
  return all.filter((d) => set.has(d.county_code));
}
