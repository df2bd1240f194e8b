/**
 * The corpus of bad or awkward input files (src/lib/ingest/corpus/): each file is parsed from
 * its bytes on disk and its whole outcome is checked — format, encoding, the reports loaded, and
 * every issue with its row, column and value.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../model/catalogue.ts';
import type { MetricValues } from '../model/report.ts';
import { CORPUS_FILES } from './corpus/files.ts';
import { GBK_BYTES } from './corpus/gbk.ts';
import type { Encoding } from './decode.ts';
import type { IssueSeverity } from './issues.ts';
import { parseReportFile, type FileFormat, type ParsedFile } from './parse-file.ts';
import { readWorkbook } from '../import/read-workbook.ts';

const DIR = new URL('./corpus/', import.meta.url);
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, DIR)));
/** as the import reads a data file: a workbook's sheets as CSV files, anything else as it is */
const parse = async (name: string): Promise<ParsedFile> =>
  name.endsWith('.xlsx') ? readWorkbook(name, read(name), { maxYear: 2026 }) : parseReportFile(name, read(name), { maxYear: 2026 });

type IssueRow = [IssueSeverity, number | null, string | null, string | null, string];
interface Outcome {
  format: FileFormat | null;
  encoding: Encoding | null;
  /** [county, town, year, metrics] of every report loaded, in order */
  reports: [string, string, number, MetricValues][];
  issues: IssueRow[];
  rejected: number;
  /** rows without any value, left out (blank.ts) */
  blank?: number;
}

const ROW_WIDTH = (cells: number, header: number) => `这一行有 ${cells} 列，表头有 ${header} 列：行可能被截断或多出了分隔符`;
const NOT_ARRAY = 'JSON 应为报告记录组成的数组：[{town, year, metrics: {…}}, …]';
const HYPERLINK = '=HYPERLINK("http://x","y")';
const wide = (encoding: Encoding, reports: Outcome['reports'], issues: IssueRow[] = [], rejected = 0, blank = 0): Outcome => ({
  format: 'wide-csv',
  encoding,
  reports,
  issues,
  rejected,
  blank,
});

const EXPECTED: Record<string, Outcome> = {
  'gbk-wide-zh-headers.csv': wide('GB18030', [
    ['汶上县', '康驿镇', 2021, { pub_website: 13, train_sessions: 6 }],
    ['汶上县', '次邱镇', 2022, { pub_website: null, train_sessions: 4 }],
    ['汶上县', '南旺镇', 2023, { pub_website: 1234, train_sessions: 0 }],
  ]),
  'utf8-bom.csv': wide('UTF-8', [
    ['汶上县', '康驿镇', 2021, { pub_website: 13 }],
    ['汶上县', '次邱镇', 2021, { pub_website: 7 }],
  ]),
  // 南旺镇's one cell is empty: the row holds no value, so it is not a report
  'utf8-no-bom.csv': wide(
    'UTF-8',
    [['汶上县', '康驿镇', 2021, { train_people: 80 }]],
    [['info', null, null, null, '1 行没有填写任何数值，未作为报告载入（第 3 行）']],
    0,
    1,
  ),
  'gb18030-rare-char.csv': wide('GB18030', [
    ['宜兴市', '湖㳇镇', 2023, { train_sessions: 2 }],
    ['大邑县', '䢺江镇', 2023, { train_sessions: 3 }],
  ]),
  'truncated-last-row.csv': wide('UTF-8', [['', 'A镇', 2021, { pub_website: 1, pub_board: 2 }]], [['error', 3, null, null, ROW_WIDTH(3, 4)]], 1),
  'quoted-newline-town.csv': wide(
    'UTF-8',
    [
      ['', '康驿镇 (北片)', 2021, { pub_website: 1 }],
      ['', 'C镇', 2021, { pub_website: 3 }],
    ],
    // the two-line record is spreadsheet row 2, so B镇 is row 3
    [['error', 3, 'pub_website', 'x', '不是数字']],
    1,
  ),
  'unclosed-quote.csv': wide(
    'UTF-8',
    [['', 'A镇', 2021, { pub_website: 1 }]],
    [['error', 3, null, null, '引号没有闭合：从这一行起到文件末尾都被读成了一个单元格，这一行及其后的 2 行没有读入']],
    3,
  ),
  'extra-column.csv': wide(
    'UTF-8',
    [
      ['', 'A镇', 2021, { pub_website: 1 }],
      ['', 'C镇', 2021, { pub_website: 4 }],
    ],
    [['error', 3, null, null, ROW_WIDTH(4, 3)]],
    1,
  ),
  'missing-column.csv': wide('UTF-8', [['', 'B镇', 2021, { pub_website: 2 }]], [['error', 2, null, null, ROW_WIDTH(2, 3)]], 1),
  'duplicate-header.csv': wide('UTF-8', [['', 'A镇', 2021, { pub_website: 1 }]], [['error', 1, '政府网站主动公开信息', null, '与第 3 列重复']]),
  'unknown-header.csv': wide('UTF-8', [['', 'A镇', 2021, { pub_board: 3 }]], [['error', 1, '规章数量', null, '不认识的列名：既不是指标编号，也不是指标的中文名称']]),
  'serial-and-remarks.csv': wide(
    'UTF-8',
    [
      ['', 'A镇', 2021, { pub_board: 3 }],
      ['', 'B镇', 2021, { pub_board: 4 }],
    ],
    [['info', 1, null, null, '「序号」、「备注」列不是报告的数据，未读入']],
  ),
  // the office's names stay as written here: the import matches them to the towns (town-match.ts)
  'title-rows-totals.csv': wide(
    'GB18030',
    [['', '康驿镇人民政府', 2024, { pub_website: 12, train_sessions: 3 }]],
    [
      ['info', null, null, null, '表头在第 3 行：第 1–2 行是表格标题或说明（「汶上县2024年各镇街政务公开情况统计表」、「填报单位：县政务公开办」），未作为数据读入'],
      ['info', null, null, null, '1 行是合计行（「合 计」），不是镇街的报告，未载入（第 6 行）'],
      ['error', 5, '政务公开培训次数', 'x', '不是数字'],
    ],
    1,
  ),
  'header-only.csv': wide('UTF-8', []),
  'empty.csv': wide('UTF-8', [], [['error', null, null, null, '文件是空的']]),
  'whitespace-only.csv': wide('UTF-8', [], [['error', null, null, null, '文件是空的']]),
  'formulas.csv': wide(
    'UTF-8',
    [
      ['', '=1+1', 2021, { pub_website: 1, pub_board: 2 }],
      ['', HYPERLINK, 2021, { pub_website: 3, pub_board: 4 }],
    ],
    [
      ['error', 2, 'pub_website', '=1+1', '不是数字'],
      ['error', 3, 'pub_board', HYPERLINK, '不是数字'],
    ],
    2,
  ),
  'html-town.csv': wide('UTF-8', [
    ['', '<script>alert(1)</script>', 2021, { pub_website: 1 }],
    ['', '<b>康驿镇</b>', 2022, { pub_website: 2 }],
    ['', '<img src=x onerror="alert(1)">', 2023, { pub_website: 3 }],
  ]),
  'huge-number.csv': wide(
    'UTF-8',
    [['', 'C镇', 2021, { pub_website: 2_000_000_000 }]],
    [
      ['error', 2, 'pub_website', '1000000000000000', '数值过大'],
      ['error', 3, 'pub_website', '1e15', '不是数字'],
      ['error', 5, 'pub_website', '2000000001', '数值过大'],
    ],
    3,
  ),
  'negative-count.csv': wide(
    'UTF-8',
    [
      ['', 'B镇', 2021, { pub_website: 0, t2_license_change: -3, t2_procurement_amount: 0 }],
      ['', 'D镇', 2021, { pub_website: 0, t2_license_change: 0, t2_procurement_amount: 0 }],
    ],
    [
      ['error', 2, 'pub_website', '-1', '件数不能为负数'],
      ['error', 4, 't2_procurement_amount', '-0.5', '金额不能为负数'],
    ],
    2,
  ),
  'fullwidth-and-grouped.csv': wide(
    'UTF-8',
    [['', 'A镇', 2021, { pub_website: 123, pub_board: 1234, pub_other: 1234, pub_total: 1234 }]],
    [['error', 3, 'pub_website', '12,34', '不是数字']],
    1,
  ),
  // every cell of A镇 is a 未报告 mark: no value, not a report
  'not-reported-marks.csv': wide(
    'UTF-8',
    [['', 'B镇', 2021, { pub_website: null, pub_board: null, pub_other: null, pub_total: null, train_sessions: 3, train_people: null }]],
    [['info', null, null, null, '1 行没有填写任何数值，未作为报告载入（第 2 行）']],
    0,
    1,
  ),
  'spaced-marks.csv': wide('UTF-8', [
    ['', 'A镇', 2021, { pub_website: null, pub_board: 12, train_sessions: null }],
    ['', 'B镇', 2021, { pub_website: 3, pub_board: null, train_sessions: 4 }],
  ]),
  'year-range.csv': wide(
    'UTF-8',
    [
      ['', 'C镇', 2023, { pub_website: 3 }],
      ['', 'E镇', 2008, { pub_website: 5 }],
    ],
    [
      ['error', 2, 'year', '2007', '年度应在 2008–2026 之间'],
      ['error', 3, 'year', '2030', '年度应在 2008–2026 之间'],
      ['error', 5, 'year', '23', '年度应为四位数字，如 2023'],
    ],
    3,
  ),
  'template-partly-filled.csv': wide(
    'UTF-8',
    [
      ['汶上县', '汶上街道', 2025, { pub_website: 12, train_sessions: null, train_people: null }],
      ['汶上县', '寅寺镇', 2025, { pub_website: 0, train_sessions: 3, train_people: 45 }],
    ],
    [['info', null, null, null, '6 行没有填写任何数值，未作为报告载入（第 2、4–6、8、9 行）']],
    0,
    6,
  ),
  'duplicate-town-year.csv': wide(
    'UTF-8',
    [
      ['汶上县', 'A镇', 2021, { pub_website: 1 }],
      ['汶上县', 'B镇', 2021, { pub_website: 2 }],
    ],
    [['error', 4, null, null, '与第 2 行重复：同一镇街（A镇）同一年度（2021）出现两次']],
    1,
  ),
  'long-valid.csv': {
    format: 'long-csv',
    encoding: 'UTF-8',
    reports: [
      ['汶上县', '康驿镇', 2021, { pub_website: 13, pub_newmedia: 499, train_sessions: null }],
      ['汶上县', '南旺镇', 2022, { t3_new_total: 2 }],
    ],
    issues: [],
    rejected: 0,
  },
  'long-gbk.csv': { format: 'long-csv', encoding: 'GB18030', reports: [['', '康驿镇', 2021, { pub_newmedia: 499, pub_website: 1234 }]], issues: [], rejected: 0 },
  'long-duplicate-metric.csv': {
    format: 'long-csv',
    encoding: 'UTF-8',
    reports: [['', 'B镇', 2021, { pub_website: 2, pub_board: 4 }]],
    issues: [['error', 4, 'metric', '政府网站主动公开信息', '与第 2 行重复：同一镇街同一年度的「政府网站主动公开信息」出现两次']],
    rejected: 2,
  },
  'long-identity-conflict.csv': {
    format: 'long-csv',
    encoding: 'UTF-8',
    reports: [['', 'B镇', 2021, { pub_board: 2 }]],
    issues: [['error', 3, 'source', 'b.pdf', '同一镇街同一年度的「来源」与第 2 行（「a.pdf」）不一致']],
    rejected: 2,
  },
  'long-unknown-metric.csv': {
    format: 'long-csv',
    encoding: 'UTF-8',
    reports: [['', 'B镇', 2021, { pub_board: 2 }]],
    issues: [['error', 2, '指标编号', 'pub_websites', '不认识的指标：既不是指标编号，也不是指标的中文名称']],
    rejected: 1,
  },
  'json-object-without-reports.json': { format: 'json', encoding: 'UTF-8', reports: [], issues: [['error', null, null, null, NOT_ARRAY]], rejected: 0 },
  'json-array-of-numbers.json': {
    format: 'json',
    encoding: 'UTF-8',
    reports: [],
    issues: [1, 2, 3].map((row): IssueRow => ['error', row, null, null, '这条记录不是对象']),
    rejected: 3,
  },
  'json-unknown-metric.json': {
    format: 'json',
    encoding: 'UTF-8',
    reports: [['', 'B镇', 2021, { pub_website: 3 }]],
    issues: [['error', 1, 'metrics.website', null, '不认识的指标']],
    rejected: 1,
  },
  'json-string-numbers.json': {
    format: 'json',
    encoding: 'UTF-8',
    reports: [['', 'A镇', 2021, { pub_website: 12, pub_board: 1234, pub_other: null, t2_fees_amount: 0.5 }]],
    issues: [],
    rejected: 0,
  },
  'crlf.csv': wide(
    'UTF-8',
    [
      ['', 'A镇', 2021, { pub_website: 1 }],
      ['', 'B镇 北', 2021, { pub_website: 2 }],
    ],
    [['error', 4, 'pub_website', 'x', '不是数字']],
    1,
  ),
  // `;` is detected as the separator; a decimal comma is refused, never read as 1455.
  'semicolon.csv': wide(
    'UTF-8',
    [
      ['', 'A镇', 2021, { pub_website: 1, t2_fees_amount: 14.55 }],
      ['', 'B镇', 2021, { pub_website: 1234, t2_fees_amount: 0 }],
    ],
    [['error', 4, 't2_fees_amount', '14,55', '不是数字']],
    1,
  ),
  'tab-separated.txt': wide('UTF-8', [
    ['', 'A镇', 2021, { pub_website: 1 }],
    ['', 'B镇', 2021, { pub_website: 2 }],
  ]),
  'excel-workbook.xlsx': { format: 'xlsx', encoding: null, reports: [], issues: [['error', null, null, null, '文件不是有效的 Excel 工作簿（.xlsx）：找不到压缩包的目录，未读取']], rejected: 0 },
  'workbook-sheets.xlsx': {
    format: 'xlsx',
    encoding: null,
    reports: [
      ['', '康驿镇人民政府', 2023, { pub_website: 12, train_sessions: 3 }],
      ['', '南旺镇', 2023, { pub_website: 40, train_sessions: 0 }],
      ['', '康驿镇', 2024, { pub_website: 15, train_sessions: 4 }],
    ],
    issues: [
      ['info', null, null, null, '读取了工作表「2023年」、「2024年」（名称中有年份的工作表），未读取「填表说明」'],
      ['info', null, null, null, '工作表没有「年度」列：按工作表名称读作 2023 年度'],
      ['info', null, null, null, '表头在第 2 行：第 1 行是表格标题或说明（「汶上县2023年各镇街政务公开情况统计表」），未作为数据读入'],
      ['info', null, null, null, '1 行是合计行（「合计」），不是镇街的报告，未载入（第 6 行）'],
      ['info', 2, null, null, '「序号」列不是报告的数据，未读入'],
      // 0.1 + 0.2 as Excel stores it is shown as 0.3, and a count must be whole
      ['error', 4, '政府网站主动公开信息', '0.3', '件数应为整数'],
      ['info', null, null, null, '工作表没有「年度」列：按工作表名称读作 2024 年度'],
    ],
    rejected: 1,
  },
  'utf16le-unicode-text.txt': wide('UTF-16LE', [['', 'A镇', 2021, { pub_website: 5 }]]),
  'utf16be-text.txt': wide('UTF-16BE', [['', 'B镇', 2022, { train_sessions: 7 }]]),
  'old-word.doc': {
    format: null,
    encoding: null,
    reports: [],
    issues: [['error', null, null, null, '这是旧版 Word 文档（.doc），无法直接读取：请在 Word 或 WPS 文字中用「另存为」选择「Word 文档（.docx）」或「纯文本（.txt）」后再导入']],
    rejected: 0,
  },
  'table-photo.png': {
    format: null,
    encoding: null,
    reports: [],
    issues: [['error', null, null, null, '这是一张图片（PNG），无法从图片中读出数字：请导入报告的 Word 文档（.docx）、带文字的 PDF，或把数据填入模板（CSV 或 .xlsx）后导入']],
    rejected: 0,
  },
};

describe('the corpus folder', () => {
  const onDisk = readdirSync(DIR)
    .filter((f) => !f.endsWith('.ts'))
    .sort();

  it('holds at least 28 files, each with an expected outcome, and nothing else', () => {
    expect(onDisk.length).toBeGreaterThanOrEqual(28);
    expect(onDisk).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(CORPUS_FILES).sort()).toEqual(onDisk);
  });

  it.each(onDisk)('%s on disk equals what generate.ts writes (regenerate after editing files.ts)', (name) => {
    expect(Buffer.from(read(name)).equals(Buffer.from(CORPUS_FILES[name]!))).toBe(true);
  });

  it.each([...GBK_BYTES])('the GBK table is right: %s', (ch, bytes) => {
    expect(new TextDecoder('gb18030').decode(Uint8Array.from(bytes))).toBe(ch);
  });
});

describe.each(Object.entries(EXPECTED))('%s', (name, expected) => {
  let p: ParsedFile;
  beforeAll(async () => {
    p = await parse(name);
  });

  it(`format ${expected.format}, encoding ${expected.encoding}`, () => {
    expect([p.file, p.format, p.encoding]).toEqual([name, expected.format, expected.encoding]);
  });

  it(`loads ${expected.reports.length} report(s) with the right names, years and values`, () => {
    expect(p.reports.map((r): Outcome['reports'][number] => [r.county, r.town, r.year, r.metrics])).toEqual(expected.reports);
  });

  it(`lists exactly ${expected.issues.length} issue(s), with row, column and value; rejects ${expected.rejected} row(s)`, () => {
    expect(p.issues.map((i): IssueRow => [i.severity, i.row, i.column, i.value, i.message])).toEqual(expected.issues);
    // a workbook's issues name the sheet after the file: 「x.xlsx（工作表「2023年」）」
    expect(p.issues.every((i) => i.file === name || i.file.startsWith(`${name}（工作表「`))).toBe(true);
    expect(p.rejected).toBe(expected.rejected);
    expect(p.blank).toBe(expected.blank ?? 0);
  });
});

describe('identity read from the GBK files', () => {
  it('keeps code, layout, source and synthetic from 中文 headers', async () => {
    const p = await parse('gbk-wide-zh-headers.csv');
    expect(p.reports.map((r) => [r.town_code, r.layout, r.source, r.synthetic])).toEqual([
      ['370830106', '2019', '年报.txt', false],
      [null, '2021', 'gbk-wide-zh-headers.csv', true],
      ['370830102', '2021', 'gbk-wide-zh-headers.csv', false],
    ]);
  });

  it('keeps the 12-digit-free codes of the rare-character towns', async () => {
    expect((await parse('gb18030-rare-char.csv')).reports.map((r) => r.town_code)).toEqual(['320282113', '510129106']);
  });
});

describe('a 10 MB wide CSV generated at run time', () => {
  it('parses every row with every metric', () => {
    const header = ['county', 'town', 'town_code', 'year', ...METRICS.map((m) => m.id)].join(',');
    const values = METRICS.map((m, i) => (m.kind === 'change' ? -(i % 3) : m.kind === 'amount' ? (i % 7) + 0.5 : i % 10)).join(',');
    const lines = [header];
    let size = header.length;
    let n = 0;
    while (size < 10 * 1024 * 1024) {
      const line = `汶上县,测试镇${n},,${2008 + (n % 18)},${values}`;
      lines.push(line);
      size += line.length + 1;
      n++;
    }
    const bytes = new TextEncoder().encode(lines.join('\r\n') + '\r\n');
    expect(bytes.length).toBeGreaterThan(10 * 1024 * 1024);
    const p = parseReportFile('big.csv', bytes, { maxYear: 2026 });
    expect(p.issues).toEqual([]);
    expect([p.format, p.encoding, p.rejected]).toEqual(['wide-csv', 'UTF-8', 0]);
    expect(p.reports).toHaveLength(n);
    expect(p.reports[n - 1]).toMatchObject({ town: `测试镇${n - 1}`, year: 2008 + ((n - 1) % 18) });
    expect(Object.keys(p.reports[0]!.metrics)).toHaveLength(METRICS.length);
  }, 120_000);
});
