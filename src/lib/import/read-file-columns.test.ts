/**
 * readImportFileColumns (the import worker's reader) gives the outcome of readImportFile: the same
 * reports (with codes filled in from the division list) and the same issues in the same order.
 */
import { benchLikeCsv } from '../../../scripts/sample/bench-like.ts';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { reportAt } from '../ingest/columns.ts';
import { CORPUS_FILES } from '../ingest/corpus/files.ts';
import { reportKey } from '../model/report.ts';
import { readImportFile, readImportFileColumns, type ReadOptions } from './read-file.ts';
import { xlsxWorkbook } from '../ingest/testing/xlsx.ts';
import iconv from 'iconv-lite';

const divisions = readFileSync(new URL('../../../data/divisions/townships_cn.csv', import.meta.url), 'utf8');
beforeAll(() => {
  vi.stubGlobal('fetch', async () => new Response(divisions));
});

const opts = { divisionsUrl: 'divisions.csv', maxYear: 2026 };

async function same(name: string, bytes: Uint8Array, options: ReadOptions = opts) {
  const old = await readImportFile(name, bytes, options, () => undefined);
  const now = await readImportFileColumns(name, bytes, options, () => undefined);
  expect(now.issues).toEqual(old.issues);
  expect(now.keys).toEqual(old.reports.map(reportKey));
  old.reports.forEach((r, i) => expect(reportAt(now.columns, i)).toEqual({ ...r, metrics: Object.fromEntries(Object.entries(r.metrics).filter(([, v]) => v !== null)) }));
  return now;
}

describe('readImportFileColumns = readImportFile', () => {
  it.each(Object.entries(CORPUS_FILES))('corpus %s', async (name, bytes) => {
    await same(name, bytes);
  });
  it('the embedded data', async () => {
    for (const f of ['wenshang_sample_2019-2025.csv', 'kangyi_2021.json']) {
      await same(f, new Uint8Array(readFileSync(new URL(`../../../data/reports/${f}`, import.meta.url))));
    }
  });
  it('the first 6,000 rows of a file like the benchmark file (several parts)', async () => {
    const text = benchLikeCsv(5999);
    expect((await same('bench.csv', new TextEncoder().encode(text))).columns.length).toBeGreaterThan(5000);
  }, 60_000);
});

describe('an annual report without a single number', () => {
  it('is not loaded, and the error says why', async () => {
    const text = '汶上县康驿镇人民政府2025年政府信息公开工作年度报告\n\n一、总体情况\n\n本年度我镇认真贯彻落实政务公开工作要求。\n';
    const p = await readImportFile('康驿镇2025.txt', new TextEncoder().encode(text), opts, () => undefined);
    expect(p.format).toBe('document');
    expect(p.reports).toEqual([]);
    expect(p.rejected).toBe(1);
    expect(p.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual(['没有读出任何数值（表二、表三、表四和正文中都没有找到数字），未作为报告载入']);
  });
});

describe('a clerk file without a county, for the towns shown', () => {
  const known = [
    { county: '汶上县', town: '南旺镇', town_code: '370830102' },
    { county: '汶上县', town: '康驿镇', town_code: '370830106' },
    { county: '汶上县', town: '次邱镇', town_code: '370830103' },
  ];
  const gb = (s: string) => {
    // GB18030 as Excel on Chinese Windows writes it
    return Uint8Array.from(iconv.encode(s, 'gb18030'));
  };

  it('lands on the loaded towns (their keys), with the office words dropped and the 合计 row skipped', async () => {
    const text = '汶上县2024年各镇街统计表,,\r\n镇街,年度,政府网站主动公开信息\r\n南旺镇人民政府,2024,12\r\n康驿镇,2024,8\r\n次 邱 镇,2024,5\r\n合计,,25\r\n';
    const now = await same('各镇街.csv', gb(text), { ...opts, known });
    expect(now.keys).toEqual(['code:370830102@2024', 'code:370830106@2024', 'code:370830103@2024']);
    expect(Array.from(now.columns.county)).toEqual(['汶上县', '汶上县', '汶上县']);
    expect(Array.from(now.columns.town)).toEqual(['南旺镇', '康驿镇', '次邱镇']);
    expect(now.issues.map((i) => i.message)).toEqual([
      '表头在第 2 行：第 1 行是表格标题或说明（「汶上县2024年各镇街统计表」），未作为数据读入',
      '1 行是合计行（「合计」），不是镇街的报告，未载入（第 6 行）',
      '3 个镇街没有填写县（市、区），已按已载入的数据对应到汶上县南旺镇、汶上县康驿镇、汶上县次邱镇',
      '镇街名称去掉了「人民政府」「办事处」等字样或空格：「南旺镇人民政府」读作「南旺镇」、「次 邱 镇」读作「次邱镇」',
    ]);
  });

  it('an .xlsx workbook reads the same way', async () => {
    const book = xlsxWorkbook([{ name: '2024年', rows: [['镇街', '政府网站主动公开信息'], ['南旺镇', 12], ['康驿镇人民政府', 8]] }]);
    const now = await same('各镇街.xlsx', book, { ...opts, known });
    expect(now.format).toBe('xlsx');
    expect(now.keys).toEqual(['code:370830102@2024', 'code:370830106@2024']);
    expect(now.columns.metrics[0]!.values.slice(0, 2)).toEqual(new Int32Array([12, 8]));
  });

  it('without the towns shown, a unique name is found in the division list', async () => {
    const now = await same('各镇街.csv', gb('镇街,年度,政府网站主动公开信息\r\n南旺镇,2024,12\r\n'));
    expect(now.keys).toEqual(['code:370830102@2024']);
    expect(now.issues.map((i) => i.message)).toContain('1 个镇街没有填写县（市、区），已按区划代码表对应到汶上县南旺镇');
  });
});

describe('a division list that cannot be loaded', () => {
  it('is said in each file read (names unchecked), and tried again at the next import', async () => {
    vi.resetModules();
    const { readImportFileColumns: read } = await import('./read-file.ts');
    let calls = 0;
    vi.stubGlobal('fetch', async () => {
      calls++;
      return calls === 1 ? new Response('', { status: 404 }) : new Response(divisions);
    });
    const bytes = new TextEncoder().encode('county,town,year,pub_website\n汶上县,南旺镇,2024,1\n');
    const first = await read('a.csv', bytes, opts, () => undefined);
    expect(first.issues.map((i) => [i.severity, i.message])).toEqual([['warning', '区划代码表无法读取（服务器返回 404），本次没有核对镇街名称和区划代码，也没有补全区划代码；请刷新页面后重新导入']]);
    expect(first.columns.town_code[0]).toBeNull();
    const second = await read('a.csv', bytes, opts, () => undefined);
    expect(second.columns.town_code[0]).toBe('370830102');
    vi.stubGlobal('fetch', async () => new Response(divisions));
  });
});
