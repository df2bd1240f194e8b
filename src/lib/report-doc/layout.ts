/**
 * The table layout (表式), from the labels only — never from the year: a 2021 report may still
 * print the 2019 tables. Table 二's column headers decide; without them, the sub-rows of
 * （六）其他处理 in table 三 (2021) or table 二's rows (其他对外管理服务事项, 政府集中采购: 2019).
 */
import type { Layout } from '../model/tables.ts';

export interface LayoutEvidence {
  /** from table 二's column headers */
  t2Headers: Layout | null;
  /** from table 二's rows, when it has no headers */
  t2Rows: Layout | null;
  /** table 三 prints the three sub-rows of （六）其他处理 */
  t3SubRows: boolean;
  /** table 三 prints （六）其他处理 as one row with values */
  t3OtherRow: boolean;
  /** any table was found at all */
  anyTable: boolean;
}

export function decideLayout(e: LayoutEvidence): { layout: Layout | null; warnings: string[] } {
  const warnings: string[] = [];
  if (e.t2Headers === '2019' && e.t3SubRows) {
    warnings.push('表二为 2019 表式，表三「（六）其他处理」却有 2021 表式的三个子项；按表二定为 2019 表式，子项照录');
  }
  if (e.t2Headers === '2021' && e.t3OtherRow && !e.t3SubRows) {
    warnings.push('表二为 2021 表式，表三「（六）其他处理」却只有一行（2019 表式）；按表二定为 2021 表式');
  }
  if (e.t2Headers) return { layout: e.t2Headers, warnings };
  if (e.t3SubRows) return { layout: '2021', warnings };
  if (e.t2Rows) return { layout: e.t2Rows, warnings };
  if (e.t3OtherRow) return { layout: '2019', warnings };
  if (e.anyTable) warnings.push('无法判断表式：表二没有可辨认的列标题，表三也没有读到「（六）其他处理」');
  return { layout: null, warnings };
}
