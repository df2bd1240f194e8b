import { describe, expect, it } from 'vitest';
import type { ImportCounts } from './compose.ts';
import { planText, resultText } from './messages.ts';

const counts = (over: Partial<ImportCounts>): ImportCounts => ({ added: 0, replaced: 0, merged: 0, kept: 0, unchanged: 0, same: 0, ...over });

describe('import messages agree with the counts', () => {
  it('the template filled in for 3 towns, the cells updated', () => {
    expect(planText(counts({ merged: 3 }))).toBe('将载入 3 份报告（更新已填写的单元格 3 份）。');
    expect(resultText(counts({ merged: 3 }), false, false)).toBe('已载入 3 份报告（更新已填写的单元格 3 份）。');
  });

  it('names every kind of report loaded and not loaded', () => {
    const c = counts({ added: 2, merged: 1, replaced: 4, kept: 5, unchanged: 1, same: 3 });
    expect(planText(c)).toBe(
      '将载入 7 份报告（新增 2 份，更新已填写的单元格 1 份，整份替换 4 份）；5 份与已有数据冲突的报告将保留原有数据；1 份报告填写的数值与已有数据相同，不会变化；3 份报告与已载入的数据完全相同，不会重复载入。',
    );
    expect(resultText(c, false, false)).toBe(
      '已载入 7 份报告（新增 2 份，更新已填写的单元格 1 份，整份替换 4 份）：5 份与已有数据冲突的报告保留了原有数据；1 份报告填写的数值与已有数据相同，没有变化；3 份报告与已载入的数据完全相同，未重复载入。',
    );
  });

  it('nothing loaded: says that the data did not change (and never that anything was cleared)', () => {
    expect(planText(counts({ kept: 15 }))).toBe('按目前的选择，没有报告需要载入；15 份与已有数据冲突的报告将保留原有数据。');
    const r = resultText(counts({ kept: 15 }), false, false);
    expect(r).toBe('没有载入报告：15 份与已有数据冲突的报告保留了原有数据，数据没有变化。');
    expect(r).not.toContain('清除');
  });

  it('says when the way of showing the data changed with the load', () => {
    expect(resultText(counts({ added: 2 }), true, true)).toBe('已载入 2 份报告（新增 2 份）；现在仅显示导入的数据。');
    expect(resultText(counts({}), true, false)).toBe('没有载入报告；现在导入的数据与内置数据并存。');
  });
});
