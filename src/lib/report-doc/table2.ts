/**
 * Table 二 主动公开政府信息情况, in either layout. The layout comes from the column headers
 * (本年新制作数量 … → 2019, 本年制发件数 … → 2021, also when a header is cut short: 本年新); the
 * rows are read by their labels.
 *
 * Variants of the 2019 trial form: its 其他对外管理服务事项 row split into 行政检查 / 行政确认 …
 * (their sum is read, the doubt recorded); rows the form does not have, such as 其他主动公开文件
 * with a long bracketed label (skipped, the other rows unaffected, and said so); amounts written
 * in 元 where the form asks for 万元 (`80618元`, or a header 采购总金额（元）: converted, the
 * doubt recorded).
 */
import { T2_BY_LAYOUT, type Layout } from '../model/tables.ts';
import type { Token } from './cells.ts';
import { labelKey, matchKey, printed, readValue } from './labels.ts';
import { readRows, type RowHit, type RowSpec } from './rows.ts';
import type { TableResult } from './table-result.ts';
import type { Provenance } from '../model/report-doc.ts';

/** The column headers each layout prints (match keys: bracketed notes dropped). */
const HEADERS: Readonly<Record<Layout, readonly string[]>> = {
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '处理决定数量', '采购项目数量', '采购总金额'],
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
};

/** The layout a header (or a part of one, 3 characters at least) names, when only one has it. */
function headerLayout(key: string): Layout | null {
  if (key.length < 3) return null;
  const in2019 = HEADERS['2019'].some((h) => h.includes(key));
  const in2021 = HEADERS['2021'].some((h) => h.includes(key));
  if (in2019 || in2021) return in2019 === in2021 ? null : in2019 ? '2019' : '2021';
  return runTogetherLayout(key);
}

/**
 * Headers run together into one cell (`信息内容本年制发件数本年废止件数现行有效件数`): the layout of
 * the whole headers found in it, a header inside a longer one found there not counted (处理决定数量
 * inside 本年处理决定数量); null when they name neither layout, or both.
 */
function runTogetherLayout(key: string): Layout | null {
  const found: { layout: Layout; from: number; to: number }[] = [];
  for (const layout of ['2019', '2021'] as const) {
    for (const h of HEADERS[layout]) {
      for (let at = key.indexOf(h); at >= 0; at = key.indexOf(h, at + 1)) found.push({ layout, from: at, to: at + h.length });
    }
  }
  const whole = found.filter((f) => !found.some((g) => g !== f && g.from <= f.from && g.to >= f.to && g.to - g.from > f.to - f.from));
  const layouts = new Set(whole.map((f) => f.layout));
  return layouts.size === 1 ? [...layouts][0]! : null;
}

/** Row label variants, by the label the form prints. */
const ROW_MATCH: Readonly<Record<string, RegExp>> = {
  规章: /^规章/,
  规范性文件: /^(行政)?规范性(文件|档案)/,
  行政规范性文件: /^(行政)?规范性(文件|档案)/,
  行政许可: /^行政许可/,
  其他对外管理服务事项: /对外管理服务/,
  行政处罚: /^行政处罚/,
  行政强制: /^行政强制/,
  行政事业性收费: /事业性收费/,
  政府集中采购: /集中采购/,
};

/** Rows the 2019 trial form's 其他对外管理服务事项 is split into in some reports. */
const SERVICE_PARTS = ['行政检查', '行政确认', '行政奖励', '行政裁决', '行政给付', '行政征收'];
const SERVICES = '其他对外管理服务事项';

/** Rows no form has, printed by some reports: skipped. */
const EXTRA_ROWS: readonly { label: string; match: RegExp }[] = [{ label: '其他主动公开文件', match: /^其他主动公开(文件|档案)/ }];

interface T2Row {
  spec: RowSpec;
  label: string;
  cells: readonly { id: string; column: string; kind: string }[];
  /** a row of the form, a part of 其他对外管理服务事项, or a row no form has */
  role: 'form' | 'part' | 'extra';
}

function rowsOf(layout: Layout): T2Row[] {
  const out: T2Row[] = [];
  for (const block of T2_BY_LAYOUT[layout]) {
    for (const row of block.rows) {
      out.push({
        spec: { key: row.label, match: ROW_MATCH[row.label] ?? new RegExp(row.label), count: row.cells.length },
        label: row.label,
        cells: row.cells,
        role: 'form',
      });
      if (row.label === SERVICES) {
        for (const part of SERVICE_PARTS) {
          out.push({ spec: { key: part, match: new RegExp(`^${part}`), count: row.cells.length, loose: true }, label: part, cells: row.cells, role: 'part' });
        }
      }
      if (/规范性文件/.test(row.label)) {
        for (const x of EXTRA_ROWS) out.push({ spec: { key: x.label, match: x.match, count: row.cells.length, loose: true }, label: x.label, cells: row.cells, role: 'extra' });
      }
    }
  }
  return out;
}

/** The layout table 二's headers name: null when they name neither, or both. */
export function t2LayoutFromHeaders(tokens: readonly Token[]): Layout | null {
  const seen = { '2019': 0, '2021': 0 };
  for (const t of tokens) {
    if (t.kind !== 'cell' || readValue(t.text) !== null) continue;
    const words = printed(t.text).split(' ');
    const keys = new Set([matchKey(t.text), ...(words.length > 1 ? words.map(matchKey) : [])]);
    for (const key of keys) {
      const l = headerLayout(key);
      if (l) seen[l]++;
    }
  }
  if (seen['2019'] > 0 && seen['2021'] === 0) return '2019';
  if (seen['2021'] > 0 && seen['2019'] === 0) return '2021';
  return null;
}

/**
 * Without headers, the rows tell: 其他对外管理服务事项 (or its parts) and 政府集中采购 are 2019
 * rows; 行政许可 with two values or more is 2019, with one value 2021.
 */
export function t2LayoutFromRows(tokens: readonly Token[]): Layout | null {
  const hits = readRows(tokens, rowsOf('2019').map((r) => r.spec));
  if (hits.has(SERVICES) || hits.has('政府集中采购') || SERVICE_PARTS.some((p) => hits.has(p))) return '2019';
  const license = hits.get('行政许可');
  if (license) return license.values.filter((v) => v !== null).length - license.blanks.length >= 2 ? '2019' : '2021';
  return null;
}

/** Amount columns whose header says 元 rather than 万元 (采购总金额（元）), by column. */
function yuanColumns(tokens: readonly Token[], rows: readonly T2Row[]): Set<string> {
  const amounts = new Set(rows.flatMap((r) => r.cells.filter((c) => c.kind === 'amount').map((c) => matchKey(c.column))));
  const out = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'cell' || readValue(t.text) !== null) continue;
    const key = matchKey(t.text);
    if (amounts.has(key) && /元/.test(labelKey(t.text)) && !/万元/.test(labelKey(t.text))) out.add(key);
  }
  return out;
}

const BLANK_DOUBT = '空白单元格，按 0 计';
const SPLIT_DOUBT = '数字连写，按每格一位数拆分';
const YUAN_DOUBT = '单位为元，已换算为万元';

/** Read table 二 in the given layout. */
export function readTable2(tokens: readonly Token[], layout: Layout): TableResult {
  const rows = rowsOf(layout);
  const hits = readRows(
    tokens,
    rows.map((r) => r.spec),
  );
  const result: TableResult = { values: {}, provenance: {}, warnings: [], rowsRead: 0 };
  const yuan = yuanColumns(tokens, rows);
  // A row with fewer numbers than columns: which columns they stand in is not known (a cell lost or
  // merged); read from the left with a doubt, except a report cut off inside its last row.
  const formHits = rows.filter((r) => r.role === 'form' && hits.has(r.spec.key)).map((r) => ({ row: r, hit: hits.get(r.spec.key)! }));
  const lastAt = Math.max(...[...hits.values()].map((h) => h.at));
  const shortRows = formHits.filter(({ row, hit }) => hit.values.length > 0 && hit.values.length < row.cells.length && !hit.runTogether).map(({ hit }) => hit);
  const isShort = (hit: RowHit) => shortRows.includes(hit) && !(shortRows.length === 1 && hit.at === lastAt);
  // the parts of 其他对外管理服务事项, in the order printed
  const parts = rows.filter((r) => r.role === 'part' && hits.has(r.label)).sort((a, b) => hits.get(a.label)!.at - hits.get(b.label)!.at);
  for (const row of rows) {
    if (row.role === 'extra') {
      const hit = hits.get(row.label);
      if (hit) result.warnings.push(`表二另有「${hit.label}」行（表式中没有），未读取；其他各行照常读取`);
      continue;
    }
    if (row.role === 'part') {
      const hit = hits.get(row.label);
      if (hit && hits.has(SERVICES)) result.warnings.push(`表二另有「${hit.label}」行（已有「${SERVICES}」行），未读取`);
      continue;
    }
    let hit = hits.get(row.spec.key);
    let doubt: string | undefined;
    if (!hit && row.label === SERVICES && parts.length > 0) {
      const names = parts.map((p) => `「${hits.get(p.label)!.label}」`).join('');
      hit = sumOfParts(parts.map((p) => hits.get(p.label)!), row.cells.length, names);
      const n = parts.length === 1 ? '行' : `${'两三四五六'[parts.length - 2]}行之和`;
      doubt = parts.length === 1 ? `按${names}行计` : `由${names}${n.slice(0, 2)}相加`;
      result.warnings.push(`表二没有「${SERVICES}」行，按${names}${n}计`);
    }
    if (!hit) {
      result.warnings.push(`表二缺少「${row.label}」行`);
      continue;
    }
    if (hit.runTogether && !hit.runTogether.split) {
      result.warnings.push(`表二「${hit.label}${hit.runTogether.text}」行的数字连在一起，无法确定各格的数，未读取`);
      continue;
    }
    result.rowsRead++;
    if (hit.values.length < row.cells.length) {
      result.warnings.push(`表二「${hit.label}」行只读到 ${hit.values.length} 个数，应有 ${row.cells.length} 个`);
    }
    if (hit.runTogether) {
      result.warnings.push(`表二「${hit.label}${hit.runTogether.text}」行的数字连在一起，按每格一位数读作 ${[...hit.runTogether.text].join('、')}`);
    }
    if (hit.blanks.length > 0) {
      result.warnings.push(`表二「${hit.label}」行的空白单元格（${hit.blanks.map((i) => row.cells[i]!.column).join('、')}）按 0 计`);
    }
    row.cells.forEach((c, i) => {
      let v = hit.values[i] ?? null;
      if (v === null) return;
      const doubts: string[] = [];
      if (doubt) doubts.push(doubt);
      if (hit.blanks.includes(i)) doubts.push(BLANK_DOUBT);
      if (hit.runTogether) doubts.push(SPLIT_DOUBT);
      if (isShort(hit)) doubts.push(`该行只有 ${hit.values.length} 个数（应有 ${row.cells.length} 个），所在的列无法确定，按从左到右计`);
      const unit = hit.units[i];
      if (c.kind === 'amount' && (unit === '元' || (unit === undefined && yuan.has(matchKey(c.column))))) {
        const converted = Number((v / 10000).toFixed(8));
        result.warnings.push(`表二「${hit.label}」行「${c.column}」写作 ${v} 元，已换算为 ${converted} 万元`);
        v = converted;
        doubts.push(YUAN_DOUBT);
      }
      result.values[c.id] = v;
      const p: Provenance = { kind: 'table', table: '二', row: hit.label, column: c.column };
      if (doubts.length > 0) p.doubt = doubts.join('；');
      result.provenance[c.id] = p;
    });
  }
  return result;
}

/** The rows 其他对外管理服务事项 was split into, added up column by column (a column any of them lacks stays empty). */
function sumOfParts(hits: readonly RowHit[], count: number, names: string): RowHit {
  const values: (number | null)[] = [];
  for (let i = 0; i < count; i++) {
    const vs = hits.map((h) => h.values[i] ?? null);
    values.push(vs.some((v) => v === null) ? null : vs.reduce<number>((a, b) => a + b!, 0));
  }
  const blanks = [...new Set(hits.flatMap((h) => h.blanks))].filter((i) => values[i] !== null);
  return { key: SERVICES, label: `${SERVICES}（${names}之和）`, at: hits[0]!.at, values, units: [], blanks };
}
