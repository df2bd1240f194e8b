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

  it.each<[string, Uint8Array, string]>([
    ['an xlsx workbook', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), '这是 Excel 工作簿（.xlsx）或压缩包，不是 CSV 文件'],
    ['an old xls workbook', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0), '这是旧版 Excel 工作簿（.xls），不是 CSV 文件'],
    ['UTF-16LE (Excel 「Unicode 文本」)', bytes(0xff, 0xfe, 0x47, 0x95, 0x57, 0x88), '文件是 UTF-16 编码'],
    ['UTF-16BE', bytes(0xfe, 0xff, 0x95, 0x47), '文件是 UTF-16 编码'],
    ['NUL bytes', bytes(0x61, 0x2c, 0x62, 0x00, 0x63), '文件含有二进制内容，不是文本文件（CSV 或 JSON）'],
  ])('refuses %s with one clear error', (_name, input, start) => {
    const p = parseReportFile('a.csv', input, { maxYear: 2026 });
    expect(p).toMatchObject({ format: null, encoding: null, reports: [], rejected: 0 });
    expect(p.issues).toHaveLength(1);
    expect(p.issues[0]).toMatchObject({ severity: 'error', file: 'a.csv', row: null, column: null });
    expect(p.issues[0]!.message.startsWith(start)).toBe(true);
  });

  it.each<[string, Uint8Array, string | null]>([
    ['plain text', utf8('a,b'), null],
    ['GBK', GBK_CSV, null],
    ['empty', bytes(), null],
    ['P alone', utf8('PK,1'), null],
  ])('binaryProblem(%s) = %j', (_name, input, expected) => {
    expect(binaryProblem(input)).toBe(expected);
  });

  it.each<[string, Uint8Array, string, 'UTF-8' | 'GB18030']>([
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
