import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexDivisions } from '../ingest/division-match.ts';
import { parseDivisions } from '../model/divisions.ts';
import { withGivenIdentity } from './given-identity.ts';
import type { ParsedReportDoc } from '../model/report-doc.ts';

const divisions = indexDivisions(parseDivisions(readFileSync(new URL('../../../data/divisions/townships_jining_3708.csv', import.meta.url), 'utf8')));
const doc: ParsedReportDoc = {
  report: { county: '', town: '', town_code: null, year: 0, layout: '2021', source: 'r.docx', synthetic: false, metrics: { pub_website: 3 } },
  provenance: {},
  warnings: ['未找到镇街名称'],
  text: '',
};

describe('withGivenIdentity', () => {
  it('takes the typed town and year, and the code and county from the division list', () => {
    const d = withGivenIdentity(doc, { town: ' 康驿镇 ', county: '', year: 2023 }, divisions);
    expect(d.report).toMatchObject({ town: '康驿镇', county: '汶上县', town_code: '370830106', year: 2023, metrics: { pub_website: 3 } });
    expect(d.warnings[0]).toContain('由导入时填写');
    expect(d.warnings).toContain('未找到镇街名称');
    expect(doc.report.town).toBe('');
  });

  it('keeps a name the list does not know, without a code, and says so', () => {
    const d = withGivenIdentity(doc, { town: '新设镇', county: '汶上县', year: 2023 }, divisions);
    expect(d.report).toMatchObject({ town: '新设镇', county: '汶上县', town_code: null });
    expect(d.warnings.some((w) => w.includes('不在'))).toBe(true);
  });
});
