/**
 * Consistency rules (勾稽关系) R1–R8. Each broken rule is a finding shown to the user, never a
 * silent fix. A rule is checked only where every value it involves is stated: an empty cell is
 * "not reported", not zero.
 */
import { METRICS } from './catalogue.ts';
import { OUTCOME_GROUPS } from './groupings.ts';
import { townKey, type Report } from './report.ts';
import { T2_2021, T3_APPLICANT_COLUMNS, T3_COLUMNS, T3_ROWS, T4_BLOCKS, t3Id, t4Id, type T3ColumnId } from './tables.ts';

export type RuleId = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8';
export type Severity = 'error' | 'warning';

export const RULES: Readonly<Record<RuleId, { title: string; severity: Severity }>> = {
  R1: { title: '表三各列：本年新收 + 上年结转 = 办理总计 + 结转下年度', severity: 'error' },
  R2: { title: '表三各列：办理总计 = 各项办理结果之和', severity: 'error' },
  R3: { title: '表三（2021 表式）：其他处理 = 三个子项之和', severity: 'error' },
  R4: { title: '表三各行：总计列 = 自然人 + 五类法人或其他组织', severity: 'error' },
  R5: { title: '表四各栏：总计 = 维持 + 纠正 + 其他 + 尚未审结', severity: 'error' },
  R6: { title: '跨年度：结转下年度 = 次年上年结转；现行有效件数前后衔接', severity: 'warning' },
  R7: { title: '合理性：乡镇不制定规章；件数为非负整数', severity: 'warning' },
  R8: { title: '正文与表格一致：申请数、复议数、诉讼数', severity: 'warning' },
};

export interface Finding {
  rule: RuleId;
  severity: Severity;
  county: string;
  town: string;
  town_code: string | null;
  year: number;
  /** metric ids of the cells involved */
  cells: string[];
  /** the two sides that should agree, when the rule is an equation */
  expected?: number;
  actual?: number;
  /** 中文 explanation naming the cells and numbers */
  message: string;
}

type Term = { id: string; label: string };

const v = (r: Report, id: string): number | null => r.metrics[id] ?? null;

function finding(r: Report, rule: RuleId, cells: string[], message: string, extra: Partial<Finding> = {}): Finding {
  return {
    rule,
    severity: RULES[rule].severity,
    county: r.county,
    town: r.town,
    town_code: r.town_code,
    year: r.year,
    cells,
    message,
    ...extra,
  };
}

/** Check left = right where each side is a sum of stated cells; returns a finding or null. */
function equation(r: Report, rule: RuleId, where: string, left: Term[], right: Term[]): Finding | null {
  // the common case, every cell stated and the sides equal, without allocating
  let l = 0;
  let rr = 0;
  for (const t of left) {
    const x = v(r, t.id);
    if (x === null) return null;
    l += x;
  }
  for (const t of right) {
    const x = v(r, t.id);
    if (x === null) return null;
    rr += x;
  }
  if (Math.abs(l - rr) < 1e-9) return null;
  const lv = left.map((t) => v(r, t.id));
  const rv = right.map((t) => v(r, t.id));
  const show = (terms: Term[], vals: (number | null)[]) => {
    if (terms.length <= 4) return terms.map((t, i) => `${t.label} ${vals[i]}`).join(' + ');
    const stated = terms.map((t, i) => `${t.label} ${vals[i]}`).filter((_, i) => vals[i] !== 0);
    const zeros = terms.length - stated.length;
    return `${stated.length > 0 ? stated.join(' + ') : ''}${zeros > 0 ? `${stated.length > 0 ? ' + ' : ''}其余 ${zeros} 项均为 0` : ''}`;
  };
  return finding(
    r,
    rule,
    [...left, ...right].map((t) => t.id),
    `${where}：${show(left, lv)} = ${l}，但 ${show(right, rv)} = ${rr}（相差 ${l - rr}）`,
    { expected: l, actual: rr },
  );
}

/** One equation of a rule, its terms built once. */
interface Eq {
  where: string;
  left: Term[];
  right: Term[];
}

const check = (r: Report, rule: RuleId, eqs: readonly Eq[]): Finding[] => {
  let out: Finding[] | null = null;
  for (const e of eqs) {
    const f = equation(r, rule, e.where, e.left, e.right);
    if (f) (out ??= []).push(f);
  }
  return out ?? [];
};

const rowShort = new Map(T3_ROWS.map((row) => [row.id, row.short]));
const t3 = (row: string, col: T3ColumnId): Term => ({ id: t3Id(row, col), label: rowShort.get(row) ?? row });
const colLabel = new Map(T3_COLUMNS.map((c) => [c.id, c.label]));

const R1_EQS: Eq[] = T3_COLUMNS.map((c) => ({ where: `R1 表三「${c.label}」列`, left: [t3('new', c.id), t3('carried_in', c.id)], right: [t3('total', c.id), t3('carried_out', c.id)] }));
const r1 = (r: Report): Finding[] => check(r, 'R1', R1_EQS);

const OUTCOME_ROWS = OUTCOME_GROUPS.flatMap((g) => g.rows);

const R2_EQS: Eq[] = T3_COLUMNS.map((c) => ({ where: `R2 表三「${c.label}」列`, left: [t3('total', c.id)], right: OUTCOME_ROWS.map((row) => t3(row, c.id)) }));
const r2 = (r: Report): Finding[] => check(r, 'R2', R2_EQS);

const R3_SUB_ROWS = ['other_no_correction', 'other_no_fee', 'other_misc'];
const R3_SUB_TOTALS = R3_SUB_ROWS.map((row) => t3Id(row, 'total'));
const R3_EQS: Eq[] = T3_COLUMNS.map((c) => ({ where: `R3 表三「${c.label}」列`, left: [t3('other', c.id)], right: R3_SUB_ROWS.map((row) => t3(row, c.id)) }));
function r3(r: Report): Finding[] {
  const applies = r.layout === '2021' || (r.layout === null && R3_SUB_TOTALS.some((id) => v(r, id) !== null));
  if (!applies) return [];
  return check(r, 'R3', R3_EQS);
}

const R4_EQS: Eq[] = T3_ROWS.map((row) => ({
  where: `R4 表三「${row.short}」行`,
  left: [{ id: t3Id(row.id, 'total'), label: '总计' }],
  right: T3_APPLICANT_COLUMNS.map((c) => ({ id: t3Id(row.id, c), label: colLabel.get(c) ?? c })),
}));
const r4 = (r: Report): Finding[] => check(r, 'R4', R4_EQS);

const R5_EQS: Eq[] = T4_BLOCKS.map((b) => ({
  where: `R5 表四「${b.label}」`,
  left: [{ id: t4Id(b.id, 'total'), label: '总计' }],
  right: [
    { id: t4Id(b.id, 'upheld'), label: '结果维持' },
    { id: t4Id(b.id, 'corrected'), label: '结果纠正' },
    { id: t4Id(b.id, 'other'), label: '其他结果' },
    { id: t4Id(b.id, 'pending'), label: '尚未审结' },
  ],
}));
const r5 = (r: Report): Finding[] => check(r, 'R5', R5_EQS);

function r7(r: Report): Finding[] {
  const out: Finding[] = [];
  for (const m of METRICS) {
    const x = v(r, m.id);
    if (x === null) continue;
    if (m.kind === 'count' && (x < 0 || !Number.isInteger(x))) {
      out.push(finding(r, 'R7', [m.id], `R7「${m.label}」应为非负整数，实为 ${x}`, { actual: x }));
    } else if (m.kind === 'change' && !Number.isInteger(x)) {
      out.push(finding(r, 'R7', [m.id], `R7「${m.label}」应为整数，实为 ${x}`, { actual: x }));
    } else if (m.kind === 'amount' && x < 0) {
      out.push(finding(r, 'R7', [m.id], `R7「${m.label}」金额不应为负，实为 ${x}`, { actual: x }));
    } else if (m.id.startsWith('t2_rules_') && x !== 0) {
      out.push(finding(r, 'R7', [m.id], `R7 乡镇一级不制定规章，「${m.label}」却为 ${x}`, { actual: x }));
    }
  }
  return out;
}

const R8_PAIRS: [string, string, string[]][] = [
  ['text_applications', '正文所述收到申请数', [t3Id('new', 'total')]],
  ['text_review', '正文所述行政复议案件数', [t4Id('review', 'total')]],
  ['text_suit', '正文所述行政诉讼案件数', [t4Id('suit_direct', 'total'), t4Id('suit_after_review', 'total')]],
];

/**
 * The within-report rules as sums of metric ids, for checking many reports by column
 * (src/lib/ingest/rule-prefilter.ts): a report none of these flags has no finding from checkReport.
 */
export const RULE_SUMS: readonly { left: readonly string[]; right: readonly string[] }[] = [
  ...[R1_EQS, R2_EQS, R3_EQS, R4_EQS, R5_EQS].flat().map((e) => ({ left: e.left.map((t) => t.id), right: e.right.map((t) => t.id) })),
  ...R8_PAIRS.map(([textId, , tableIds]) => ({ left: [textId], right: tableIds })),
];

function r8(r: Report): Finding[] {
  const out: Finding[] = [];
  for (const [textId, label, tableIds] of R8_PAIRS) {
    const t = v(r, textId);
    const parts = tableIds.map((id) => v(r, id));
    if (t === null || parts.some((p) => p === null)) continue;
    const table = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
    if (t !== table) {
      out.push(finding(r, 'R8', [textId, ...tableIds], `R8 ${label} ${t}，但表格中为 ${table}`, { expected: t, actual: table }));
    }
  }
  return out;
}

/** Rules checked within one report: R1–R5, R7, R8. */
export function checkReport(r: Report): Finding[] {
  return [...r1(r), ...r2(r), ...r3(r), ...r4(r), ...r5(r), ...r7(r), ...r8(r)];
}

const inForceRows = T2_2021[0]!.rows.map((row) => {
  const [issued, repealed, inForce] = row.cells.map((c) => c.id);
  return { label: row.label, issued: issued!, repealed: repealed!, inForce: inForce! };
});

/** R6 between the reports of one town in consecutive years. */
export function checkAcrossYears(prev: Report, cur: Report): Finding[] {
  const out: Finding[] = [];
  if (cur.year !== prev.year + 1) return out;
  for (const c of T3_COLUMNS) {
    const outId = t3Id('carried_out', c.id);
    const inId = t3Id('carried_in', c.id);
    const a = v(prev, outId);
    const b = v(cur, inId);
    if (a === null || b === null || a === b) continue;
    out.push(
      finding(cur, 'R6', [inId], `R6 表三「${c.label}」列：${prev.year} 年结转下年度 ${a}，但 ${cur.year} 年上年结转 ${b}`, {
        expected: a,
        actual: b,
      }),
    );
  }
  if (cur.layout === '2021') {
    for (const row of inForceRows) {
      const before = v(prev, row.inForce);
      const issued = v(cur, row.issued);
      const repealed = v(cur, row.repealed);
      const now = v(cur, row.inForce);
      if (before === null || issued === null || repealed === null || now === null) continue;
      const expected = before + issued - repealed;
      if (expected === now) continue;
      out.push(
        finding(
          cur,
          'R6',
          [row.issued, row.repealed, row.inForce],
          `R6 表二「${row.label}」：${prev.year} 年现行有效 ${before} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected}，但现行有效件数为 ${now}`,
          { expected, actual: now },
        ),
      );
    }
  }
  return out;
}

/** All rules over a set of reports: per report, then R6 between consecutive years of each town. */
export function checkAll(reports: readonly Report[]): Finding[] {
  const out = reports.flatMap(checkReport);
  const byTown = new Map<string, Report[]>();
  for (const r of reports) {
    const key = townKey(r);
    const list = byTown.get(key) ?? [];
    list.push(r);
    byTown.set(key, list);
  }
  for (const list of byTown.values()) {
    list.sort((a, b) => a.year - b.year);
    for (let i = 1; i < list.length; i++) out.push(...checkAcrossYears(list[i - 1]!, list[i]!));
  }
  return out;
}
