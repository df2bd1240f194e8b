/**
 * How the official form lays out table 三's row labels: up to three levels (一、… / （三）不予公开 /
 * 1.属于国家秘密), merged vertically where the form merges them. Used by the town detail tables and
 * by the .docx fixtures, so both draw the same form.
 */
import { T3_ROWS, type Layout } from './tables.ts';

export interface LabelCell {
  text: string;
  rowspan: number;
  colspan: number;
}

const RESULT = '三、本年度办理结果';

/** Table 三 rows of a layout, each with the label cells that start on that row (3 columns wide). */
export function t3FormLines(layout: Layout): { id: string; cells: LabelCell[] }[] {
  const rows = T3_ROWS.filter((r) => r.layouts.includes(layout));
  const levels = rows.map((r) => {
    if (!r.group) return [r.label];
    if (r.group === RESULT) return r.id === 'other' && layout === '2021' ? [RESULT, r.label, '小计'] : [RESULT, r.label];
    return [RESULT, r.group, r.label];
  });
  return rows.map((r, i) => {
    const lv = levels[i]!;
    const cells: LabelCell[] = [];
    for (let d = 0; d < lv.length; d++) {
      const same = (j: number) => levels[j]?.[d] === lv[d] && (levels[j]?.length ?? 0) > d + 1 && lv.length > d + 1;
      if (i > 0 && same(i - 1)) continue; // merged into the cell above
      let span = 1;
      while (same(i + span)) span++;
      cells.push({ text: lv[d]!, rowspan: span, colspan: d === lv.length - 1 ? 3 - d : 1 });
    }
    return { id: r.id, cells };
  });
}
