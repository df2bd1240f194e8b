import { describe, expect, it } from 'vitest';
import { parseFileColumns } from './parse-columns.ts';
import { isHeaderRow, parseReportFile } from './parse-file.ts';
import { headerRowIndex, isTotalsName, totalsCell } from './sheet-shape.ts';

describe('isTotalsName: a totals row is never a town', () => {
  it.each(['合计', '合 计', '合　计', '总计', '小计', '全县', '全县合计', '全区总计', '全市', '全旗合计', '本县合计', '汇总', '共计', '合计：', ' 合计 '])('%j is a totals row', (s) => {
    expect(isTotalsName(s)).toBe(true);
  });
  it.each(['', '康驿镇', '合计镇', '全福镇', '总计乡', '全县第一镇', '小计街道', '城关镇合计表说明很长很长很长很长很长很长很长很长'])('%j is not', (s) => {
    expect(isTotalsName(s)).toBe(false);
  });

  it('is read in the town column, or in the county or first column when the town is empty', () => {
    expect(totalsCell(['汶上县', '合计', '3'], 1, 0)).toBe('合计');
    expect(totalsCell(['全县合计', '', '3'], 1, 0)).toBe('全县合计');
    expect(totalsCell(['合计', '', '', '3'], 2, -1)).toBe('合计');
    expect(totalsCell(['汶上县', '康驿镇', '3'], 1, 0)).toBeNull();
    expect(totalsCell(['合计', '康驿镇', '3'], 1, -1)).toBeNull();
  });
});

describe('the header below title rows', () => {
  it('is the first row with a town column and another known column, within the first rows', () => {
    const rows = [['汶上县2024年统计表', '', ''], ['单位：条', '', ''], ['镇街', '年度', '政府网站主动公开信息'], ['康驿镇', '2024', '1']];
    expect(headerRowIndex(rows, isHeaderRow)).toBe(2);
    expect(headerRowIndex([['镇街', '备注']], isHeaderRow)).toBe(0);
    expect(headerRowIndex([['标题'], ['镇街', '网站信息条数']], isHeaderRow)).toBe(0);
    const deep = [...Array.from({ length: 10 }, () => ['说明']), ['镇街', '年度']];
    expect(headerRowIndex(deep, isHeaderRow)).toBe(0);
  });

  it('names the file rows as a spreadsheet does, title rows counted', () => {
    const text = '汶上县2024年各镇街统计表,,\n镇街,年度,政府网站主动公开信息\n康驿镇,2024,1\n次邱镇,2024,x\n';
    const p = parseReportFile('统计.csv', text, { maxYear: 2026 });
    expect(p.rows).toEqual([3]);
    expect(p.issues.map((i) => [i.severity, i.row, i.message])).toEqual([
      ['info', null, '表头在第 2 行：第 1 行是表格标题或说明（「汶上县2024年各镇街统计表」），未作为数据读入'],
      ['error', 4, '不是数字'],
    ]);
  });

  it('a header problem is named on the header row', () => {
    const p = parseReportFile('统计.csv', '统计表\n镇街,年度,规章数量\n康驿镇,2024,1\n', { maxYear: 2026 });
    expect(p.issues.find((i) => i.severity === 'error')).toMatchObject({ row: 2, column: '规章数量' });
  });

  it('a long table below a title row is read as long', () => {
    const p = parseReportFile('长表.csv', '各镇街数据（长表）,,,\n镇街,年度,指标,数值\n康驿镇,2024,pub_website,5\n合计,2024,pub_website,5\n', { maxYear: 2026 });
    expect(p.format).toBe('long-csv');
    expect(p.reports.map((r) => [r.town, r.metrics.pub_website])).toEqual([['康驿镇', 5]]);
    expect(p.issues.map((i) => i.message)).toEqual([
      '表头在第 2 行：第 1 行是表格标题或说明（「各镇街数据（长表）」），未作为数据读入',
      '1 行是合计行（「合计」），不是镇街的报告，未载入（第 4 行）',
    ]);
  });
});

describe('a 合计 row in a plain wide file', () => {
  const text = 'county,town,year,pub_website\n汶上县,康驿镇,2024,3\n汶上县,次邱镇,2024,4\n汶上县,合计,2024,7\n';
  it('is skipped and said, by the column reader as by the general one', () => {
    const general = parseReportFile('a.csv', new TextEncoder().encode(text), { maxYear: 2026 });
    const columns = parseFileColumns('a.csv', new TextEncoder().encode(text), { maxYear: 2026 });
    expect(general.reports.map((r) => r.town)).toEqual(['康驿镇', '次邱镇']);
    expect(Array.from(columns.columns.town)).toEqual(['康驿镇', '次邱镇']);
    expect(columns.issues).toEqual(general.issues);
    expect(general.issues.map((i) => i.message)).toEqual(['1 行是合计行（「合计」），不是镇街的报告，未载入（第 4 行）']);
  });
});
