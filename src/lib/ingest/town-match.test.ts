import { describe, expect, it } from 'vitest';
import type { Division } from '../model/divisions.ts';
import { indexDivisions } from './division-match.ts';
import { bareTownName, TownResolver, type KnownTown } from './town-match.ts';

const div = (code: string, name: string, county: string): Division => ({
  code,
  name,
  type: name.endsWith('街道') ? '街道' : '镇',
  county_code: code.slice(0, 6),
  county,
  city_code: code.slice(0, 4),
  city: '某市',
  province_code: code.slice(0, 2),
  province: '某省',
});

const INDEX = indexDivisions([
  div('370830102', '南旺镇', '汶上县'),
  div('370830106', '康驿镇', '汶上县'),
  div('370830001', '汶上街道', '汶上县'),
  div('370832101', '梁山镇', '梁山县'),
  div('410101101', '城关镇', '甲县'),
  div('420101101', '城关镇', '乙县'),
  div('370830777', '寅寺镇', '汶上县'),
]);

/** the towns shown: 汶上县's (one without a code), and two 城关镇 of the same name */
const KNOWN: KnownTown[] = [
  { county: '汶上县', town: '南旺镇', town_code: '370830102' },
  { county: '汶上县', town: '康驿镇', town_code: null },
  { county: '汶上县', town: '汶上街道', town_code: '370830001' },
  { county: '甲县', town: '城关镇', town_code: '410101101' },
  { county: '乙县', town: '城关镇', town_code: '420101101' },
];

const id = (county: string, town: string, town_code: string | null = null) => ({ county, town, town_code });

describe('bareTownName', () => {
  it.each([
    ['南旺镇人民政府', '南旺镇'],
    ['汶上街道办事处', '汶上街道'],
    ['南 旺 镇', '南旺镇'],
    ['南旺镇政府', '南旺镇'],
    ['（南旺）镇', '(南旺)镇'],
    ['康驿镇', '康驿镇'],
  ])('%s → %s', (name, bare) => expect(bareTownName(name)).toBe(bare));
});

describe('TownResolver: rows without a county', () => {
  it('take the county, name and code of the one loaded town of that name, said once per file', () => {
    const r = new TownResolver(KNOWN, INDEX, '镇街.csv');
    expect(r.resolve(id('', '南旺镇'), 2)).toEqual(id('汶上县', '南旺镇', '370830102'));
    expect(r.resolve(id('', '南旺镇人民政府'), 3)).toEqual(id('汶上县', '南旺镇', '370830102'));
    expect(r.resolve(id('', '康驿镇'), 4)).toEqual(id('汶上县', '康驿镇', null));
    expect(r.resolve(id('', ' 汶上街道办事处 '), 5)).toEqual(id('汶上县', '汶上街道', '370830001'));
    expect(r.issues().map((i) => [i.severity, i.message])).toEqual([
      ['info', '3 个镇街没有填写县（市、区），已按已载入的数据对应到汶上县南旺镇、汶上县康驿镇、汶上县汶上街道'],
      ['info', '镇街名称去掉了「人民政府」「办事处」等字样或空格：「南旺镇人民政府」读作「南旺镇」、「 汶上街道办事处 」读作「汶上街道」'],
    ]);
  });

  it('a code in the row gives the county', () => {
    const r = new TownResolver(KNOWN, INDEX, 'a.csv');
    expect(r.resolve(id('', '南旺镇', '370830102'), 2)).toEqual(id('汶上县', '南旺镇', '370830102'));
    expect(r.resolve(id('', '梁山镇', '370832101'), 3)).toEqual(id('梁山县', '梁山镇', '370832101'));
  });

  it('a name that fits several loaded towns is a warning naming them, and stays as written', () => {
    const r = new TownResolver(KNOWN, INDEX, 'a.csv');
    expect(r.resolve(id('', '城关镇'), 7)).toBeNull();
    expect(r.issues()).toEqual([
      expect.objectContaining({
        severity: 'warning',
        row: 7,
        column: '镇街',
        value: '城关镇',
        message: '「城关镇」没有填写县（市、区），已载入的数据中有 2 个同名镇街（甲县城关镇、乙县城关镇），无法确定是哪一个：请在文件中加一列「县（市、区）」',
      }),
    ]);
  });

  it('a town not loaded is looked up in the division list: one match is taken, several or none are warnings', () => {
    const r = new TownResolver([], INDEX, 'a.csv');
    expect(r.resolve(id('', '寅寺镇'), 2)).toEqual(id('汶上县', '寅寺镇', '370830777'));
    expect(r.resolve(id('', '城关镇'), 3)).toBeNull();
    expect(r.resolve(id('', '火星镇'), 4)).toBeNull();
    expect(r.issues().map((i) => [i.severity, i.row, i.message])).toEqual([
      ['info', null, '1 个镇街没有填写县（市、区），已按区划代码表对应到汶上县寅寺镇'],
      ['warning', 3, '「城关镇」没有填写县（市、区），区划代码表中有 2 个同名镇街（甲县城关镇、乙县城关镇），无法确定是哪一个：将作为县（市、区）为空的新镇街载入；请在文件中加一列「县（市、区）」'],
      ['warning', 4, '「火星镇」没有填写县（市、区），也不在已载入的数据和区划代码表中：将作为县（市、区）为空的新镇街载入'],
    ]);
  });

  it('without a division list, the loaded towns still match', () => {
    const r = new TownResolver(KNOWN, null, 'a.csv');
    expect(r.resolve(id('', '康驿镇'), 2)).toEqual(id('汶上县', '康驿镇', null));
    expect(r.resolve(id('', '火星镇'), 3)).toBeNull();
  });

  it('each distinct name is looked at once (a town in many years is one notice)', () => {
    const r = new TownResolver(KNOWN, INDEX, 'a.csv');
    for (let row = 2; row < 9; row++) r.resolve(id('', '火星镇'), row);
    expect(r.issues()).toHaveLength(1);
  });
});

describe('TownResolver: rows with a county', () => {
  it('the office words are dropped where the bare name is a loaded town or a division of that county', () => {
    const r = new TownResolver(KNOWN, INDEX, 'a.csv');
    expect(r.resolve(id('汶上县', '南旺镇人民政府'), 2)).toEqual(id('汶上县', '南旺镇', '370830102'));
    expect(r.resolve(id('汶上县', '寅寺镇人民政府'), 3)).toEqual(id('汶上县', '寅寺镇', null));
    expect(r.resolve(id('梁山县', '南旺镇人民政府'), 4)).toBeNull();
  });

  it('a plain name is left to the division check', () => {
    const r = new TownResolver(KNOWN, INDEX, 'a.csv');
    expect(r.resolve(id('汶上县', '南旺镇'), 2)).toBeNull();
    expect(r.resolve(id('汶上县', '火星镇'), 3)).toBeNull();
    expect(r.issues()).toEqual([]);
  });
});
