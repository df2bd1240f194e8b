/**
 * The town's 区划代码 and county from the national list: the town name when it is unique in the
 * list, or the one whose county the text names. Never renamed: a name not in the list is a warning.
 */
import { nearestNames, type DivisionIndex, type IndexedDivision } from '../ingest/division-match.ts';
import { normalizeText } from '../ingest/values.ts';
import { divisionsByName, inList, squash } from './identity.ts';

/** 鄂温克族自治旗 → 鄂温克族, 甘州区 → 甘州: the county as the text may write it in passing. */
const bareCounty = (county: string): string => county.replace(/(各族自治县|自治县|自治旗|县|市|区|旗)$/, '');

/** Of the towns sharing a name, those whose county (or, failing that, city) the text names. */
function namedInText(all: readonly IndexedDivision[], text: string): IndexedDivision[] {
  const s = squash(text);
  const tests: ((d: IndexedDivision) => boolean)[] = [
    (d) => s.includes(d.division.county),
    (d) => bareCounty(d.division.county).length >= 2 && s.includes(bareCounty(d.division.county)),
    (d) => !/市辖区|^县$|省直辖/.test(d.division.city) && s.includes(d.division.city),
    (d) => new RegExp(`(?:索引号|索引)[^\\d]{0,8}${d.division.county_code}`).test(s),
  ];
  for (const t of tests) {
    const hit = all.filter(t);
    if (hit.length > 0) return hit;
  }
  return [];
}

export interface TownCode {
  county: string | null;
  town_code: string | null;
  warnings: string[];
}

/**
 * Resolve a town named in a report. `county` is what the text names (or null); `text` the whole
 * report, searched for the county names of towns that share the name.
 */
export function resolveTownCode(index: DivisionIndex, town: string, county: string | null, text: string): TownCode {
  const name = normalizeText(town);
  const all = inList(index, name);
  if (all.length === 0) {
    // 阿扎克乡 that the list (2023) has as 阿扎克镇: the same stem in the county the text names
    const stem = name.replace(/(街道|苏木|镇|乡|街)$/, '');
    const map = divisionsByName(index);
    const same = ['镇', '乡', '街道', '街', '苏木'].flatMap((suffix) => map.get(`${stem}${suffix}`) ?? []);
    const named = county ? same.filter((d) => d.county === normalizeText(county)) : namedInText(same, text);
    if (stem.length >= 2 && named.length === 1) {
      const d = named[0]!.division;
      return {
        county: d.county,
        town_code: d.code,
        warnings: [`镇街「${town}」不在区划代码表中，表中${d.county}有「${d.name}」（区划代码 ${d.code}），按它补全区划代码，请核对`],
      };
    }
    const list = county ? index.byCounty.get(normalizeText(county)) : undefined;
    const near = list ? nearestNames(name, list.map((d) => d.name)) : [];
    const hint = near.length > 0 ? `，是否为${near.map((n) => `「${n}」`).join('或')}？` : '';
    const where = list ? `${county}的` : '';
    return { county, town_code: null, warnings: [`镇街「${town}」不在${where}区划代码表中，未补全区划代码${hint}`] };
  }
  let chosen: IndexedDivision[] = all;
  if (all.length > 1) {
    const stated = county ? all.filter((d) => d.county === normalizeText(county)) : [];
    chosen = stated.length > 0 ? stated : namedInText(all, text);
  }
  if (chosen.length !== 1) {
    const counties = all.map((d) => `${d.division.city}${d.division.county}`).join('、');
    return {
      county,
      town_code: null,
      warnings: [`区划代码表中有 ${all.length} 个「${town}」（${counties}），正文未写明是哪一个，未补全区划代码`],
    };
  }
  const d = chosen[0]!.division;
  const warnings: string[] = [];
  if (chosen[0]!.name !== name) warnings.push(`区划代码表中写作「${d.name}」（与「${town}」是同一个单位），按它补全区划代码 ${d.code}`);
  if (county && normalizeText(county) !== chosen[0]!.county) {
    warnings.push(`正文所写的「${county}」与区划代码表不符：「${town}」属于${d.county}（区划代码 ${d.code}），按区划代码表取${d.county}`);
  }
  return { county: d.county, town_code: d.code, warnings };
}
