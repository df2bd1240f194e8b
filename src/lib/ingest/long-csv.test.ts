import { describe, expect, it } from 'vitest';
import type { Report } from '../model/report.ts';
import type { IngestIssue } from './issues.ts';
import { isLongHeader, longColumnRole } from './long-csv.ts';
import { parseReportFile, type ParsedFile } from './parse-file.ts';

const parse = (text: string, file = 'long.csv'): ParsedFile => parseReportFile(file, text, { maxYear: 2026 });
const csv = (...lines: string[]): string => lines.join('\n') + '\n';
const where = (p: ParsedFile) => p.issues.map((i) => [i.severity, i.row, i.column, i.value, i.message]);
const err = (row: number | null, column: string | null, value: string | null, message: string): IngestIssue => ({
  severity: 'error',
  file: 'long.csv',
  row,
  column,
  value,
  message,
});

describe('longColumnRole / isLongHeader', () => {
  it.each<[string, string | null]>([
    ['metric', 'metric'],
    ['指标', 'metric'],
    ['指标编号', 'metric'],
    [' 指标 名称 ', 'metric'],
    ['METRIC', 'metric'],
    ['value', 'value'],
    ['数值', 'value'],
    ['值', 'value'],
    ['town', 'identity:town'],
    ['镇街', 'identity:town'],
    ['年度', 'identity:year'],
    ['县（市、区）', 'identity:county'],
    ['县(市、区)', 'identity:county'],
    ['区划代码', 'identity:town_code'],
    ['来源', 'identity:source'],
    ['表式', 'identity:layout'],
    ['示例数据', 'identity:synthetic'],
    ['pub_website', null],
    ['政府网站主动公开信息', null],
    ['备注', null],
  ])('%j → %s', (header, expected) => {
    const role = longColumnRole(header);
    expect(role === null ? null : role.kind === 'identity' ? `identity:${role.field}` : role.kind).toBe(expected);
  });

  it.each<[string[], boolean]>([
    [['town', 'year', 'metric', 'value'], true],
    [['\ufeff镇街', '年度', '指标', '数值'], true],
    [['指标', '值'], true],
    [['town', 'year', 'metric'], false],
    [['town', 'year', 'value'], false],
    [['town', 'year', 'pub_website'], false],
    [[], false],
  ])('isLongHeader(%j) = %s', (header, expected) => {
    expect(isLongHeader(header)).toBe(expected);
  });
});

describe('long CSV: valid files', () => {
  const EXPECTED: Report[] = [
    {
      county: '汶上县',
      town: '康驿镇',
      town_code: '370830106',
      year: 2021,
      layout: '2019',
      source: '000_75c809bd29ead2fa.txt',
      synthetic: false,
      metrics: { pub_website: 13, pub_newmedia: 499, t2_license_change: -2, pub_other: null },
    },
    {
      county: '汶上县',
      town: '次邱镇',
      town_code: null,
      year: 2022,
      layout: null,
      source: 'long.csv',
      synthetic: true,
      metrics: { pub_board: 1234, t3_new_total: 12 },
    },
  ];

  it.each<[string, string]>([
    [
      'id headers, metric ids, every identity column',
      csv(
        'county,town,town_code,year,layout,source,synthetic,metric,value',
        '汶上县,康驿镇,370830106,2021,2019,000_75c809bd29ead2fa.txt,false,pub_website,13',
        '汶上县,康驿镇,370830106000,2021,2019年,000_75c809bd29ead2fa.txt,否,pub_newmedia,499',
        '汶上县,次邱镇,,2022,,,是,pub_board,"1,234"',
        '汶上县,康驿镇,,2021年,,,,t2_license_change,-2',
        '汶上县,次邱镇,,２０２２,,,true,t3_new_total,１２',
        '汶上县,康驿镇,370830106,2021,2019,,,pub_other,—',
      ),
    ],
    [
      '中文 headers in another order, metric cells as 中文 labels, CRLF and BOM',
      '\ufeff' +
        [
          '指标,数值,年度,镇街,县（市、区）,区划代码,来源,表式,示例数据',
          '政府网站主动公开信息,13,2021,康驿镇,汶上县,370830106,000_75c809bd29ead2fa.txt,2019,',
          '政务新媒体（微信公众号等）发布信息,499,2021,康驿镇,汶上县,,,,',
          '政务公开栏等线下公开信息,1 234,2022,次邱镇,汶上县,,,,是',
          '表二·行政许可·本年增/减,−2,2021,康驿镇,汶上县,,,,',
          't3_new_total,12,2022,次邱镇,汶上县,,,,',
          '其他渠道公开信息,/,2021,康驿镇,汶上县,,,,',
        ].join('\r\n') +
        '\r\n',
    ],
  ])('%s', (_name, text) => {
    const p = parse(text);
    expect(p.issues).toEqual([]);
    expect(p.format).toBe('long-csv');
    expect(p.reports).toEqual(EXPECTED);
    expect(p.rejected).toBe(0);
  });

  it('groups by county too: the same town name in two counties is two reports', () => {
    const p = parse(csv('county,town,year,metric,value', '汶上县,A镇,2021,pub_website,1', '梁山县,A镇,2021,pub_website,2'));
    expect(p.issues).toEqual([]);
    expect(p.reports.map((r) => [r.county, r.metrics.pub_website])).toEqual([
      ['汶上县', 1],
      ['梁山县', 2],
    ]);
  });

  it('a header-only file loads nothing and complains about nothing', () => {
    expect(parse('town,year,metric,value\n')).toMatchObject({ format: 'long-csv', reports: [], issues: [], rejected: 0 });
  });

  it('an identity value stated in one row only applies to the whole report', () => {
    const p = parse(csv('town,year,source,layout,metric,value', 'A镇,2021,,,pub_website,1', 'A镇,2021,a.pdf,2021,pub_board,2'));
    expect(p.issues).toEqual([]);
    expect(p.reports).toMatchObject([{ source: 'a.pdf', layout: '2021', metrics: { pub_website: 1, pub_board: 2 } }]);
  });

  it('issues are listed by row, whichever stage found them', () => {
    const p = parse(csv('town,year,metric,value', 'A镇,2021,pub_website,x', 'A镇,2021,pub_websit,1', 'B镇,2021,pub_board,-1'));
    expect(p.issues.map((i) => [i.row, i.message])).toEqual([
      [2, '不是数字'],
      [3, '不认识的指标：既不是指标编号，也不是指标的中文名称'],
      [4, '件数不能为负数'],
    ]);
  });

  it('the record row is its first row: a duplicate report names it', () => {
    const p = parse(
      csv('town,town_code,year,metric,value', '次邱镇,370830103,2021,pub_website,1', '次丘镇,370830103,2021,pub_website,1', '次邱镇,370830103,2021,pub_board,1'),
    );
    expect(p.reports.map((r) => r.town)).toEqual(['次邱镇']);
    expect(where(p)).toEqual([['error', 3, null, null, '与第 2 行重复：同一镇街（次丘镇）同一年度（2021）出现两次']]);
    expect(p.rejected).toBe(1);
  });
});

describe('long CSV: errors name file, row, column and value', () => {
  const H = 'county,town,year,source,layout,metric,value';
  const OK = ['汶上县,A镇,2021,,,pub_website,1', '汶上县,C镇,2021,,,pub_website,3'];

  const CASES: [name: string, bad: string[], issues: IngestIssue[], rejected: number][] = [
    ['unknown metric id', ['汶上县,B镇,2021,,,pub_websit,1'], [err(3, 'metric', 'pub_websit', '不认识的指标：既不是指标编号，也不是指标的中文名称')], 1],
    ['unknown 中文 label', ['汶上县,B镇,2021,,,网站信息条数,1'], [err(3, 'metric', '网站信息条数', '不认识的指标：既不是指标编号，也不是指标的中文名称')], 1],
    ['missing metric', ['汶上县,B镇,2021,,,,1'], [err(3, 'metric', '', '缺少指标')], 1],
    ['missing town', ['汶上县,,2021,,,pub_website,1'], [err(3, 'town', '', '缺少镇街名称')], 1],
    ['missing year', ['汶上县,B镇,,,,pub_website,1'], [err(3, 'year', '', '缺少年度')], 1],
    ['missing town and year', ['汶上县, ,,,,pub_website,1'], [err(3, 'town', ' ', '缺少镇街名称'), err(3, 'year', '', '缺少年度')], 1],
    [
      'the same metric twice (id, then 中文 label)',
      ['汶上县,B镇,2021,,,pub_website,1', '汶上县,B镇,2021,,,政府网站主动公开信息,2'],
      [err(4, 'metric', '政府网站主动公开信息', '与第 3 行重复：同一镇街同一年度的「政府网站主动公开信息」出现两次')],
      2,
    ],
    [
      'the same metric twice with the same value',
      ['汶上县,B镇,2021,,,pub_website,1', '汶上县,B镇,2021,,,pub_board,1', '汶上县,B镇,2021,,,pub_website,1'],
      [err(5, 'metric', 'pub_website', '与第 3 行重复：同一镇街同一年度的「政府网站主动公开信息」出现两次')],
      3,
    ],
    [
      'two sources for one report',
      ['汶上县,B镇,2021,a.pdf,,pub_website,1', '汶上县,B镇,2021,b.pdf,,pub_board,2'],
      [err(4, 'source', 'b.pdf', '同一镇街同一年度的「来源」与第 3 行（「a.pdf」）不一致')],
      2,
    ],
    [
      'two layouts for one report',
      ['汶上县,B镇,2021,,2019,pub_website,1', '汶上县,B镇,2021,,2021,pub_board,2'],
      [err(4, 'layout', '2021', '同一镇街同一年度的「表式」与第 3 行（「2019」）不一致')],
      2,
    ],
    [
      'two invalid layouts that differ',
      ['汶上县,B镇,2021,,新版,pub_website,1', '汶上县,B镇,2021,,旧版,pub_board,2'],
      [
        err(3, 'layout', '新版', '表式应为 2019 或 2021（或留空）'),
        err(4, 'layout', '旧版', '同一镇街同一年度的「表式」与第 3 行（「新版」）不一致'),
      ],
      2,
    ],
    ['a value that is not a number names its own row', ['汶上县,B镇,2021,,,pub_website,1', '汶上县,B镇,2021,,,pub_board,=1+1'], [err(4, 'value', '=1+1', '不是数字')], 2],
    ['negative count', ['汶上县,B镇,2021,,,t3_new_total,-1'], [err(3, 'value', '-1', '件数不能为负数')], 1],
    ['year out of range', ['汶上县,B镇,2030,,,pub_website,1'], [err(3, 'year', '2030', '年度应在 2008–2026 之间')], 1],
    ['bad layout stated on a later row names that row', ['汶上县,B镇,2021,,,pub_website,1', '汶上县,B镇,2021,,2020,pub_board,1'], [err(4, 'layout', '2020', '表式应为 2019 或 2021（或留空）')], 2],
    ['a row with too few cells', ['汶上县,B镇,2021,,,pub_website'], [err(3, null, null, '这一行有 6 列，表头有 7 列：行可能被截断或多出了分隔符')], 1],
  ];

  it.each(CASES)('%s: the whole report is rejected, A镇 and C镇 load', (_name, bad, issues, rejected) => {
    const p = parse(csv(H, OK[0]!, ...bad, OK[1]!));
    expect(p.issues).toEqual(issues);
    expect(p.reports.map((r) => r.town)).toEqual(['A镇', 'C镇']);
    expect(p.rejected).toBe(rejected);
  });

  it('agreeing spellings of the same identity value are not a conflict', () => {
    const p = parse(
      csv(
        'town,year,town_code,layout,synthetic,metric,value',
        'A镇,2021,370830106,2019,是,pub_website,1',
        'A镇,2021,370830106000,2019年,true,pub_board,2',
        'A镇,2021年,370830106,2019版,1,pub_other,3',
      ),
    );
    expect(p.issues).toEqual([]);
    expect(p.reports).toMatchObject([{ town_code: '370830106', layout: '2019', synthetic: true }]);
  });

  it.each<[string, string, string]>([
    ['no town column', 'year,metric,value', '表头缺少「镇街」列'],
    ['no year column', 'town,metric,value', '表头缺少「年度」列'],
    ['neither', 'metric,value', '表头缺少「镇街」和「年度」列'],
  ])('header %s: nothing loads', (_name, header, message) => {
    const p = parse(csv(header, 'a,b,c', 'd,e,f'));
    expect(p.issues).toEqual([err(1, null, null, message)]);
    expect(p.reports).toEqual([]);
    expect(p.rejected).toBe(2);
  });

  it.each<[string, string, string, IngestIssue]>([
    ['duplicate metric column', 'town,year,metric,指标,value', 'A镇,2021,pub_website,pub_board,1', err(1, '指标', null, '与第 3 列重复')],
    ['duplicate value column', 'town,year,metric,数值,值', 'A镇,2021,pub_website,1,9', err(1, '值', null, '与第 4 列重复')],
    [
      'a metric id as a column',
      'town,year,metric,value,pub_website',
      'A镇,2021,pub_website,1,9',
      err(1, 'pub_website', null, '不认识的列名：长表只能有镇街、年度、指标、数值，以及县（市、区）、区划代码、来源、表式、示例数据'),
    ],
    ['an empty header cell', 'town,year,metric,value,', 'A镇,2021,pub_website,1,9', err(1, '第 5 列', null, '第 5 列没有列名')],
  ])('%s is an error naming the column; the first column of each kind is used', (_name, header, row, expected) => {
    const p = parse(csv(header, row));
    expect(p.issues).toEqual([expected]);
    expect(p.reports).toHaveLength(1);
    expect(p.reports[0]?.metrics).toEqual({ pub_website: 1 });
  });
});
