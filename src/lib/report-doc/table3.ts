/**
 * Table 三 收到和处理政府信息公开申请情况: 26 rows (in layout 2021 （六）其他处理 has three
 * sub-rows) × 7 columns. Rows are found by label, with or without item numbers and quotes.
 */
import { T3_COLUMNS, T3_ROWS, t3Id, type Layout, type T3Row } from '../model/tables.ts';
import type { Token } from './cells.ts';
import { matchKey, printed, readValue } from './labels.ts';
import { labelBefore, readRows, type RowHit, type RowSpec } from './rows.ts';
import type { TableResult } from './table-result.ts';
import type { Provenance } from '../model/report-doc.ts';

/** Row label variants, by row id (tested against the label key). */
const ROW_MATCH: Readonly<Record<string, RegExp>> = {
  new: /本年新收/,
  carried_in: /上年结转/,
  open: /^予以公开/,
  partial: /^部分公开/,
  deny_secret: /国家秘密/,
  deny_law: /法律行政法规|法律法规禁止|禁止公开/,
  deny_safety: /三安全一稳定/,
  deny_third_party: /第三方/,
  deny_internal: /内部事务/,
  deny_process: /过程性/,
  deny_enforcement: /执法案卷/,
  deny_query: /查询事项/,
  unable_not_held: /不掌握/,
  unable_create: /另行制作|没有现成/,
  unable_unclear: /仍不明确|补正后/,
  reject_petition: /信访|举报|投诉/,
  reject_repeat: /^重复申请/,
  reject_publication: /出版物/,
  reject_excessive: /大量反复/,
  reject_confirm: /重新出具|确认/,
  other: /^其他处理/,
  // the first part is enough: long labels are wrapped onto the next line in PDF copies
  other_no_correction: /申请人无正当理由|逾期不补正/,
  other_no_fee: /申请人逾期未按|缴纳费用|收费通知/,
  other_misc: /^其他(情形)?$/,
  total: /^(总计|合计)$/,
  carried_out: /结转下年/,
};

/** Group headings of numbered sub-rows, by the group the form prints. */
const GROUP_MATCH: Readonly<Record<string, RegExp>> = {
  '（三）不予公开': /^不予公开$/,
  '（四）无法提供': /^无法提供$/,
  '（五）不予处理': /^不予处理$/,
  '（六）其他处理': /^其他处理$/,
};

const COLUMN_MATCH: Readonly<Record<string, RegExp>> = {
  person: /^自然人$/,
  business: /^商业企业$/,
  research: /^科研机构$/,
  ngo: /^社会公益组织$/,
  legal: /^法律服务机构$/,
  org_other: /^其他(组织)?$/,
  total: /^总计$/,
};

const SPECS: readonly RowSpec[] = T3_ROWS.map((r) => ({
  key: r.id,
  match: ROW_MATCH[r.id]!,
  count: T3_COLUMNS.length,
  notFirst: r.id === 'other_misc' || r.id === 'total',
}));
const SUB_ROWS = ['other_no_correction', 'other_no_fee', 'other_misc'];

/** A row as the form names it: 「（三）不予公开 1.属于国家秘密」, 「（七）总计」. */
export const formLabel = (r: T3Row): string => (r.group?.startsWith('（') ? `${r.group} ${r.label}` : r.label);

export interface Table3Read {
  hits: Map<string, RowHit>;
  /** column labels as printed in the header, by column id */
  columns: Record<string, string>;
  tokens: readonly Token[];
  /** the layout-2021 sub-rows of （六）其他处理 were printed */
  subRows: boolean;
  /** （六）其他处理 was printed as a row with values */
  otherRow: boolean;
}

export function readTable3(tokens: readonly Token[]): Table3Read {
  const hits = readRows(tokens, SPECS);
  const firstRow = Math.min(...[...hits.values()].map((h) => h.at), tokens.length);
  const columns: Record<string, string> = Object.fromEntries(T3_COLUMNS.map((c) => [c.id, c.label]));
  for (const t of tokens.slice(0, firstRow)) {
    if (t.kind !== 'cell' || readValue(t.text) !== null) continue;
    const key = matchKey(t.text);
    for (const [id, re] of Object.entries(COLUMN_MATCH)) if (re.test(key)) columns[id] = printed(t.text);
  }
  const other = hits.get('other');
  return {
    hits,
    columns,
    tokens,
    subRows: SUB_ROWS.some((id) => hits.has(id)),
    otherRow: other !== undefined && other.values.some((v) => v !== null),
  };
}

const BLANK_DOUBT = '空白单元格，按 0 计';
const SPLIT_DOUBT = '数字连写，按每格一位数拆分';
const shortDoubt = (n: number) => `该行只有 ${n} 个数（应有 ${T3_COLUMNS.length} 个），所在的列无法确定，按从左到右计`;

/** The values of table 三 for a layout (null: unknown), with what is missing. */
export function table3Result(read: Table3Read, layout: Layout | null): TableResult {
  const result: TableResult = { values: {}, provenance: {}, warnings: [], rowsRead: 0 };
  const put = (id: string, v: number, row: string, column: string, doubt?: string) => {
    result.values[id] = v;
    const p: Provenance = { kind: 'table', table: '三', row, column };
    if (doubt) p.doubt = doubt;
    result.provenance[id] = p;
  };
  // Rows with fewer numbers than columns: which columns the numbers stand in is not known (a cell
  // lost or merged), they are read from the left with a doubt — except a report cut off inside its
  // last row, where the numbers it has are the first ones.
  const readRowsInOrder = [...read.hits.values()].sort((a, b) => a.at - b.at);
  const lastRead = readRowsInOrder[readRowsInOrder.length - 1];
  const shortRows = readRowsInOrder.filter((h) => h.values.length > 0 && h.values.length < T3_COLUMNS.length && !(h.runTogether && !h.runTogether.split));
  for (const r of T3_ROWS) {
    const hit = read.hits.get(r.id);
    if (!hit) continue;
    const group = r.group && GROUP_MATCH[r.group] ? (labelBefore(read.tokens, hit.at, GROUP_MATCH[r.group]!) ?? r.group) : null;
    const rowLabel = group && r.id !== 'other' ? `${group} ${hit.label}` : hit.label;
    if (hit.runTogether && !hit.runTogether.split) {
      result.warnings.push(`表三「${rowLabel}${hit.runTogether.text}」行的数字连在一起，无法确定各格的数，未读取`);
      continue;
    }
    result.rowsRead++;
    if (hit.values.length < T3_COLUMNS.length) {
      result.warnings.push(`表三「${rowLabel}」行只读到 ${hit.values.length} 个数，应有 ${T3_COLUMNS.length} 个`);
    }
    if (hit.runTogether) {
      result.warnings.push(`表三「${rowLabel}」行的数字连在一起（${hit.runTogether.text}），按每格一位数读取`);
    }
    if (hit.blanks.length > 0) {
      result.warnings.push(`表三「${rowLabel}」行的空白单元格（${hit.blanks.map((i) => read.columns[T3_COLUMNS[i]!.id] ?? T3_COLUMNS[i]!.label).join('、')}）按 0 计`);
    }
    const short = shortRows.includes(hit) && !(shortRows.length === 1 && hit === lastRead) ? shortDoubt(hit.values.length) : undefined;
    T3_COLUMNS.forEach((c, i) => {
      const v = hit.values[i] ?? null;
      if (v === null) return;
      const doubt = [hit.blanks.includes(i) ? BLANK_DOUBT : hit.runTogether ? SPLIT_DOUBT : undefined, short].filter(Boolean).join('；') || undefined;
      put(t3Id(r.id, c.id), v, rowLabel, read.columns[c.id] ?? c.label, doubt);
    });
  }
  // Layout 2021 prints （六）其他处理 as three sub-rows: the row itself is their sum.
  if (layout === '2021' && !read.hits.has('other')) {
    for (const c of T3_COLUMNS) {
      const ids = SUB_ROWS.map((row) => t3Id(row, c.id));
      const parts = ids.map((id) => result.values[id]);
      if (parts.some((p) => p === undefined)) continue;
      const doubt = ids.some((id) => result.provenance[id]?.doubt) ? '子项中有按 0 计的空白单元格或拆分的数字' : undefined;
      put(t3Id('other', c.id), parts.reduce<number>((a, b) => a + (b ?? 0), 0), '（六）其他处理（三个子项之和）', read.columns[c.id] ?? c.label, doubt);
    }
  }
  result.warnings.push(...missingRows(read, layout));
  return result;
}

/** 表三缺少「…」行; rows missing after the last one read are one warning (the report stops there). */
function missingRows(read: Table3Read, layout: Layout | null): string[] {
  const expected = T3_ROWS.filter((r) => (layout ? r.layouts.includes(layout) : r.layouts.length === 2) && !(layout === '2021' && r.id === 'other'));
  const lastRead = expected.reduce((last, r, i) => (read.hits.has(r.id) ? i : last), -1);
  const out: string[] = [];
  expected.forEach((r, i) => {
    if (i <= lastRead && !read.hits.has(r.id)) out.push(`表三缺少「${formLabel(r)}」行`);
  });
  const tail = expected.slice(lastRead + 1);
  if (tail.length === 1) out.push(`表三缺少「${formLabel(tail[0]!)}」行`);
  else if (tail.length > 1 && lastRead >= 0) {
    out.push(
      `表三在「${formLabel(expected[lastRead]!)}」行之后中断，缺少其后 ${tail.length} 行（「${formLabel(tail[0]!)}」至「${formLabel(tail[tail.length - 1]!)}」）`,
    );
  }
  return out;
}
