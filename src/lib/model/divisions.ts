/**
 * Township-level divisions (2023 统计用区划代码): code, name and the county, city and province
 * they belong to. Used to order towns, match names to codes and aggregate by level.
 */
import Papa from 'papaparse';

export interface Division {
  /** 9-digit township code */
  code: string;
  name: string;
  /** 街道 / 镇 / 乡 / 类似乡级单位 */
  type: string;
  county_code: string;
  county: string;
  city_code: string;
  city: string;
  province_code: string;
  province: string;
}

const COLUMNS = ['code', 'name', 'type', 'county_code', 'county', 'city_code', 'city', 'province_code', 'province'] as const;

/** Parse the divisions CSV (header: code,name,type,county_code,county,city_code,city,province_code,province). */
export function parseDivisions(text: string): Division[] {
  const res = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true });
  const missing = COLUMNS.filter((c) => !res.meta.fields?.includes(c));
  if (missing.length > 0) throw new Error(`区划文件缺少列：${missing.join('、')}`);
  return res.data.map((row) => {
    const d = {} as Division;
    for (const c of COLUMNS) d[c] = (row[c] ?? '').trim();
    return d;
  });
}
