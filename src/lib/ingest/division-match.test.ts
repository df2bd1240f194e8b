import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDivisions, type Division } from '../model/divisions.ts';
import type { Report } from '../model/report.ts';
import { editDistance, indexDivisions, matchDivisions, nearestNames } from './division-match.ts';
import type { IssueSeverity } from './issues.ts';

const div = (code: string, name: string, county: string, city = '济宁市'): Division => ({
  code,
  name,
  type: name.endsWith('街道') ? '街道' : '镇',
  county_code: code.slice(0, 6),
  county,
  city_code: code.slice(0, 4),
  city,
  province_code: code.slice(0, 2),
  province: '山东省',
});

const DIVISIONS: Division[] = [
  div('370830102', '南旺镇', '汶上县'),
  div('370830103', '次邱镇', '汶上县'),
  div('370830105', '郭楼镇', '汶上县'),
  div('370830106', '康驿镇', '汶上县'),
  div('370830109', '郭仓镇', '汶上县'),
  div('370832101', ' 梁山镇\u3000', '梁山县 '),
  // the same county name in two cities, each with a 鼓楼街道
  div('320106001', '鼓楼街道', '鼓楼区', '南京市'),
  div('350102001', '鼓楼街道', '鼓楼区', '福州市'),
];

const report = (o: Partial<Report>): Report => ({
  county: '汶上县',
  town: '康驿镇',
  town_code: null,
  year: 2021,
  layout: null,
  source: 'a.csv',
  synthetic: false,
  metrics: {},
  ...o,
});

type IssueRow = [IssueSeverity, string | null, string | null, string];
const rows = (issues: ReturnType<typeof matchDivisions>['issues']): IssueRow[] => issues.map((i) => [i.severity, i.column, i.value, i.message]);

describe('editDistance (on characters)', () => {
  it.each<[string, string, number, number]>([
    ['次丘镇', '次邱镇', Infinity, 1],
    ['康驿', '康驿镇', Infinity, 1],
    ['康驿镇', '康驿镇', Infinity, 0],
    ['', '康驿镇', Infinity, 3],
    ['康驿镇', '', Infinity, 3],
    ['kitten', 'sitting', Infinity, 3],
    ['𠀀镇', '镇', Infinity, 1],
    ['𠀀镇', '𠀁镇', Infinity, 1],
    ['abcdef', 'uvwxyz', 2, 3],
    ['a', 'abcdef', 2, 3],
    ['南旺镇', '旺南镇', Infinity, 2],
  ])('%j ↔ %j (max %s) = %s', (a, b, max, expected) => {
    expect(editDistance(a, b, max)).toBe(expected);
  });
});

describe('nearestNames', () => {
  const names = ['南旺镇', '次邱镇', '郭楼镇', '康驿镇', '郭仓镇'];
  it.each<[string, number, string[]]>([
    ['次丘镇', 2, ['次邱镇']],
    ['康驿', 2, ['康驿镇']],
    ['康驿镇人民政府', 2, ['康驿镇']],
    ['次邱镇办事处', 2, ['次邱镇']],
    ['郭镇', 2, ['郭楼镇', '郭仓镇']],
    ['南镇', 1, ['南旺镇']],
    ['火星镇', 1, []],
    ['火星乡', 2, []],
  ])('%j (≤ %s) → %j', (name, max, expected) => {
    expect(nearestNames(name, names, max)).toEqual(expected);
  });

  it.each<[string, string, string[], string[]]>([
    ['two edits in a five-character name', '东花们街道', ['东华门街道', '景山街道'], ['东华门街道']],
    ['two edits in a four-character name are too many', '南旺街道', ['南旺镇'], []],
    ['the closest wins over a farther one', '东华门街导', ['东华街道', '东华门街道'], ['东华门街道']],
    ['at most three, in list order', 'A镇', ['A1镇', 'A2镇', 'A3镇', 'A4镇'], ['A1镇', 'A2镇', 'A3镇']],
    ['a repeated candidate once', '康驿', ['康驿镇', '康驿镇'], ['康驿镇']],
  ])('%s: %j → %j', (_label, name, candidates, expected) => {
    expect(nearestNames(name, candidates)).toEqual(expected);
  });
});

describe('matchDivisions', () => {
  const CASES: [name: string, r: Partial<Report>, code: string | null, issues: IssueRow[]][] = [
    ['exact name fills the code', {}, '370830106', [['info', '镇街', '康驿镇', '已按区划代码表补全区划代码 370830106']]],
    ['a typo gets the nearest real name as a suggestion', { town: '次丘镇' }, null, [['warning', '镇街', '次丘镇', '镇街「次丘镇」不在汶上县的区划代码表中，是否为「次邱镇」？']]],
    ['a missing 镇', { town: '康驿' }, null, [['warning', '镇街', '康驿', '镇街「康驿」不在汶上县的区划代码表中，是否为「康驿镇」？']]],
    ['the office name', { town: '康驿镇人民政府' }, null, [['warning', '镇街', '康驿镇人民政府', '镇街「康驿镇人民政府」不在汶上县的区划代码表中，是否为「康驿镇」？']]],
    ['two equally near names', { town: '郭镇' }, null, [['warning', '镇街', '郭镇', '镇街「郭镇」不在汶上县的区划代码表中，是否为「郭楼镇」或「郭仓镇」？']]],
    ['nothing near', { town: '火星镇' }, null, [['warning', '镇街', '火星镇', '镇街「火星镇」不在汶上县的区划代码表中']]],
    ['a name from another county is not matched', { town: '梁山镇' }, null, [['warning', '镇街', '梁山镇', '镇街「梁山镇」不在汶上县的区划代码表中']]],
    ['code and name agree', { town_code: '370830106' }, '370830106', []],
    ['code and name agree, county not given', { town_code: '370830106', county: '' }, '370830106', []],
    ['code of another name', { town: '康驿', town_code: '370830106' }, '370830106', [['warning', '区划代码', '370830106', '区划代码 370830106 对应「康驿镇」，与「康驿」不符']]],
    ['code not in the list', { town_code: '370830999' }, '370830999', [['warning', '区划代码', '370830999', '区划代码 370830999 不在区划代码表中']]],
    ['code of another county', { county: '梁山县', town_code: '370830106' }, '370830106', [['warning', '县（市、区）', '梁山县', '区划代码 370830106 属于汶上县，与「梁山县」不符']]],
    ['no county and no code: nothing to check', { county: '' }, null, []],
    ['unknown county', { county: '火星县' }, null, [['warning', '县（市、区）', '火星县', '县（市、区）「火星县」不在区划代码表中，无法核对其镇街名称']]],
    ['county without 县', { county: '汶上' }, null, [['warning', '县（市、区）', '汶上', '县（市、区）「汶上」不在区划代码表中，无法核对其镇街名称，是否为「汶上县」？']]],
    [
      'a name that two same-named counties both have',
      { county: '鼓楼区', town: '鼓楼街道' },
      null,
      [['info', '镇街', '鼓楼街道', '鼓楼区有 2 个「鼓楼街道」（区划代码 320106001、350102001），未补全区划代码']],
    ],
    ['full-width and spaced names in the list still match', { county: '梁山县', town: '梁山镇' }, '370832101', [['info', '镇街', '梁山镇', '已按区划代码表补全区划代码 370832101']]],
  ];

  it.each(CASES)('%s', (_name, r, code, issues) => {
    const input = report(r);
    const res = matchDivisions([input], DIVISIONS, 'a.csv');
    expect(rows(res.issues)).toEqual(issues);
    expect(res.issues.every((i) => i.file === 'a.csv' && i.row === null)).toBe(true);
    expect(res.reports).toEqual([{ ...input, town_code: code }]);
    // the input is never changed, and the name never is
    expect(input).toEqual(report(r));
    expect(res.reports[0]!.town).toBe(input.town);
  });

  it('accepts a prebuilt index and gives the same result', () => {
    const reports = [report({}), report({ town: '次丘镇' })];
    expect(matchDivisions(reports, indexDivisions(DIVISIONS), 'a.csv')).toEqual(matchDivisions(reports, DIVISIONS, 'a.csv'));
  });

  it('one issue per town, not per year; one per unknown county, not per town; order and unchanged reports kept', () => {
    const reports = [2019, 2020, 2021].flatMap((year) => [
      report({ year }),
      report({ year, town: '次丘镇' }),
      report({ year, town_code: '370830102', town: '南旺镇' }),
      report({ year, county: '火星县', town: `A${year}镇` }),
    ]);
    const res = matchDivisions(reports, DIVISIONS, 'a.csv');
    expect(rows(res.issues).map(([s, c, v]) => [s, c, v])).toEqual([
      ['info', '镇街', '康驿镇'],
      ['warning', '镇街', '次丘镇'],
      ['warning', '县（市、区）', '火星县'],
    ]);
    expect(res.reports.map((r) => [r.year, r.town, r.town_code])).toEqual(
      [2019, 2020, 2021].flatMap((y) => [
        [y, '康驿镇', '370830106'],
        [y, '次丘镇', null],
        [y, '南旺镇', '370830102'],
        [y, `A${y}镇`, null],
      ]),
    );
    // reports that needed no change are passed through as they were
    expect(res.reports[1]).toBe(reports[1]);
    expect(res.reports[0]).not.toBe(reports[0]);
  });
});

describe('against the national list (data/divisions/townships_cn.csv)', () => {
  const divisions = parseDivisions(readFileSync(new URL('../../../data/divisions/townships_cn.csv', import.meta.url), 'utf8'));
  const index = indexDivisions(divisions);

  it('indexes all 41,352 divisions', () => {
    expect(divisions).toHaveLength(41_352);
    expect(index.byCode.size).toBe(41_352);
    expect(index.byCounty.get('汶上县')?.map((d) => d.name)).toContain('次邱镇');
  });

  it.each<[string, string, string | null, IssueRow[]]>([
    ['汶上县', '次丘镇', null, [['warning', '镇街', '次丘镇', '镇街「次丘镇」不在汶上县的区划代码表中，是否为「次邱镇」？']]],
    ['汶上县', '康驿镇', '370830106', [['info', '镇街', '康驿镇', '已按区划代码表补全区划代码 370830106']]],
    ['宜兴市', '湖㳇镇', '320282113', [['info', '镇街', '湖㳇镇', '已按区划代码表补全区划代码 320282113']]],
  ])('%s %s', (county, town, code, issues) => {
    const res = matchDivisions([report({ county, town })], index, 'a.csv');
    expect(rows(res.issues)).toEqual(issues);
    expect(res.reports[0]!.town_code).toBe(code);
  });

  it('matches 20,000 reports built from real names, every tenth with a typo', () => {
    const picked = divisions.filter((_, i) => i % 2 === 0).slice(0, 20_000);
    const reports = picked.map((d, i) =>
      report({ county: d.county, town: i % 10 === 0 ? `${d.name.slice(0, -1)}某` : d.name, year: 2008 + (i % 18) }),
    );
    const res = matchDivisions(reports, index, 'big.csv');
    expect(res.reports).toHaveLength(20_000);
    const typos = res.reports.filter((_, i) => i % 10 === 0);
    expect(typos.every((r) => r.town_code === null && r.town.endsWith('某'))).toBe(true);
    // every other report is filled, except the two whose name is shared by two same-named counties
    expect(res.reports.filter((r, i) => r.town_code === picked[i]!.code)).toHaveLength(17_998);
    expect(res.issues.filter((x) => x.severity === 'info' && x.message.endsWith('未补全区划代码')).map((x) => x.message.slice(0, 6))).toEqual([
      '西安区有 2',
      '市中区有 2',
    ]);
    expect(res.issues.filter((x) => x.severity === 'warning')).toHaveLength(2_000);
  });
});

describe('rows in issues', () => {
  it('names the row each report was read from', () => {
    const { issues } = matchDivisions([report({ town: '康驿镇' }), report({ town: '次丘镇' })], DIVISIONS, 'f.csv', [2, 7]);
    expect(issues.map((i) => [i.severity, i.row])).toEqual([
      ['info', 2],
      ['warning', 7],
    ]);
  });
});
