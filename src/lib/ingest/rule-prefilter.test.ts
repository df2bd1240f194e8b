/**
 * The column-wise prefilter never skips a report that checkReport has a finding for.
 */
import { benchLikeCsv } from '../../../scripts/sample/bench-like.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../model/rules.ts';
import { columnsFromReports, reportAt } from './columns.ts';
import { METRICS } from '../model/catalogue.ts';
import type { Report } from '../model/report.ts';
import { CORPUS_FILES } from './corpus/files.ts';
import { parseFileColumns } from './parse-columns.ts';
import { rowsToCheck } from './rule-prefilter.ts';

function covers(name: string, bytes: Uint8Array) {
  const { columns } = parseFileColumns(name, bytes, { maxYear: 2026 });
  const flags = rowsToCheck(columns);
  let findings = 0;
  for (let i = 0; i < columns.length; i++) {
    const n = checkReport(reportAt(columns, i)).length;
    findings += n;
    if (n > 0) expect(flags[i], `${name} row ${i}`).toBe(1);
  }
  // and in parts, as the import reads them (parts starting on a whole byte of the bitmaps, or not)
  for (const at of [Math.floor(columns.length / 2), Math.floor(columns.length / 16) * 8, Math.floor(columns.length / 16) * 8 + 3]) {
    const half = Math.min(at, columns.length);
    expect([...rowsToCheck(columns, 0, half), ...rowsToCheck(columns, half)]).toEqual([...flags]);
  }
  return { findings, flagged: flags.reduce((a, b) => a + b, 0), rows: columns.length };
}

describe('rowsToCheck', () => {
  it('covers the corpus', () => {
    for (const [name, bytes] of Object.entries(CORPUS_FILES)) covers(name, bytes);
  });
  it('covers the embedded data (with its deliberate inconsistencies)', () => {
    for (const f of ['wenshang_sample_2019-2025.csv', 'kangyi_2021.json']) {
      covers(f, new Uint8Array(readFileSync(new URL(`../../../data/reports/${f}`, import.meta.url))));
    }
  });
  it('covers the first 5,000 rows of a file like the benchmark file, and flags few', () => {
    const text = benchLikeCsv(4999);
    const r = covers('bench.csv', new TextEncoder().encode(text));
    expect(r.flagged).toBeLessThan(r.rows / 2);
  }, 60_000);

  it('flags what R7 finds in each kind of value, and nothing for a negative change', () => {
    const base: Report = { county: '汶上县', town: '康驿镇', town_code: '370830106', year: 2021, layout: '2021', source: 't', synthetic: false, metrics: {} };
    const id = (kind: string, rules = false) => METRICS.find((m) => m.kind === kind && m.id.startsWith('t2_rules_') === rules)!.id;
    const cases: [Report['metrics'], number][] = [
      [{ [id('change')]: -3 }, 0],
      [{ [id('count')]: -1 }, 1],
      [{ [id('count', true)]: 2 }, 1],
      [{ [id('amount')]: -0.5 }, 1],
      [{ [id('amount')]: 0.5 }, 0],
    ];
    const c = columnsFromReports(cases.map(([metrics]) => ({ ...base, metrics })));
    expect([...rowsToCheck(c)]).toEqual(cases.map(([, f]) => f));
    cases.forEach(([metrics, f]) => expect(checkReport({ ...base, metrics }).some((x) => x.rule === 'R7')).toBe(f === 1));
  });
});
