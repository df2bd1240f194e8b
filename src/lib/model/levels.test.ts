import { describe, expect, it } from 'vitest';
import { areaName, areaPath, childLevel, defaultLevel, inArea, levelOfArea, levelsOffered, unitOf } from './levels.ts';

const town = (code: string | null, county = '汶上县', key = code ? `code:${code}` : `name:${county}/x`) => ({ town_key: key, town_code: code, county });

describe('units and areas', () => {
  it('places a coded town at every level by its code', () => {
    const t = town('370830106');
    expect(unitOf(t, 'town')).toBe('code:370830106');
    expect(unitOf(t, 'county')).toBe('370830');
    expect(unitOf(t, 'city')).toBe('3708');
    expect(unitOf(t, 'province')).toBe('37');
    expect(areaPath(t, 'county')).toEqual(['37', '3708', '370830']);
  });

  it('groups towns without a code by county name, and as 未知 above', () => {
    const t = town(null, '某县');
    expect(unitOf(t, 'county')).toBe('n:某县');
    expect(unitOf(t, 'city')).toBe('?c');
    expect(unitOf(t, 'province')).toBe('?p');
    expect(areaName('n:某县')).toBe('某县');
    expect(areaName('?c')).toBe('未知地市');
    expect(areaName('?p')).toBe('未知省份');
  });

  it('names the 县区 of towns with neither a code nor a county name 未知县区, never by its key', () => {
    const t = town(null, '');
    expect(unitOf(t, 'county')).toBe('n:');
    expect(levelOfArea('n:')).toBe('county');
    expect(areaName('n:')).toBe('未知县区');
    expect(areaName('n:', () => '')).toBe('未知县区');
    expect(areaPath(t, 'county')).toEqual(['?p', '?c', 'n:']);
    expect(inArea(t, 'n:')).toBe(true);
    expect(inArea(town(null, '某县'), 'n:')).toBe(false);
  });

  it('knows the level of an area key, and rejects anything else', () => {
    expect(levelOfArea('37')).toBe('province');
    expect(levelOfArea('3708')).toBe('city');
    expect(levelOfArea('370830')).toBe('county');
    expect(levelOfArea('n:汶上县')).toBe('county');
    for (const bad of ['', '3', '370', '37083', '3708301', 'x', "37' OR 1=1"]) expect(levelOfArea(bad)).toBeNull();
  });

  it('names provinces and 地市 from the division list, counties from the reports', () => {
    expect(areaName('37')).toBe('山东省');
    expect(areaName('3708')).toBe('济宁市');
    expect(areaName('1101')).toBe('北京市市辖区');
    expect(areaName('370830', () => '汶上县')).toBe('汶上县');
    expect(areaName('370830')).toBe('县区 370830');
    expect(areaName('9999')).toBe('地市 9999');
  });

  it('inArea follows the key of the area’s level', () => {
    expect(inArea(town('370830106'), '37')).toBe(true);
    expect(inArea(town('370830106'), '3708')).toBe(true);
    expect(inArea(town('370830106'), '370811')).toBe(false);
    expect(inArea(town(null, '某县'), 'n:某县')).toBe(true);
    expect(inArea(town(null, '某县'), '37')).toBe(false);
    expect(inArea(town('370830106'), null)).toBe(true);
    expect(inArea(town('370830106'), 'bogus')).toBe(false);
  });

  it('levels go down from 省 to 镇街', () => {
    expect(childLevel('province')).toBe('city');
    expect(childLevel('city')).toBe('county');
    expect(childLevel('county')).toBe('town');
    expect(childLevel('town')).toBeNull();
  });
});

describe('default level and levels offered', () => {
  const county = Array.from({ length: 15 }, (_, i) => town(`370830${String(i + 1).padStart(3, '0')}`));
  const manyCounties = Array.from({ length: 300 }, (_, i) => town(`37${String(10 + (i % 90)).padStart(2, '0')}${String(10 + Math.floor(i / 90)).padStart(2, '0')}001`));

  it('one county: only 镇街', () => {
    expect(levelsOffered(county)).toEqual(['town']);
    expect(defaultLevel(county)).toBe('town');
  });

  it('many counties: every level, and the finest with at most 200 units by default', () => {
    expect(levelsOffered(manyCounties)).toEqual(['town', 'county', 'city', 'province']);
    expect(defaultLevel(manyCounties)).toBe('city');
    expect(defaultLevel(manyCounties, 1000)).toBe('town');
    expect(defaultLevel(manyCounties, 1)).toBe('province');
  });
});
