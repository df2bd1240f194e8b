/**
 * The town and year a person typed for a report whose own text did not name them (or named them
 * wrongly): the report takes them, its 区划代码 and county are looked up in the division list as
 * for a name read from the text, and its warnings say that the identity was typed.
 */
import type { DivisionIndex } from '../ingest/division-match.ts';
import { normalizeText } from '../ingest/values.ts';
import { resolveTownCode } from './town-code.ts';
import type { ParsedReportDoc } from '../model/report-doc.ts';

export interface GivenIdentity {
  town: string;
  /** may be '' (then taken from the division list when the town's name is unique there) */
  county: string;
  year: number;
}

export function withGivenIdentity(doc: ParsedReportDoc, given: GivenIdentity, divisions?: DivisionIndex): ParsedReportDoc {
  const town = normalizeText(given.town);
  let county: string | null = normalizeText(given.county) || null;
  let town_code: string | null = null;
  const warnings = [`镇街和年度由导入时填写：${county ?? ''}${town}，${given.year} 年（报告原文读到的是「${doc.report.county}${doc.report.town || '未找到镇街'}」「${doc.report.year || '未找到年度'}」）`];
  if (divisions && town !== '') {
    const r = resolveTownCode(divisions, town, county, county ?? '');
    ({ county, town_code } = r);
    warnings.push(...r.warnings);
  }
  return { ...doc, report: { ...doc.report, town, county: county ?? '', town_code, year: given.year }, warnings: [...warnings, ...doc.warnings] };
}
