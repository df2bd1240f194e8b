import { describe, expect, it } from 'vitest';
import { binaryProblem, decodeBytes } from './decode.ts';
import { describeIssue, issue, SEVERITY_LABELS } from './issues.ts';
import { detectFormat, parseReportFile, type FileFormat } from './parse-file.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...xs: number[]): Uint8Array => Uint8Array.from(xs);
/** 镇街,年度,pub_website / 康驿镇,2021,1 in GBK */
const GBK_CSV = bytes(
  ...[0xd5, 0xf2, 0xbd, 0xd6, 0x2c, 0xc4, 0xea, 0xb6, 0xc8, ...[...',pub_website'].map((c) => c.charCodeAt(0)), 0x0a],
  ...[0xbf, 0xb5, 0xe6, 0xe4, 0xd5, 0xf2, 0x2c, 0x32, 0x30, 0x32, 0x31, 0x2c, 0x31, 0x0a],
);

describe('detectFormat: long or wide by the header, JSON by extension or content', () => {
  it.each<[string, string, FileFormat | null]>([
    ['a.csv', 'town,year', 'wide-csv'],
    ['a.csv', 'town,year,metric,value', 'long-csv'],
    ['a.csv', '\ufeff镇街,年度,指标,数值\n康驿镇,2021,pub_website,1', 'long-csv'],
    ['a.csv', '镇街;年度;指标编号;值\nA;2021;pub_website;1\nB;2021;pub_board;2', 'long-csv'],
    ['a.csv', 'town,year,metric', 'wide-csv'],
    ['a.csv', 'town,year,value', 'wide-csv'],
    ['a.txt', 'town,year,metric,value', 'long-csv'],
    ['a.tsv', 'town\tyear\tmetric\tvalue\nA\t2021\tpub_website\t1', 'long-csv'],
    ['download', 'town,year,metric,value', 'long-csv'],
    ['download', 'town,year,pub_website', 'wide-csv'],
    ['download', '[{"town":"A"}]', 'json'],
    ['a.json', 'town,year,metric,value', 'json'],
    ['a.csv', '[1,2]', 'wide-csv'],
    ['download', '', null],
  ])('%s %j → %s', (file, text, format) => {
    expect(detectFormat(file, text)).toBe(format);
  });
});

describe('parseReportFile with bytes', () => {
  it.each<[string, Uint8Array, 'UTF-8' | 'GB18030', number]>([
    ['UTF-8 without BOM', utf8('镇街,年度,pub_website\n康驿镇,2021,1\n'), 'UTF-8', 1],
    ['UTF-8 with BOM', utf8('\ufeff镇街,年度,pub_website\n康驿镇,2021,1\n'), 'UTF-8', 1],
    ['GBK', GBK_CSV, 'GB18030', 1],
    ['empty', bytes(), 'UTF-8', 0],
  ])('%s → encoding %s', (_name, input, encoding, count) => {
    const p = parseReportFile('a.csv', input, { maxYear: 2026 });
    expect(p.encoding).toBe(encoding);
    expect(p.reports).toHaveLength(count);
    if (count > 0) expect(p.reports[0]).toMatchObject({ town: '康驿镇', year: 2021 });
  });

  it('text given as a string has encoding null and parses exactly as its bytes do', () => {
    const text = '镇街,年度,指标,数值\n康驿镇,2021,pub_website,13\n';
    const fromText = parseReportFile('a.csv', text, { maxYear: 2026 });
    const fromBytes = parseReportFile('a.csv', utf8(text), { maxYear: 2026 });
    expect(fromText.encoding).toBeNull();
    expect(fromBytes.encoding).toBe('UTF-8');
    expect({ ...fromBytes, encoding: null }).toEqual(fromText);
    expect(fromText.format).toBe('long-csv');
  });

  const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0];
  it.each<[string, string, Uint8Array, string]>([
    ['a zip that is not a workbook', 'a.zip', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0), '这是压缩包（或 .zip 文件），不是 CSV 文件：请解压后导入'],
    ['an xlsx reaching the text reader', 'a.xlsx', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0), '这是 Excel 工作簿（.xlsx）：请在「导入数据」中导入'],
    ['an OFD document', 'a.ofd', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0), '这是 OFD 版式文件'],
    ['an old xls workbook', 'a.xls', bytes(...OLE), '这是旧版 Excel 工作簿（.xls），无法直接读取：请在 Excel 或 WPS 表格中用「另存为」'],
    ['an old Word document', 'a.doc', bytes(...OLE), '这是旧版 Word 文档（.doc），无法直接读取：请在 Word 或 WPS 文字中用「另存为」选择「Word 文档（.docx）」'],
    ['a WPS document', '年报.wps', bytes(...OLE), '这是 WPS 文字文档（.wps）'],
    ['a WPS sheet', '统计.ET', bytes(...OLE), '这是 WPS 表格文件（.et）'],
    ['an OLE file named .csv', 'a.csv', bytes(...OLE), '这是旧版 Office 或 WPS 文件（.xls、.doc、.wps 或 .et）'],
    ['a PNG photo', 'a.csv', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), '这是一张图片（PNG）'],
    ['a JPEG scan', 'scan.jpg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), '这是一张图片（JPEG）'],
    ['an RTF document', 'a.rtf', utf8('{\\rtf1\\ansi 康驿镇}'), '这是 RTF 文档'],
    ['NUL bytes', 'a.csv', bytes(0x61, 0x2c, 0x62, 0x00, 0x63), '文件含有二进制内容，不是文本文件（CSV 或 JSON）'],
  ])('refuses %s with one clear error', (_name, file, input, start) => {
    const p = parseReportFile(file, input, { maxYear: 2026 });
    expect(p).toMatchObject({ format: null, encoding: null, reports: [], rejected: 0 });
    expect(p.issues).toHaveLength(1);
    expect(p.issues[0]).toMatchObject({ severity: 'error', file, row: null, column: null });
    expect(p.issues[0]!.message.startsWith(start)).toBe(true);
  });

  it.each<[string, Uint8Array, 'UTF-16LE' | 'UTF-16BE']>([
    ['UTF-16LE (Excel 「Unicode 文本」, tab-separated)', bytes(0xff, 0xfe, ...[...'镇街\t年度\t政务公开培训次数\r\n康驿镇\t2021\t3\r\n'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])), 'UTF-16LE'],
    ['UTF-16BE', bytes(0xfe, 0xff, ...[...'镇街,年度,政务公开培训次数\n康驿镇,2021,3\n'].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])), 'UTF-16BE'],
  ])('reads %s', (_name, input, encoding) => {
    const p = parseReportFile('Unicode 文本.txt', input, { maxYear: 2026 });
    expect(p.issues).toEqual([]);
    expect(p.encoding).toBe(encoding);
    expect(p.reports.map((r) => [r.town, r.year, r.metrics.train_sessions])).toEqual([['康驿镇', 2021, 3]]);
  });

  it.each<[string, Uint8Array, string | null]>([
    ['plain text', utf8('a,b'), null],
    ['GBK', GBK_CSV, null],
    ['empty', bytes(), null],
    ['P alone', utf8('PK,1'), null],
    ['UTF-16 text', bytes(0xff, 0xfe, 0x41, 0), null],
  ])('binaryProblem(%s) = %j', (_name, input, expected) => {
    expect(binaryProblem(input)).toBe(expected);
  });

  it.each<[string, Uint8Array, string, 'UTF-8' | 'GB18030' | 'UTF-16LE']>([
    ['UTF-16LE with its BOM dropped', bytes(0xff, 0xfe, 0x47, 0x95), '镇', 'UTF-16LE'],
    ['UTF-8 BOM is dropped', utf8('\ufeffA'), 'A', 'UTF-8'],
    ['GBK 汶上县', bytes(0xe3, 0xeb, 0xc9, 0xcf, 0xcf, 0xd8), '汶上县', 'GB18030'],
    ['GB18030 four-byte 𠀀', bytes(0x95, 0x32, 0x82, 0x36), '𠀀', 'GB18030'],
  ])('decodeBytes: %s', (_name, input, text, encoding) => {
    expect(decodeBytes(input)).toEqual({ text, encoding });
  });
});

describe('severity', () => {
  it.each([
    ['error', '错误：a.csv 第 2 行 「town」列：缺少镇街名称（值：""）'],
    ['warning', '警告：a.csv 第 2 行 「town」列：缺少镇街名称（值：""）'],
    ['info', '说明：a.csv 第 2 行 「town」列：缺少镇街名称（值：""）'],
  ] as const)('describeIssue with severity %s', (severity, expected) => {
    const i = issue(severity, 'a.csv', '缺少镇街名称', { row: 2, column: 'town', value: '' });
    expect(describeIssue(i, '行', true)).toBe(expected);
    expect(describeIssue(i)).toBe(expected.slice(SEVERITY_LABELS[severity].length + 1));
  });
});

describe('a file that is one long line, or a cell far too long', () => {
  it('a header of a million columns is one error naming the row, by both readers', async () => {
    const { parseFileColumns } = await import('./parse-columns.ts');
    const bytes = utf8('town,year,pub_website,' + 'a,'.repeat(1_000_000));
    const message = '表头有 1,000,004 列（约 1.9 MB），超过 2,000 列：文件可能整个只有一行（没有换行），或不是报告数据的表格，未读取';
    for (const p of [parseReportFile('一行.csv', bytes, { maxYear: 2026 }), parseFileColumns('一行.csv', bytes, { maxYear: 2026 })]) {
      expect(p.issues.map((i) => [i.severity, i.row, i.message])).toEqual([['error', 1, message]]);
    }
  });

  it('a 5 MB cell is named with its row and column, and shown cut short', () => {
    const p = parseReportFile('长.csv', `town,year,pub_website\nA镇,2021,${'9'.repeat(10)}${'x'.repeat(5_000_000)}\n`, { maxYear: 2026 });
    expect(p.issues).toHaveLength(1);
    expect(p.issues[0]).toMatchObject({ row: 2, column: 'pub_website', message: '不是数字' });
    expect(p.issues[0]!.value).toBe(`${'9'.repeat(10)}${'x'.repeat(190)}…（共 5,000,010 个字符）`);
  });
});
