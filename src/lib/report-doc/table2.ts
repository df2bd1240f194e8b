/**
 * Table 二 主动公开政府信息情况, in either layout. The layout comes from the column headers
 * (本年新制作数量 … → 2019, 本年制发件数 … → 2021); the rows are read by their labels.
 */
import { T2_BY_LAYOUT, type Layout } from '../model/tables.ts';
import type { Token } from './cells.ts';
import { labelKey, readValue } from './labels.ts';
import { readRows, type RowSpec } from './rows.ts';
import type { TableResult } from './table-result.ts';

/** Header labels that only one layout prints. */
const MARKERS: Readonly<Record<Layout, RegExp>> = {
  '2019': /^(本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|采购项目数量|采购总金额)$/,
  '2021': /^(本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年收费金额.*)$/,
};

/** Row label variants, by the label the form prints. */
const ROW_MATCH: Readonly<Record<string, RegExp>> = {
  规章: /^规章/,
  规范性文件: /规范性文件/,
  行政规范性文件: /规范性文件/,
  行政许可: /^行政许可/,
  其他对外管理服务事项: /对外管理服务/,
  行政处罚: /^行政处罚/,
  行政强制: /^行政强制/,
  行政事业性收费: /事业性收费/,
  政府集中采购: /集中采购/,
};

interface T2Row {
  spec: RowSpec;
  label: string;
  cells: readonly { id: string; column: string }[];
}

function rowsOf(layout: Layout): T2Row[] {
  return T2_BY_LAYOUT[layout].flatMap((block) =>
    block.rows.map((row) => ({
      spec: { key: row.label, match: ROW_MATCH[row.label] ?? new RegExp(row.label), count: row.cells.length },
      label: row.label,
      cells: row.cells,
    })),
  );
}

/** The layout table 二's headers name: null when they name neither, or both. */
export function t2LayoutFromHeaders(tokens: readonly Token[]): Layout | null {
  const seen = { '2019': 0, '2021': 0 };
  for (const t of tokens) {
    if (t.kind !== 'cell' || readValue(t.text) !== null) continue;
    const key = labelKey(t.text);
    if (MARKERS['2019'].test(key)) seen['2019']++;
    if (MARKERS['2021'].test(key)) seen['2021']++;
  }
  if (seen['2019'] > 0 && seen['2021'] === 0) return '2019';
  if (seen['2021'] > 0 && seen['2019'] === 0) return '2021';
  return null;
}

/**
 * Without headers, the rows tell: 其他对外管理服务事项 and 政府集中采购 are 2019 rows; 行政许可
 * with three values is 2019, with one value 2021.
 */
export function t2LayoutFromRows(tokens: readonly Token[]): Layout | null {
  const hits = readRows(tokens, rowsOf('2019').map((r) => r.spec));
  if (hits.has('其他对外管理服务事项') || hits.has('政府集中采购')) return '2019';
  const license = hits.get('行政许可');
  if (license) return license.values.length >= 3 ? '2019' : '2021';
  return null;
}

/** Read table 二 in the given layout. */
export function readTable2(tokens: readonly Token[], layout: Layout): TableResult {
  const rows = rowsOf(layout);
  const hits = readRows(
    tokens,
    rows.map((r) => r.spec),
  );
  const result: TableResult = { values: {}, provenance: {}, warnings: [], rowsRead: hits.size };
  for (const row of rows) {
    const hit = hits.get(row.spec.key);
    if (!hit) {
      result.warnings.push(`表二缺少「${row.label}」行`);
      continue;
    }
    if (hit.values.length < row.cells.length) {
      result.warnings.push(`表二「${hit.label}」行只读到 ${hit.values.length} 个数，应有 ${row.cells.length} 个`);
    }
    row.cells.forEach((c, i) => {
      const v = hit.values[i] ?? null;
      if (v === null) return;
      result.values[c.id] = v;
      result.provenance[c.id] = { kind: 'table', table: '二', row: hit.label, column: c.column };
    });
  }
  return result;
}
