import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { xlsxWorkbook } from '../ingest/testing/xlsx.ts';
import { isWorkbook } from '../ingest/decode.ts';
import { cellText, readWorkbook, sheetYear } from './read-workbook.ts';

const read = (book: Uint8Array, name = '统计.xlsx') => readWorkbook(name, book, { maxYear: 2026 });

describe('sheet names and cells', () => {
  it.each([
    ['2023年', 2023],
    ['2024', 2024],
    ['数据2022年度', 2022],
    ['Sheet1', null],
    ['20231', null],
    ['第12期', null],
  ])('year of sheet %j: %j', (name, year) => expect(sheetYear(name)).toBe(year));

  it.each<[unknown, string]>([
    [null, ''],
    [12, '12'],
    [0.1 + 0.2, '0.3'],
    [-3, '-3'],
    [1e21, '1000000000000000000000'],
    [true, 'TRUE'],
    [new Date(Date.UTC(2024, 0, 31)), '2024-01-31'],
    ['康驿镇', '康驿镇'],
  ])('cell %j as text: %j', (v, text) => expect(cellText(v)).toBe(text));

  it('a workbook is known by its content whatever its name', () => {
    const book = xlsxWorkbook([{ name: 'S', rows: [['镇街']] }]);
    expect(isWorkbook('下载', book)).toBe(true);
    expect(isWorkbook('a.csv', new TextEncoder().encode('镇街,年度'))).toBe(false);
    expect(isWorkbook('a.zip', zipSync({ 'a.txt': new Uint8Array(3) }))).toBe(false);
  });
});

describe('readWorkbook', () => {
  it('reads the first sheet when no sheet name has a year, and says the others were not read', async () => {
    const book = xlsxWorkbook([
      { name: '汇总', rows: [['县（市、区）', '镇街', '年度', '政务公开培训次数'], ['汶上县', '康驿镇', 2024, 3]] },
      { name: '备用', rows: [['镇街', '年度', '政务公开培训次数'], ['次邱镇', 2024, 9]] },
    ]);
    const p = await read(book);
    expect(p.reports.map((r) => [r.county, r.town, r.year, r.metrics.train_sessions])).toEqual([['汶上县', '康驿镇', 2024, 3]]);
    expect(p.issues.map((i) => i.message)).toEqual(['读取了工作表「汇总」（第一个工作表；名称中有年份的工作表会逐个读取），未读取「备用」']);
    expect(p.issues[0]!.file).toBe('统计.xlsx');
  });

  it('a one-sheet workbook names no sheet', async () => {
    const p = await read(xlsxWorkbook([{ name: 'Sheet1', rows: [['镇街', '年度', '政务公开培训次数'], ['康驿镇', 2024, 'x']] }]));
    expect(p.issues.map((i) => [i.file, i.row, i.column, i.message])).toEqual([['统计.xlsx', 2, '政务公开培训次数', '不是数字']]);
  });

  it('a sheet with its own 年度 column keeps it', async () => {
    const p = await read(xlsxWorkbook([{ name: '2023年', rows: [['镇街', '年度', '政务公开培训次数'], ['康驿镇', 2022, 1]] }]));
    expect(p.reports.map((r) => r.year)).toEqual([2022]);
    expect(p.issues).toEqual([]);
  });

  it('a town and year in two sheets is a duplicate', async () => {
    const rows = [['镇街', '年度', '政务公开培训次数'], ['康驿镇', 2024, 1]];
    const p = await read(xlsxWorkbook([{ name: '2024年', rows }, { name: '2024年（补报）', rows }]));
    expect(p.reports).toHaveLength(1);
    expect(p.rejected).toBe(1);
    expect(p.issues.at(-1)).toMatchObject({ severity: 'error', row: 2, file: '统计.xlsx（工作表「2024年（补报）」）', message: '与工作表「2024年」第 2 行重复：同一镇街（康驿镇）同一年度（2024）出现两次' });
  });

  it('an empty workbook, a broken one and one that inflates past the cap get one clear error', async () => {
    expect((await read(xlsxWorkbook([{ name: 'Sheet1', rows: [] }]))).issues.map((i) => i.message)).toEqual(['工作簿是空的：第一个工作表没有内容']);
    const broken = zipSync({ 'xl/workbook.xml': new TextEncoder().encode('<workbook>') });
    const msg = (await read(broken)).issues.map((i) => i.message);
    expect(msg).toHaveLength(1);
    expect(msg[0]).toMatch(/^无法读取这个 Excel 工作簿（.*）：请在 Excel 中打开后另存为/);
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(210 * 1024 * 1024) }, { level: 1 });
    expect((await read(bomb)).issues.map((i) => i.message)).toEqual(['文件解压后超过 200 MB，可能已损坏或被构造过，未读取']);
  }, 60_000);
});
