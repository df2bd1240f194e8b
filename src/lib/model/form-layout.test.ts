import { describe, expect, it } from 'vitest';
import { t3FormLines } from './form-layout.ts';

describe('t3FormLines', () => {
  it.each([
    ['2019', 23],
    ['2021', 26],
  ] as const)('layout %s has %i rows, every row three label columns wide once merges are counted', (layout, n) => {
    const lines = t3FormLines(layout);
    expect(lines).toHaveLength(n);
    // count, for each row, the label columns covered by cells starting on it or above it
    const covered = lines.map(() => 0);
    lines.forEach((line, i) => {
      for (const c of line.cells) for (let k = 0; k < c.rowspan; k++) covered[i + k]! += c.colspan;
    });
    expect(covered.every((c) => c === 3)).toBe(true);
  });

  it('merges 三、本年度办理结果 over every result row and （三）不予公开 over its eight items', () => {
    const lines = t3FormLines('2019');
    const open = lines.find((l) => l.id === 'open')!;
    expect(open.cells[0]).toEqual({ text: '三、本年度办理结果', rowspan: 20, colspan: 1 });
    const deny = lines.find((l) => l.id === 'deny_secret')!;
    expect(deny.cells).toEqual([
      { text: '（三）不予公开', rowspan: 8, colspan: 1 },
      { text: '1.属于国家秘密', rowspan: 1, colspan: 1 },
    ]);
    expect(lines.find((l) => l.id === 'new')!.cells).toEqual([{ text: '一、本年新收政府信息公开申请数量', rowspan: 1, colspan: 3 }]);
  });
});
