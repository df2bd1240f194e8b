/**
 * The column-wise prefilter never skips a report that checkReport has a finding for.
 */
import { benchLikeCsv } from '../../../scripts/sample/bench-like.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../model/rules.ts';
import { reportAt } from './columns.ts';
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
  // and in parts, as the import reads them
  const half = Math.floor(columns.length / 2);
  expect([...rowsToCheck(columns, 0, half), ...rowsToCheck(columns, half)]).toEqual([...flags]);
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
});
