import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METRICS, METRIC_IDS, metric, metricsOfLayout } from '../model/catalogue.ts';
import { reportKey, type Report } from '../model/report.ts';
import { describeIssue, type IngestIssue } from './issues.ts';
import { detectFormat, parseReportFile, type ParsedFile } from './parse-file.ts';

const parse = (file: string, text: string): ParsedFile => parseReportFile(file, text, { maxYear: 2026 });
const errors = (p: ParsedFile): IngestIssue[] => p.issues.filter((i) => i.severity === 'error');
const warnings = (p: ParsedFile): IngestIssue[] => p.issues.filter((i) => i.severity === 'warning');
const towns = (p: ParsedFile): string[] => p.reports.map((r) => r.town);

/** One CSV field, quoted when it has to be. */
const field = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (...lines: string[]): string => lines.join('\n') + '\n';

const ROOT = new URL('../../../', import.meta.url);
const readData = (p: string): string => readFileSync(new URL(p, ROOT), 'utf8');

describe('detectFormat', () => {
  it.each<[string, string, 'wide-csv' | 'json' | null]>([
    ['a.csv', 'town,year', 'wide-csv'],
    ['A.CSV', 'town,year', 'wide-csv'],
    ['a.txt', 'town,year', 'wide-csv'],
    ['a.json', '[]', 'json'],
    ['a.JSON', 'town,year', 'json'],
    ['download', '  [{"town":"A"}]', 'json'],
    ['download', '\ufeff{"reports":[]}', 'json'],
    ['download', 'town,year', 'wide-csv'],
    ['download', '   ', null],
  ])('%s with %j → %s', (file, text, format) => {
    expect(detectFormat(file, text)).toBe(format);
  });
});

describe('empty files', () => {
  it.each<[string, string, 'wide-csv' | 'json' | null]>([
    ['a.csv', '', 'wide-csv'],
    ['a.csv', '\ufeff', 'wide-csv'],
    ['a.csv', ' \n\r\n\t\n', 'wide-csv'],
    ['a.json', '', 'json'],
    ['a.json', '\ufeff  \n', 'json'],
    ['upload', '', null],
  ])('%s %j → 文件是空的', (file, text, format) => {
    expect(parse(file, text)).toEqual({
      file,
      format,
      encoding: null,
      reports: [],
      issues: [{ severity: 'error', file, row: null, column: null, value: null, message: '文件是空的' }],
      rejected: 0,
      blank: 0,
    });
  });

  it('a CSV with only a header loads nothing and complains about nothing', () => {
    expect(parse('a.csv', 'town,year,pub_website\n')).toMatchObject({ reports: [], issues: [], rejected: 0 });
  });
});

describe('wide CSV: valid files', () => {
  const ID_HEADER = 'county,town,town_code,year,layout,source,synthetic,pub_website,pub_other,t2_license_change,t2_procurement_amount,t3_new_total';
  const ROWS = [
    '汶上县,康驿镇,370830106,2021,2019,000_75c809bd29ead2fa.txt,false,13,,-2,14.55,0',
    '汶上县,次邱镇,370830107000,2020年,2019版,,是,"1,234",—,0,0.5,１２',
  ];
  const EXPECTED: Report[] = [
    {
      county: '汶上县',
      town: '康驿镇',
      town_code: '370830106',
      year: 2021,
      layout: '2019',
      source: '000_75c809bd29ead2fa.txt',
      synthetic: false,
      metrics: { pub_website: 13, pub_other: null, t2_license_change: -2, t2_procurement_amount: 14.55, t3_new_total: 0 },
    },
    {
      county: '汶上县',
      town: '次邱镇',
      town_code: '370830107',
      year: 2020,
      layout: '2019',
      source: 'towns.csv',
      synthetic: true,
      metrics: { pub_website: 1234, pub_other: null, t2_license_change: 0, t2_procurement_amount: 0.5, t3_new_total: 12 },
    },
  ];

  it('reads metric-id headers: identity, empty cells as null, source defaulting to the file name', () => {
    expect(parse('towns.csv', csv(ID_HEADER, ...ROWS))).toEqual({
      file: 'towns.csv',
      format: 'wide-csv',
      encoding: null,
      reports: EXPECTED,
      issues: [],
      rejected: 0,
      blank: 0,
      rows: EXPECTED.map((_, i) => i + 2),
    });
  });

  const LABEL_HEADERS: [string, string[]][] = [
    [
      '中文 labels as catalogued (full-width brackets)',
      [
        '县（市、区）',
        '镇街',
        '区划代码',
        '年度',
        '表式',
        '来源',
        '示例数据',
        '政府网站主动公开信息',
        '其他渠道公开信息',
        '表二·行政许可·本年增/减',
        '表二·政府集中采购·采购总金额',
        '表三·本年新收申请·总计',
      ],
    ],
    [
      'half-width brackets and colon',
      [
        '县(市、区)',
        '镇街',
        '区划代码',
        '年度',
        '表式',
        '来源',
        '示例数据',
        '政府网站主动公开信息',
        '其他渠道公开信息',
        '表二·行政许可·本年增/减',
        '表二·政府集中采购·采购总金额',
        '表三·本年新收申请·总计',
      ],
    ],
    [
      'spaces around and inside, NBSP and ideographic space',
      [
        ' 县（市、区） ',
        '\u3000镇街',
        '区划代码\u00a0',
        ' 年 度 ',
        '表式 ',
        ' 来源',
        '示例 数据',
        ' 政府网站 主动公开信息 ',
        '其他渠道公开信息\t',
        '表二 · 行政许可 · 本年增/减',
        ' 表二·政府集中采购·采购总金额',
        '表三·本年新收申请·总计 ',
      ],
    ],
    [
      'common aliases and mixed id / label, upper-case ids',
      ['县区', '乡镇', '代码', '年份', 'LAYOUT', 'Source', 'synthetic', 'PUB_WEBSITE', '其他渠道公开信息', 't2_license_change', '表二·政府集中采购·采购总金额', 't3_new_total'],
    ],
  ];

  it.each(LABEL_HEADERS)('reads 中文 label headers: %s', (_name, header) => {
    const p = parse('towns.csv', csv(header.map(field).join(','), ...ROWS));
    expect(p.issues).toEqual([]);
    expect(p.reports).toEqual(EXPECTED);
  });

  it('reads full-width vs half-width brackets in a metric label header', () => {
    const header = ['镇街', '年度', '政务新媒体(微信公众号等)发布信息', '表二·行政事业性收费·本年收费金额(单位:万元)'];
    const p = parse('towns.csv', csv(header.join(','), '康驿镇,2022,499,3.5'));
    expect(p.issues).toEqual([]);
    expect(p.reports[0]?.metrics).toEqual({ pub_newmedia: 499, t2_fees_amount: 3.5 });
  });

  it.each([
    ['BOM before id headers', '\ufeff' + csv(ID_HEADER, ...ROWS)],
    ['BOM and CRLF line endings', '\ufeff' + [ID_HEADER, ...ROWS].join('\r\n') + '\r\n'],
    ['no trailing newline', [ID_HEADER, ...ROWS].join('\n')],
    ['trailing blank lines', csv(ID_HEADER, ...ROWS) + '\n\n'],
    ['BOM before 中文 headers', '\ufeff' + csv(LABEL_HEADERS[0]![1].join(','), ...ROWS)],
  ])('%s', (_name, text) => {
    const p = parse('towns.csv', text);
    expect(p.issues).toEqual([]);
    expect(p.reports).toEqual(EXPECTED);
    expect(p.rejected).toBe(0);
  });

  it.each<[string, string, Partial<Report>]>([
    ['year 2008 (first accepted)', '2008', { year: 2008 }],
    ['year 2026 (maxYear)', '2026', { year: 2026 }],
    ['year with 年', '2021年', { year: 2021 }],
    ['full-width year', '２０２１', { year: 2021 }],
  ])('accepts %s', (_name, year, expected) => {
    const p = parse('a.csv', csv('town,year,pub_website', `A镇,${year},1`));
    expect(p.issues).toEqual([]);
    expect(p.reports[0]).toMatchObject(expected);
  });

  it.each<[string, string, Report['layout']]>([
    ['', '', null],
    ['2019', '2019', '2019'],
    ['2021', '2021', '2021'],
    ['2019年', '2019年', '2019'],
    ['2021版', '2021版', '2021'],
    ['2021年版', '2021年版', '2021'],
    ['full-width', '２０２１', '2021'],
  ])('reads layout %j', (_name, layout, expected) => {
    const p = parse('a.csv', csv('town,year,layout,pub_website', `A镇,2021,${layout},1`));
    expect(errors(p)).toEqual([]);
    expect(p.reports[0]?.layout).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['', false],
    ['false', false],
    ['FALSE', false],
    ['0', false],
    ['否', false],
    ['no', false],
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['是', true],
    ['yes', true],
  ])('reads synthetic %j as %s', (cell, expected) => {
    const p = parse('a.csv', csv('town,year,synthetic,pub_website', `A镇,2021,${cell},1`));
    expect(errors(p)).toEqual([]);
    expect(p.reports[0]?.synthetic).toBe(expected);
  });

  it.each<[string, string | null]>([
    ['', null],
    ['370830106', '370830106'],
    ['370830106000', '370830106'],
    [' 370830106 ', '370830106'],
  ])('reads town_code %j as %j', (cell, expected) => {
    const p = parse('a.csv', csv('town,year,town_code,pub_website', `A镇,2021,${cell},1`));
    expect(errors(p)).toEqual([]);
    expect(p.reports[0]?.town_code).toBe(expected);
  });

  it('normalises the town name: trims, collapses spaces, keeps commas and quotes', () => {
    const p = parse('a.csv', csv('town,year,pub_website', `${field('  A镇, "东"  ')},2021,1`));
    expect(p.issues).toEqual([]);
    expect(towns(p)).toEqual(['A镇, "东"']);
  });
});

describe('wide CSV: errors name file, row and column', () => {
  const COLS = [
    'county',
    'town',
    'town_code',
    'year',
    'layout',
    'synthetic',
    'pub_website',
    't2_license_change',
    't2_procurement_amount',
  ] as const;
  type Col = (typeof COLS)[number];
  const DEFAULTS: Record<Col, string> = {
    county: '汶上县',
    town: 'X镇',
    town_code: '',
    year: '2021',
    layout: '2019',
    synthetic: 'false',
    pub_website: '1',
    t2_license_change: '-1',
    t2_procurement_amount: '2.5',
  };
  const line = (o: Partial<Record<Col, string>>): string => COLS.map((c) => field(o[c] ?? DEFAULTS[c])).join(',');
  const HEADER = COLS.join(',');

  const CASES: [name: string, bad: Partial<Record<Col, string>>, column: Col, message: string][] = [
    ['missing town', { town: '' }, 'town', '缺少镇街名称'],
    ['town only spaces', { town: '  ' }, 'town', '缺少镇街名称'],
    ['town too long', { town: '镇'.repeat(61) }, 'town', '镇街名称过长（超过 60 个字）'],
    ['county too long', { county: '县'.repeat(61) }, 'county', '县（市、区）名称过长（超过 60 个字）'],
    ['missing year', { year: '' }, 'year', '缺少年度'],
    ['year before 2008', { year: '2007' }, 'year', '年度应在 2008–2026 之间'],
    ['year after maxYear', { year: '2027' }, 'year', '年度应在 2008–2026 之间'],
    ['two-digit year', { year: '21' }, 'year', '年度应为四位数字，如 2023'],
    ['year with decimals', { year: '2021.0' }, 'year', '年度应为四位数字，如 2023'],
    ['year in Chinese numerals', { year: '二〇二一' }, 'year', '年度应为四位数字，如 2023'],
    ['non-numeric cell', { pub_website: 'abc' }, 'pub_website', '不是数字'],
    ['formula', { pub_website: '=1+1' }, 'pub_website', '不是数字'],
    ['number with unit', { pub_website: '80余' }, 'pub_website', '不是数字'],
    ['negative count', { pub_website: '-3' }, 'pub_website', '件数不能为负数'],
    ['fractional count', { pub_website: '1.5' }, 'pub_website', '件数应为整数'],
    ['huge count', { pub_website: '3000000000' }, 'pub_website', '数值过大'],
    ['fractional change', { t2_license_change: '-1.5' }, 't2_license_change', '增减数应为整数'],
    ['negative amount', { t2_procurement_amount: '-2.5' }, 't2_procurement_amount', '金额不能为负数'],
    ['town_code with 8 digits', { town_code: '37083010' }, 'town_code', '区划代码应为 9 位数字（如 370830106）'],
    ['town_code with a letter', { town_code: '3708301O6' }, 'town_code', '区划代码应为 9 位数字（如 370830106）'],
    ['12-digit town_code not at township level', { town_code: '370830106001' }, 'town_code', '区划代码应为 9 位数字（如 370830106）'],
    ['bad layout', { layout: '2020' }, 'layout', '表式应为 2019 或 2021（或留空）'],
    ['layout as text', { layout: '新版' }, 'layout', '表式应为 2019 或 2021（或留空）'],
    ['bad synthetic', { synthetic: 'maybe' }, 'synthetic', '示例数据一栏应为 是/否（true/false）'],
  ];

  it.each(CASES)('%s: row 3 is rejected, rows 2 and 4 load', (_name, bad, column, message) => {
    const p = parse('towns.csv', csv(HEADER, line({ town: 'A镇' }), line({ town: 'B镇', ...bad }), line({ town: 'C镇' })));
    const value = bad[column] ?? null;
    expect(p.issues).toEqual([{ severity: 'error', file: 'towns.csv', row: 3, column, value, message }]);
    expect(towns(p)).toEqual(['A镇', 'C镇']);
    expect(p.rejected).toBe(1);
  });

  it('the first data row is row 2 (the header is row 1)', () => {
    const p = parse('towns.csv', csv(HEADER, line({ pub_website: 'abc' })));
    expect(p.issues).toEqual([
      { severity: 'error', file: 'towns.csv', row: 2, column: 'pub_website', value: 'abc', message: '不是数字' },
    ]);
    expect(p.reports).toEqual([]);
    expect(p.rejected).toBe(1);
  });

  it('names the column as written in the header (中文 label), and describeIssue puts it all in one line', () => {
    const p = parse('汶上县2023.csv', csv('镇街,年度,政府网站主动公开信息', 'A镇,2023,12', 'B镇,2023,十二'));
    expect(p.issues).toEqual([
      { severity: 'error', file: '汶上县2023.csv', row: 3, column: '政府网站主动公开信息', value: '十二', message: '不是数字' },
    ]);
    expect(describeIssue(p.issues[0]!)).toBe('汶上县2023.csv 第 3 行 「政府网站主动公开信息」列：不是数字（值："十二"）');
  });

  it('lists every error of a row, and rejects the row once', () => {
    const p = parse('towns.csv', csv(HEADER, line({ town: '', year: '1999', pub_website: '-1' }), line({ town: 'B镇' })));
    expect(errors(p).map((i) => [i.row, i.column, i.message])).toEqual([
      [2, 'town', '缺少镇街名称'],
      [2, 'year', '年度应在 2008–2026 之间'],
      [2, 'pub_website', '件数不能为负数'],
    ]);
    expect(towns(p)).toEqual(['B镇']);
    expect(p.rejected).toBe(1);
  });

  it('an empty town under an alias header names the column as written', () => {
    const p = parse('a.csv', csv('乡镇,年度', ',2021'));
    expect(p.issues).toEqual([{ severity: 'error', file: 'a.csv', row: 2, column: '乡镇', value: '', message: '缺少镇街名称' }]);
  });

  describe('header problems', () => {
    it.each<[string, string, string]>([
      ['no town column', 'year,pub_website', '表头缺少「镇街」列'],
      ['no year column', 'town,pub_website', '表头缺少「年度」列'],
      ['neither', 'county,pub_website', '表头缺少「镇街」和「年度」列'],
    ])('%s: nothing loads, every body row is rejected', (_name, header, message) => {
      const p = parse('a.csv', csv(header, '2021,1', '2022,2', '2023,3'));
      expect(p.reports).toEqual([]);
      expect(p.issues).toEqual([{ severity: 'error', file: 'a.csv', row: 1, column: null, value: null, message }]);
      expect(p.rejected).toBe(3);
    });

    it('an unknown column header is an error naming the column; the known columns still load', () => {
      const p = parse('a.csv', csv('town,year,pub_websit,pub_board', 'A镇,2021,5,6'));
      expect(p.issues).toEqual([
        {
          severity: 'error',
          file: 'a.csv',
          row: 1,
          column: 'pub_websit',
          value: null,
          message: '不认识的列名：既不是指标编号，也不是指标的中文名称',
        },
      ]);
      expect(p.reports[0]?.metrics).toEqual({ pub_board: 6 });
    });

    it.each<[string, string, string, string]>([
      ['same id twice', 'town,year,pub_website,pub_website', 'pub_website', '与第 3 列重复'],
      ['id and its 中文 label', 'town,year,pub_website,政府网站主动公开信息', '政府网站主动公开信息', '与第 3 列重复'],
      ['label with different brackets', 'town,year,县（市、区）,县(市、区)', '县(市、区)', '与第 3 列重复'],
      ['identity by id and alias', 'town,year,乡镇,pub_website', '乡镇', '与第 1 列重复'],
    ])('duplicate header (%s) is an error naming the later column', (_name, header, column, message) => {
      const p = parse('a.csv', csv(header, 'A镇,2021,1,2'));
      expect(errors(p)).toEqual([{ severity: 'error', file: 'a.csv', row: 1, column, value: null, message }]);
    });

    it('a duplicate column never overwrites the first one', () => {
      const p = parse('a.csv', csv('town,year,pub_website,政府网站主动公开信息', 'A镇,2021,1,2'));
      expect(p.reports[0]?.metrics).toEqual({ pub_website: 1 });
    });

    it('an empty header cell is an error naming the column by its position', () => {
      const p = parse('a.csv', csv('town,year,,pub_website', 'A镇,2021,x,4'));
      expect(p.issues).toEqual([
        { severity: 'error', file: 'a.csv', row: 1, column: '第 3 列', value: null, message: '第 3 列没有列名' },
      ]);
      expect(p.reports[0]?.metrics).toEqual({ pub_website: 4 });
    });
  });

  describe('rows of the wrong length', () => {
    it.each<[string, string, number]>([
      ['truncated row (fewer cells)', 'B镇,2021', 2],
      ['one cell only', 'B镇', 1],
      ['extra separator', 'B镇,2021,2,', 4],
    ])('%s is rejected with the cell counts', (_name, bad, cells) => {
      const p = parse('a.csv', csv('town,year,pub_website', 'A镇,2021,1', bad, 'C镇,2021,3'));
      expect(p.issues).toEqual([
        {
          severity: 'error',
          file: 'a.csv',
          row: 3,
          column: null,
          value: null,
          message: `这一行有 ${cells} 列，表头有 3 列：行可能被截断或多出了分隔符`,
        },
      ]);
      expect(towns(p)).toEqual(['A镇', 'C镇']);
      expect(p.rejected).toBe(1);
    });
  });

  describe('blank lines', () => {
    it('are skipped, not rejected, and still count in row numbers', () => {
      const p = parse('a.csv', csv('town,year,pub_website', 'A镇,2021,1', '', ',,', ' , , ', 'B镇,2021,x'));
      expect(p.issues).toEqual([{ severity: 'error', file: 'a.csv', row: 6, column: 'pub_website', value: 'x', message: '不是数字' }]);
      expect(towns(p)).toEqual(['A镇']);
      expect(p.rejected).toBe(1);
    });
  });

  describe('quoted fields', () => {
    it('a town name with a comma and a newline inside stays one record, and the next row number is still right', () => {
      const p = parse('a.csv', csv('town,year,pub_website', '"康驿镇,\n南村",2021,1', '"A ""东"" 镇",2021,2', 'B镇,2021,x'));
      expect(towns(p)).toEqual(['康驿镇, 南村', 'A "东" 镇']);
      expect(p.reports.map((r) => r.metrics.pub_website)).toEqual([1, 2]);
      // the multi-line record is spreadsheet row 2, so B镇 is row 4
      expect(p.issues).toEqual([{ severity: 'error', file: 'a.csv', row: 4, column: 'pub_website', value: 'x', message: '不是数字' }]);
      expect(p.rejected).toBe(1);
    });

    it('a quoted number with a thousands separator is one cell', () => {
      const p = parse('a.csv', csv('town,year,pub_website', 'A镇,2021,"1,234"'));
      expect(p.issues).toEqual([]);
      expect(p.reports[0]?.metrics.pub_website).toBe(1234);
    });

    it('an unclosed quote swallows the rest of the file: the row and the rows it swallowed are listed, not silently lost', () => {
      const p = parse('a.csv', csv('town,year,source,pub_website', 'A镇,2021,a.pdf,1', 'B镇,2021,"b.pdf,2', 'C镇,2021,c.pdf,3', '', 'D镇,2021,d.pdf,4'));
      expect(towns(p)).toEqual(['A镇']);
      expect(p.issues).toEqual([
        {
          severity: 'error',
          file: 'a.csv',
          row: 3,
          column: null,
          value: null,
          message: '引号没有闭合：从这一行起到文件末尾都被读成了一个单元格，这一行及其后的 2 行没有读入',
        },
      ]);
      expect(p.rejected).toBe(3);
    });

    it('an unclosed quote in the last row rejects that row only', () => {
      const p = parse('a.csv', csv('town,year,pub_website', 'A镇,2021,1', 'B镇,2021,"2'));
      expect(towns(p)).toEqual(['A镇']);
      expect(errors(p).map((i) => i.row)).toEqual([3]);
      expect(p.rejected).toBe(1);
    });
  });

  describe('the same town and year twice in one file', () => {
    it('keeps the first, rejects the second, and names the first row', () => {
      const p = parse('a.csv', csv('county,town,year,pub_website', '汶上县,A镇,2021,1', '汶上县,B镇,2021,2', '汶上县,A镇,2021,3'));
      expect(p.reports.map((r) => [r.town, r.metrics.pub_website])).toEqual([
        ['A镇', 1],
        ['B镇', 2],
      ]);
      expect(p.issues).toEqual([
        {
          severity: 'error',
          file: 'a.csv',
          row: 4,
          column: null,
          value: null,
          message: '与第 2 行重复：同一镇街（A镇）同一年度（2021）出现两次',
        },
      ]);
      expect(p.rejected).toBe(1);
    });

    it('matches by town_code when given, even under another spelling of the name', () => {
      const p = parse('a.csv', csv('town,town_code,year,pub_website', '次邱镇,370830107,2021,1', '次丘镇,370830107000,2021,2'));
      expect(towns(p)).toEqual(['次邱镇']);
      expect(errors(p)).toMatchObject([{ row: 3, message: '与第 2 行重复：同一镇街（次丘镇）同一年度（2021）出现两次' }]);
    });

    it('treats spacing and full-width variants of a name as the same town', () => {
      const p = parse('a.csv', csv('county,town,year,pub_website', '汶上县,A镇,2021,1', ' 汶上县 ,A镇 ,２０２１,2'));
      expect(p.reports).toHaveLength(1);
      expect(errors(p)).toMatchObject([{ row: 3 }]);
    });

    it.each<[string, string[]]>([
      ['different years', ['汶上县,A镇,2021,1', '汶上县,A镇,2022,2']],
      ['same name in different counties', ['汶上县,A镇,2021,1', '梁山县,A镇,2021,2']],
    ])('%s are not duplicates', (_name, rows) => {
      const p = parse('a.csv', csv('county,town,year,pub_website', ...rows));
      expect(p.issues).toEqual([]);
      expect(p.reports).toHaveLength(2);
    });

    it('a rejected row does not count as the first occurrence', () => {
      const p = parse('a.csv', csv('town,year,pub_website', 'A镇,2021,bad', 'A镇,2021,2'));
      expect(p.reports.map((r) => r.metrics.pub_website)).toEqual([2]);
      expect(errors(p)).toMatchObject([{ row: 2, message: '不是数字' }]);
      expect(p.rejected).toBe(1);
    });
  });

  it('rejected counts every row not loaded, whatever the reason', () => {
    const p = parse(
      'a.csv',
      csv(
        'town,year,pub_website',
        'A镇,2021,1', // loaded
        'B镇,2021,-1', // value error
        'C镇,2021', // truncated
        '', // blank: skipped, not rejected
        'A镇,2021,4', // duplicate
        'D镇,2030,1', // year out of range
        'E镇,2021,5', // loaded
      ),
    );
    expect(towns(p)).toEqual(['A镇', 'E镇']);
    expect(errors(p).map((i) => i.row).sort()).toEqual([3, 4, 6, 7]);
    expect(p.rejected).toBe(4);
  });
});

describe('rows without any value (the template left blank)', () => {
  const HEADER = '县（市、区）,镇街,区划代码,年度,表式,来源,示例数据,政府网站主动公开信息,政务公开培训次数';
  const row = (town: string, code: string, cells: string) => `汶上县,${town},${code},2025,2021,,否,${cells}`;

  it('are not reports: left out, never rejected, and listed compactly in one notice naming the file', () => {
    const lines = [HEADER, row('中都街道', '370830001', ',')];
    for (let i = 0; i < 12; i++) lines.push(row(`镇${i}`, '', i === 5 ? '—,' : ','));
    lines.push(row('康驿镇', '370830106', '12,'), row('南旺镇', '370830102', ','), row('义桥镇', '370830108', '0,3'));
    const p = parse('模板.csv', csv(...lines));
    expect(towns(p)).toEqual(['康驿镇', '义桥镇']);
    expect(p.reports[1]!.metrics).toEqual({ pub_website: 0, train_sessions: 3 });
    expect(p.rows).toEqual([15, 17]);
    expect(p.issues).toEqual([{ severity: 'info', file: '模板.csv', row: null, column: null, value: null, message: '14 行没有填写任何数值，未作为报告载入（第 2–14、16 行）' }]);
    expect(describeIssue(p.issues[0]!)).toBe('模板.csv：14 行没有填写任何数值，未作为报告载入（第 2–14、16 行）');
    expect(p.blank).toBe(14);
    expect(p.rejected).toBe(0);
  });

  it('lists at most ten runs of rows, then 等', () => {
    const lines = [HEADER];
    for (let i = 0; i < 30; i++) lines.push(row(`镇${i}`, '', i % 2 === 0 ? ',' : '1,'));
    const p = parse('a.csv', csv(...lines));
    expect(p.issues.map((i) => i.message)).toEqual(['15 行没有填写任何数值，未作为报告载入（第 2、4、6、8、10、12、14、16、18、20 行等）']);
  });

  it('a blank row is not the first occurrence of its town and year: a filled row after it loads', () => {
    const p = parse('a.csv', csv(HEADER, row('康驿镇', '370830106', ','), row('康驿镇', '370830106', '7,')));
    expect(p.reports.map((r) => r.metrics.pub_website)).toEqual([7]);
    expect(p.issues.map((i) => i.severity)).toEqual(['info']);
  });

  it('a row with an error is rejected as such, blank or not', () => {
    const p = parse('a.csv', csv(HEADER, '汶上县,,,2025,2021,,否,,', '汶上县,康驿镇,,2025,2021,,也许,,'));
    expect(p.issues.map((i) => [i.severity, i.row, i.message])).toEqual([
      ['error', 2, '缺少镇街名称'],
      ['error', 3, '示例数据一栏应为 是/否（true/false）'],
    ]);
    expect(p.rejected).toBe(2);
    expect(p.blank).toBe(0);
  });

  it('long CSV: a report whose every value is empty is left out, with its rows', () => {
    const p = parse('long.csv', csv('town,year,metric,value', 'A镇,2021,pub_website,', 'B镇,2021,pub_website,3', 'A镇,2021,pub_board,—', 'C镇,2021,pub_board,'));
    expect(towns(p)).toEqual(['B镇']);
    expect(p.issues.map((i) => i.message)).toEqual(['2 份报告（同一镇街同一年度的各行）没有填写任何数值，未作为报告载入（从第 2、5 行起）']);
    expect(p.blank).toBe(3);
  });
});

describe('layout warnings', () => {
  it.each<[Report['layout'], string]>([
    ['2019', 't2_rules_issued'],
    ['2019', 't2_fees_amount'],
    ['2019', 't3_other_misc_total'],
    ['2021', 't2_rules_made'],
    ['2021', 't2_license_change'],
    ['2021', 't2_procurement_amount'],
  ])('a value for a metric not in layout %s (%s) is a warning, and the value is kept', (layout, id) => {
    const p = parse('a.csv', csv(`town,year,layout,${id}`, `A镇,2021,${layout},3`));
    expect(p.issues).toEqual([
      {
        severity: 'warning',
        file: 'a.csv',
        row: 2,
        column: id,
        value: '3',
        message: `${layout} 表式的报告没有「${metric(id).label}」这一项`,
      },
    ]);
    expect(p.reports).toHaveLength(1);
    expect(p.reports[0]?.metrics[id]).toBe(3);
    expect(p.rejected).toBe(0);
  });

  it('names the metric in Chinese', () => {
    const p = parse('a.csv', csv('town,year,layout,t2_rules_issued', 'A镇,2021,2019,0'));
    expect(warnings(p).map((i) => i.message)).toEqual(['2019 表式的报告没有「表二·规章·本年制发件数」这一项']);
    expect(p.reports[0]?.metrics.t2_rules_issued).toBe(0);
  });

  it.each<[string, string]>([
    ['the cell is empty', 'A镇,2021,2019,,1'],
    ['the cell says not reported', 'A镇,2021,2019,—,1'],
    ['the layout is unknown', 'A镇,2021,,3,1'],
  ])('no warning when %s', (_name, row) => {
    const p = parse('a.csv', csv('town,year,layout,t2_rules_issued,pub_website', row));
    expect(p.issues).toEqual([]);
    expect(p.reports).toHaveLength(1);
  });

  it.each<Report['layout']>(['2019', '2021'])('no warning for a metric both layouts have (layout %s)', (layout) => {
    const p = parse('a.csv', csv('town,year,layout,t2_license_decisions,t3_other_total,pub_website', `A镇,2021,${layout},1,2,3`));
    expect(p.issues).toEqual([]);
  });

  it('a warning does not hide an error in the same row', () => {
    const p = parse('a.csv', csv('town,year,layout,t2_rules_issued,pub_website', 'A镇,2021,2019,3,x'));
    expect(p.issues.map((i) => [i.severity, i.column])).toEqual([
      ['warning', 't2_rules_issued'],
      ['error', 'pub_website'],
    ]);
    expect(p.reports).toEqual([]);
    expect(p.rejected).toBe(1);
  });
});

describe('JSON', () => {
  const RECORDS = [
    {
      county: '汶上县',
      town: '康驿镇',
      town_code: 370830106,
      year: 2021,
      layout: '2019',
      source: 'kangyi.txt',
      synthetic: false,
      metrics: { pub_website: 13, pub_other: null, t2_license_change: -2, t2_procurement_amount: 14.55 },
    },
    {
      town: '次邱镇',
      year: '2022',
      layout: 2021,
      synthetic: true,
      metrics: { pub_website: '12', pub_board: ' 1,234 ', t3_new_total: '—' },
    },
  ];
  const EXPECTED: Report[] = [
    {
      county: '汶上县',
      town: '康驿镇',
      town_code: '370830106',
      year: 2021,
      layout: '2019',
      source: 'kangyi.txt',
      synthetic: false,
      metrics: { pub_website: 13, pub_other: null, t2_license_change: -2, t2_procurement_amount: 14.55 },
    },
    {
      county: '',
      town: '次邱镇',
      town_code: null,
      year: 2022,
      layout: '2021',
      source: 'reports.json',
      synthetic: true,
      metrics: { pub_website: 12, pub_board: 1234, t3_new_total: null },
    },
  ];

  it.each([
    ['an array', JSON.stringify(RECORDS)],
    ['an array, pretty-printed with a BOM', '\ufeff' + JSON.stringify(RECORDS, null, 2)],
    ['a {reports: [...]} wrapper', JSON.stringify({ reports: RECORDS })],
    ['a wrapper with other keys', JSON.stringify({ generated: '2024-01-01', reports: RECORDS })],
  ])('reads %s', (_name, text) => {
    expect(parse('reports.json', text)).toEqual({
      file: 'reports.json',
      format: 'json',
      encoding: null,
      reports: EXPECTED,
      issues: [],
      rejected: 0,
      blank: 0,
      rows: EXPECTED.map((_, i) => i + 1),
    });
  });

  it('reads string numbers like "12" as numbers', () => {
    const p = parse('r.json', JSON.stringify([{ town: 'A镇', year: 2021, metrics: { pub_website: '12', t2_license_change: '-3', t2_fees_amount: '0.5' } }]));
    expect(p.issues).toEqual([]);
    expect(p.reports[0]?.metrics).toEqual({ pub_website: 12, t2_license_change: -3, t2_fees_amount: 0.5 });
  });

  it('accepts metric keys written as 中文 labels', () => {
    const p = parse('r.json', JSON.stringify([{ town: 'A镇', year: 2021, metrics: { 政府网站主动公开信息: 7 } }]));
    expect(p.issues).toEqual([]);
    expect(p.reports[0]?.metrics).toEqual({ pub_website: 7 });
  });

  it('a record without any value is not a report: left out and counted in one notice', () => {
    const p = parse(
      'r.json',
      JSON.stringify([
        { town: 'A镇', year: 2021 },
        { town: 'B镇', year: 2021, metrics: null },
        { town: 'C镇', year: 2021, metrics: { pub_website: 1 } },
        { town: 'D镇', year: 2021, metrics: { pub_website: null, pub_board: '—' } },
      ]),
    );
    expect(p.issues).toEqual([{ severity: 'info', file: 'r.json', row: null, column: null, value: null, message: '3 条记录没有填写任何数值，未作为报告载入（第 1、2、4 条）' }]);
    expect(towns(p)).toEqual(['C镇']);
    expect(p.blank).toBe(3);
    expect(p.rejected).toBe(0);
  });

  it.each<[unknown, boolean]>([
    [true, true],
    [false, false],
    ['true', true],
    ['是', true],
    ['否', false],
    [1, true],
    [0, false],
    [null, false],
  ])('synthetic %j → %s', (synthetic, expected) => {
    const p = parse('r.json', JSON.stringify([{ town: 'A镇', year: 2021, synthetic, metrics: { pub_website: 1 } }]));
    expect(p.issues).toEqual([]);
    expect(p.reports[0]?.synthetic).toBe(expected);
  });

  it.each<[string, string]>([
    ['an object without reports', '{"town":"A镇","year":2021}'],
    ['reports that is not an array', '{"reports":{"town":"A镇"}}'],
    ['a number', '42'],
    ['a string', '"康驿镇"'],
    ['null', 'null'],
  ])('refuses %s: not an array', (_name, text) => {
    expect(parse('r.json', text)).toEqual({
      file: 'r.json',
      format: 'json',
      encoding: null,
      reports: [],
      issues: [
        { severity: 'error', file: 'r.json', row: null, column: null, value: null, message: 'JSON 应为报告记录组成的数组：[{town, year, metrics: {…}}, …]' },
      ],
      rejected: 0,
      blank: 0,
      rows: [],
    });
  });

  it.each([
    ['a trailing comma', '[{"town": "A镇", "year": 2021,}]'],
    ['single quotes', "[{'town': 'A镇'}]"],
    ['a truncated file', '[{"town": "A镇", "year": 20'],
    ['CSV in a .json file', 'town,year\nA镇,2021\n'],
  ])('refuses invalid JSON text (%s)', (_name, text) => {
    const p = parse('r.json', text);
    expect(p.reports).toEqual([]);
    expect(p.rejected).toBe(0);
    expect(p.issues).toHaveLength(1);
    expect(p.issues[0]).toMatchObject({ severity: 'error', file: 'r.json', row: null });
    expect(p.issues[0]?.message).toMatch(/^不是有效的 JSON：/);
  });

  it('a record that is not an object is rejected with its record number; the others load', () => {
    const p = parse('r.json', JSON.stringify([1, null, 'A镇', [], { town: 'B镇', year: 2021, metrics: { pub_website: 1 } }]));
    expect(p.issues).toEqual(
      [1, 2, 3, 4].map((row) => ({ severity: 'error', file: 'r.json', row, column: null, value: null, message: '这条记录不是对象' })),
    );
    expect(towns(p)).toEqual(['B镇']);
    expect(p.rejected).toBe(4);
  });

  it('an unknown metric key rejects the record, naming the key', () => {
    const p = parse(
      'r.json',
      JSON.stringify([
        { town: 'A镇', year: 2021, metrics: { pub_website: 1 } },
        { town: 'B镇', year: 2021, metrics: { pub_websit: 1, pub_board: 2 } },
      ]),
    );
    expect(p.issues).toEqual([
      { severity: 'error', file: 'r.json', row: 2, column: 'metrics.pub_websit', value: null, message: '不认识的指标' },
    ]);
    expect(towns(p)).toEqual(['A镇']);
    expect(p.rejected).toBe(1);
  });

  it('the same metric given by its id and by its label rejects the record instead of keeping one value', () => {
    const p = parse('r.json', JSON.stringify([{ town: 'A镇', year: 2021, metrics: { pub_website: 1, 政府网站主动公开信息: 2 } }]));
    expect(p.issues).toEqual([
      {
        severity: 'error',
        file: 'r.json',
        row: 1,
        column: 'metrics.政府网站主动公开信息',
        value: null,
        message: '与 metrics.pub_website 是同一指标，重复',
      },
    ]);
    expect(p.reports).toEqual([]);
    expect(p.rejected).toBe(1);
  });

  it('metrics that is not an object rejects the record', () => {
    const p = parse('r.json', JSON.stringify([{ town: 'A镇', year: 2021, metrics: [1, 2] }]));
    expect(p.issues).toEqual([
      { severity: 'error', file: 'r.json', row: 1, column: 'metrics', value: null, message: 'metrics 应为 {指标编号: 数值} 形式的对象' },
    ]);
    expect(p.rejected).toBe(1);
  });

  it('an unknown top-level field is a warning; the record still loads', () => {
    const p = parse('r.json', JSON.stringify([{ town: 'A镇', year: 2021, remark: '无', metrics: { pub_website: 1 } }]));
    expect(p.issues).toEqual([{ severity: 'warning', file: 'r.json', row: 1, column: 'remark', value: null, message: '未使用的字段' }]);
    expect(towns(p)).toEqual(['A镇']);
  });

  it.each<[string, Record<string, unknown>, string, string | null, string]>([
    ['missing town', { year: 2021 }, '镇街', null, '缺少镇街名称'],
    ['missing year', { town: 'B镇' }, '年度', null, '缺少年度'],
    ['year out of range', { town: 'B镇', year: 2027 }, 'year', '2027', '年度应在 2008–2026 之间'],
    ['bad town_code', { town: 'B镇', year: 2021, town_code: 12345 }, 'town_code', '12345', '区划代码应为 9 位数字（如 370830106）'],
    ['bad layout', { town: 'B镇', year: 2021, layout: '2020' }, 'layout', '2020', '表式应为 2019 或 2021（或留空）'],
    ['non-numeric metric', { town: 'B镇', year: 2021, metrics: { pub_website: 'abc' } }, 'metrics.pub_website', 'abc', '不是数字'],
    ['boolean metric', { town: 'B镇', year: 2021, metrics: { pub_website: true } }, 'metrics.pub_website', 'true', '不是数字'],
    ['negative count', { town: 'B镇', year: 2021, metrics: { t3_new_total: -1 } }, 'metrics.t3_new_total', '-1', '件数不能为负数'],
    ['fractional count', { town: 'B镇', year: 2021, metrics: { t3_new_total: 1.5 } }, 'metrics.t3_new_total', '1.5', '件数应为整数'],
  ])('%s: error names the record number and key; other records load', (_name, bad, column, value, message) => {
    const v = { metrics: { pub_board: 1 } };
    const p = parse('r.json', JSON.stringify([{ town: 'A镇', year: 2021, ...v }, { ...v, ...bad }, { town: 'C镇', year: 2021, ...v }]));
    expect(p.issues).toEqual([{ severity: 'error', file: 'r.json', row: 2, column, value, message }]);
    expect(towns(p)).toEqual(['A镇', 'C镇']);
    expect(p.rejected).toBe(1);
  });

  it('the same town and year twice: the second record is rejected, naming the first', () => {
    const v = { metrics: { pub_website: 1 } };
    const p = parse('r.json', JSON.stringify([{ town: 'A镇', year: 2021, ...v }, { town: 'B镇', year: 2021, ...v }, { town: 'A镇', year: '2021', ...v }]));
    expect(p.issues).toEqual([
      { severity: 'error', file: 'r.json', row: 3, column: null, value: null, message: '与第 1 行重复：同一镇街（A镇）同一年度（2021）出现两次' },
    ]);
    expect(towns(p)).toEqual(['A镇', 'B镇']);
    expect(p.rejected).toBe(1);
  });

  it('warns about a metric outside the layout and keeps the value', () => {
    const p = parse('r.json', JSON.stringify([{ town: 'A镇', year: 2021, layout: '2019', metrics: { t2_rules_issued: 2 } }]));
    expect(p.issues).toEqual([
      {
        severity: 'warning',
        file: 'r.json',
        row: 1,
        column: 'metrics.t2_rules_issued',
        value: '2',
        message: '2019 表式的报告没有「表二·规章·本年制发件数」这一项',
      },
    ]);
    expect(p.reports[0]?.metrics.t2_rules_issued).toBe(2);
  });
});

describe('the embedded data files', () => {
  describe('data/reports/kangyi_2021.json (the real 康驿镇 2021 report)', () => {
    const p = parse('kangyi_2021.json', readData('data/reports/kangyi_2021.json'));
    const r = p.reports[0]!;

    it('parses with no errors and no warnings', () => {
      expect(p.issues).toEqual([]);
      expect(p.rejected).toBe(0);
      expect(p.format).toBe('json');
      expect(p.reports).toHaveLength(1);
    });

    it('has the identity of the real report: layout 2019 although the year is 2021', () => {
      expect({ ...r, metrics: undefined }).toEqual({
        county: '汶上县',
        town: '康驿镇',
        town_code: '370830106',
        year: 2021,
        layout: '2019',
        source: '000_75c809bd29ead2fa.txt',
        synthetic: false,
        metrics: undefined,
      });
    });

    it('states every catalogue metric', () => {
      expect(Object.keys(r.metrics).sort()).toEqual([...METRIC_IDS].sort());
    });

    it.each<[string, number | null]>([
      ['pub_newmedia', 499],
      ['pub_website', 13],
      ['pub_board', 86],
      ['train_sessions', 6],
      ['train_people', 80],
      ['text_applications', 0],
      ['pub_other', null],
    ])('%s = %s', (id, expected) => {
      expect(r.metrics[id]).toBe(expected);
    });

    it('has 0 in every table cell of layout 2019', () => {
      const cells = metricsOfLayout('2019').filter((m) => m.section !== 'narrative');
      expect(cells.length).toBe(22 + 23 * 7 + 15);
      expect(cells.filter((m) => r.metrics[m.id] !== 0).map((m) => m.id)).toEqual([]);
    });

    it('leaves the metrics of layout 2021 only as not reported', () => {
      const only2021 = METRICS.filter((m) => !m.layouts.includes('2019'));
      expect(only2021.length).toBeGreaterThan(0);
      expect(only2021.filter((m) => r.metrics[m.id] !== null).map((m) => m.id)).toEqual([]);
    });
  });

  describe('data/reports/wenshang_sample_2019-2025.csv (synthetic 汶上县 sample)', () => {
    const p = parse('wenshang_sample_2019-2025.csv', readData('data/reports/wenshang_sample_2019-2025.csv'));

    it('parses 104 reports with no errors and no warnings', () => {
      expect(p.issues).toEqual([]);
      expect(p.rejected).toBe(0);
      expect(p.format).toBe('wide-csv');
      expect(p.reports).toHaveLength(104);
    });

    it('covers 15 towns of 汶上县 over 2019–2025, all marked synthetic', () => {
      expect(new Set(p.reports.map((r) => r.town)).size).toBe(15);
      expect([...new Set(p.reports.map((r) => r.year))].sort()).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
      expect(new Set(p.reports.map((r) => r.county))).toEqual(new Set(['汶上县']));
      expect(p.reports.every((r) => r.synthetic)).toBe(true);
      expect(p.reports.every((r) => r.layout === '2019' || r.layout === '2021')).toBe(true);
      expect(p.reports.every((r) => /^\d{9}$/.test(r.town_code ?? ''))).toBe(true);
    });

    it('has 7 years for every town except 康驿镇, which lacks 2021', () => {
      const years = new Map<string, number[]>();
      for (const r of p.reports) years.set(r.town, [...(years.get(r.town) ?? []), r.year]);
      for (const [town, ys] of years) {
        const expected = town === '康驿镇' ? [2019, 2020, 2022, 2023, 2024, 2025] : [2019, 2020, 2021, 2022, 2023, 2024, 2025];
        expect([town, ys.sort()]).toEqual([town, expected]);
      }
    });

    it('together with the real 康驿镇 2021 report makes 15 towns × 7 years without a conflict', () => {
      const kangyi = parse('kangyi_2021.json', readData('data/reports/kangyi_2021.json')).reports;
      const keys = new Set([...p.reports, ...kangyi].map(reportKey));
      expect(keys.size).toBe(105);
    });
  });
});

describe('JSON identity fields of the wrong type', () => {
  it('refuses an object or array where a town name or year should be', () => {
    const p = parse('bad.json', JSON.stringify([{ town: { name: '康驿镇' }, year: 2021, metrics: {} }, { town: '南旺镇', year: [2021], metrics: {} }]));
    expect(p.reports).toEqual([]);
    expect(errors(p).map((e) => [e.row, e.column])).toEqual(
      expect.arrayContaining([
        [1, 'town'],
        [2, 'year'],
      ]),
    );
    expect(p.rejected).toBe(2);
  });
});

describe('control characters in names', () => {
  it('refuses a town or county name with a control character', () => {
    const p = parse('ctl.csv', 'county,town,year,pub_website\n汶上县,康驿\u001f镇,2021,1\n汶\u0007上县,南旺镇,2021,2\n汶上县,义桥镇,2021,3\n');
    expect(towns(p)).toEqual(['义桥镇']);
    expect(errors(p).map((e) => [e.row, e.column])).toEqual([
      [2, 'town'],
      [3, 'county'],
    ]);
  });
});

describe('progress while reading', () => {
  it('reports a rising share of the file done, ending near 1', () => {
    const header = 'town,year,pub_website';
    const body = Array.from({ length: 9000 }, (_, i) => `镇${i},2023,${i}`).join('\n');
    const seen: number[] = [];
    const p = parseReportFile('big.csv', `${header}\n${body}\n`, { maxYear: 2026, onProgress: (d) => seen.push(d) });
    expect(p.reports).toHaveLength(9000);
    expect(seen.length).toBeGreaterThan(3);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[seen.length - 1]).toBeLessThanOrEqual(1);
    expect(seen[seen.length - 1]).toBeGreaterThan(0.9);
  });
});
