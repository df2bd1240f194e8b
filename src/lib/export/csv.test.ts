import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvField, safeFileName, toCsv, type CsvCell } from './csv.ts';

const BOM = '\ufeff';

/** Parse a file written by toCsv back into rows of strings. */
function parseBack(text: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true);
  const res = Papa.parse<string[]>(text.slice(BOM.length), { delimiter: ',', newline: '\r\n', header: false });
  expect(res.errors).toEqual([]);
  const rows = res.data;
  // every line ends with CRLF, so the last "row" is the empty remainder
  expect(rows[rows.length - 1]).toEqual(['']);
  return rows.slice(0, -1);
}

/** What a cell should read as after parsing: the text, with the anti-formula quote if added. */
function expected(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

describe('csvField', () => {
  const cases: [string, CsvCell, string][] = [
    ['plain text', 'abc', 'abc'],
    ['Chinese text', '汶上县康驿镇', '汶上县康驿镇'],
    ['empty string', '', ''],
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['integer', 1234567, '1234567'],
    ['zero', 0, '0'],
    ['negative zero', -0, '0'],
    ['decimal', 14.55, '14.55'],
    ['negative number is not prefixed', -2, '-2'],
    ['negative decimal', -0.5, '-0.5'],
    ['NaN', NaN, ''],
    ['Infinity', Infinity, ''],
    ['-Infinity', -Infinity, ''],
    ['comma', 'a,b', '"a,b"'],
    ['Chinese comma needs no quotes', '甲，乙', '甲，乙'],
    ['double quote', 'say "hi"', '"say ""hi"""'],
    ['only a quote', '"', '""""'],
    ['LF', 'line1\nline2', '"line1\nline2"'],
    ['CRLF', 'line1\r\nline2', '"line1\r\nline2"'],
    ['CR inside', 'a\rb', '"a\rb"'],
    ['leading space kept', ' a ', ' a '],
    ['formula =1+1', '=1+1', "'=1+1"],
    ['formula +1', '+1', "'+1"],
    ['formula -1 as a string', '-1', "'-1"],
    ['formula @SUM(A1)', '@SUM(A1)', "'@SUM(A1)"],
    ['HYPERLINK with quotes and comma', '=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['DDE payload', "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['leading tab', '\t=1+1', "'\t=1+1"],
    ['leading CR (quoted too)', '\r=1+1', `"'\r=1+1"`],
    ['= later in the text is fine', 'a=b', 'a=b'],
    ['minus later in the text is fine', '2019-2025', '2019-2025'],
    ['full-width plus is text already', '＋1', '＋1'],
  ];
  it.each(cases)('%s', (_name, cell, out) => {
    expect(csvField(cell)).toBe(out);
  });
});

describe('toCsv', () => {
  it('starts with a BOM and ends every line with CRLF', () => {
    expect(toCsv(['镇街', '数值'], [['康驿镇', 12], ['南站镇', null]])).toBe(`${BOM}镇街,数值\r\n康驿镇,12\r\n南站镇,\r\n`);
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv(['年度'], [])).toBe(`${BOM}年度\r\n`);
  });

  it('has no bare LF outside quoted fields', () => {
    const text = toCsv(['a'], [['x'], [1], [null]]);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes a one-column empty row as "" so it is not a blank line', () => {
    expect(toCsv(['备注'], [[''], [null]])).toBe(`${BOM}备注\r\n""\r\n""\r\n`);
  });

  it('treats the header like any string cell', () => {
    expect(toCsv(['=1+1', '名称,单位', '-差额'], [])).toBe(`${BOM}'=1+1,"名称,单位",'-差额\r\n`);
  });

  it('writes numbers plainly, without grouping', () => {
    expect(toCsv(['n'], [[1234567.89], [1e6], [-98765]])).toBe(`${BOM}n\r\n1234567.89\r\n1000000\r\n-98765\r\n`);
  });

  it('keeps rows of different lengths as they are', () => {
    expect(toCsv(['a', 'b', 'c'], [['1'], ['1', '2', '3', '4']])).toBe(`${BOM}a,b,c\r\n1\r\n1,2,3,4\r\n`);
  });
});

describe('toCsv parsed back with PapaParse', () => {
  const header = ['镇街', '年度', '备注', '=危险表头'];
  const rows: CsvCell[][] = [
    ['汶上县康驿镇', 2021, '普通文字', null],
    ['南站,北站', 2022, '他说“你好”和 "hello"', undefined],
    ['多行\n文字', -3, 'a\r\nb', 0],
    ['=1+1', '+1', '-1', '@SUM(A1)'],
    ['=HYPERLINK("http://x","y")', '\t制表符', '\r回车', -0.25],
    ['', '', '', ''],
    ['"', '""', ',', '\n'],
    [NaN, Infinity, 1e21, 0.1 + 0.2],
    ["'已有单引号", '空格 在中间', ' 前后空格 ', '%25&=?#'],
  ];

  it('returns every cell (with the anti-formula quote where added)', () => {
    const parsed = parseBack(toCsv(header, rows));
    expect(parsed).toEqual([header, ...rows].map((r) => r.map(expected)));
  });

  it('returns the original text once the added quote is removed', () => {
    const parsed = parseBack(toCsv(header, rows));
    const textCells = rows.flatMap((r, i) =>
      r.flatMap((c, j) => (typeof c === 'string' ? [[c, parsed[i + 1]?.[j]] as const] : [])),
    );
    expect(textCells.length).toBeGreaterThan(20);
    for (const [orig, back] of textCells) {
      const unprefixed = back !== undefined && /^'[=+\-@\t\r]/.test(back) ? back.slice(1) : back;
      expect(unprefixed).toBe(orig);
    }
  });

  it('round-trips a one-column table with empty rows', () => {
    expect(parseBack(toCsv(['x'], [[''], ['a'], [null]]))).toEqual([['x'], [''], ['a'], ['']]);
  });
});

describe('safeFileName', () => {
  const cases: [string, string, string][] = [
    ['plain Chinese kept', '排名_2025年_主动公开总量.csv', '排名_2025年_主动公开总量.csv'],
    ['Windows-forbidden characters', 'a\\b/c:d*e?f"g<h>i|j', 'a_b_c_d_e_f_g_h_i_j'],
    ['control characters', 'a\u0000b\u001fc\u007fd', 'a_b_c_d'],
    ['whitespace collapsed', '汶上县   康驿镇\t\n排名', '汶上县 康驿镇 排名'],
    ['ideographic space collapsed', '汶上县\u3000\u3000排名', '汶上县 排名'],
    ['dots and spaces trimmed at the ends', ' ..报告.csv.. ', '报告.csv'],
    ['inner dots kept', 'v1.2.3 报告.csv', 'v1.2.3 报告.csv'],
    ['empty', '', '导出'],
    ['only spaces', '   ', '导出'],
    ['only dots', '...', '导出'],
    ['forbidden characters stay visible', '???', '___'],
    ['Windows reserved name', 'CON', '_CON'],
    ['Windows reserved name with extension', 'nul.csv', '_nul.csv'],
    ['reserved-looking but longer', 'CONSOLE.csv', 'CONSOLE.csv'],
    ['path traversal', '../../etc/passwd', '_.._etc_passwd'],
  ];
  it.each(cases)('%s', (_name, input, out) => {
    expect(safeFileName(input)).toBe(out);
  });

  it('limits the name to 120 characters, keeping the extension', () => {
    const out = safeFileName(`${'镇'.repeat(300)}.csv`);
    expect(Array.from(out)).toHaveLength(120);
    expect(out).toBe(`${'镇'.repeat(116)}.csv`);
  });

  it('limits a name without extension to 120 characters', () => {
    expect(safeFileName('a'.repeat(500))).toBe('a'.repeat(120));
  });

  it('does not split a surrogate pair when shortening', () => {
    const out = safeFileName('𠀀'.repeat(200));
    expect(Array.from(out)).toHaveLength(120);
    expect(out).toBe('𠀀'.repeat(120));
  });

  it('trims a dot or space left at the cut', () => {
    expect(safeFileName(`${'a'.repeat(115)} ${'b'.repeat(20)}.csv`)).toBe(`${'a'.repeat(115)}.csv`);
    expect(safeFileName(`${'a'.repeat(119)}.${'b'.repeat(20)}`)).toBe('a'.repeat(119));
  });

  it('never returns an empty or unsafe name', () => {
    const inputs = ['', ' ', '.', '. .', '\u0000', '/', 'a'.repeat(1000), '<script>', '  CON  ', '.csv'];
    for (const s of inputs) {
      const out = safeFileName(s);
      expect(out.length).toBeGreaterThan(0);
      expect(Array.from(out).length).toBeLessThanOrEqual(120);
      expect(out).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
      expect(out).not.toMatch(/^[. ]|[. ]$/);
    }
  });
});
