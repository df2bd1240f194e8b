/**
 * Selecting rows of report columns copies runs of consecutive rows as blocks (values and
 * validity bits); the result must be that of taking the rows one by one, at every bit offset.
 * A set packed for a post between threads comes back the same.
 */
import { describe, expect, it } from 'vitest';
import { benchLikeCsv } from '../../../scripts/sample/bench-like.ts';
import { METRICS } from '../model/catalogue.ts';
import { copyBits, EMPTY_SET, isValid, packSet, reportAt, selectRows, setFromReports, unpackSet } from './columns.ts';
import type { Report } from '../model/report.ts';
import { parseFileColumns } from './parse-columns.ts';

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('copyBits', () => {
  it('copies bits at every pair of offsets and lengths as one bit at a time would', () => {
    const rnd = random(7);
    const src = Uint8Array.from({ length: 12 }, () => Math.floor(rnd() * 256));
    for (let from = 0; from < 20; from++)
      for (let to = 0; to < 20; to++)
        for (const len of [0, 1, 5, 8, 9, 16, 23, 40]) {
          if (from + len > 96) continue;
          const dst = new Uint8Array(12);
          copyBits(src, from, dst, to, len);
          const want = new Uint8Array(12);
          for (let j = 0; j < len; j++) if (isValid(src, from + j)) want[(to + j) >> 3]! |= 1 << ((to + j) & 7);
          expect(Array.from(dst), `from ${from} to ${to} len ${len}`).toEqual(Array.from(want));
        }
  });
});

describe('selectRows', () => {
  const set = parseFileColumns('x.csv', new TextEncoder().encode(benchLikeCsv(300)), { maxYear: 2026 }).columns;
  const oneByOne = (rows: number[]) => rows.map((i) => reportAt(set, i));

  it('gives the rows asked for, in runs and alone, with empty cells kept empty', () => {
    const rnd = random(11);
    // runs of every length at odd offsets, single rows, and a row taken twice
    const rows: number[] = [];
    for (let i = 3; i < 300; ) {
      const len = 1 + Math.floor(rnd() * 40);
      for (let k = 0; k < len && i + k < 300; k++) rows.push(i + k);
      i += len + 1 + Math.floor(rnd() * 5);
    }
    rows.push(17, 17, 299, 0);
    const out = selectRows(set, rows);
    expect(out.length).toBe(rows.length);
    const want = oneByOne(rows);
    for (let k = 0; k < rows.length; k++) expect(reportAt(out, k)).toEqual(want[k]);
    // the set has empty cells, so validity bits are tested, not only values
    const empties = METRICS.some((_, m) => rows.some((i) => !isValid(set.metrics[m]!.valid, i)));
    expect(empties).toBe(true);
  });

  it('selects every row but a few from a large set', () => {
    const rows = Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 97 !== 5);
    const out = selectRows(set, rows);
    for (let k = 0; k < rows.length; k++) expect(reportAt(out, k)).toEqual(reportAt(set, rows[k]!));
  });
});

describe('packSet / unpackSet (a set posted between threads)', () => {
  it('gives back the same set after a post, text as distinct values, typed arrays transferred', () => {
    const base: Report = { county: '汶上县', town: '康驿镇', town_code: '370830106', year: 2021, layout: '2021', source: 's.csv', synthetic: false, metrics: {} };
    const reports: Report[] = [
      base,
      { ...base, year: 2022 },
      { ...base, town: '南站街道', town_code: null, layout: null },
      { ...base, county: '梁山县', town: '康驿镇', town_code: '370832100', layout: '2019', synthetic: true },
      { ...base, year: 2023 },
    ];
    const set = setFromReports(reports);
    const { packed, transfer } = packSet(set);
    expect(packed.columns.text.town.values).toEqual(['康驿镇', '南站街道']);
    expect(packed.columns.text.town_code.values).toEqual(['370830106', null, '370832100']);
    expect(Array.from(packed.columns.text.town.codes)).toEqual([0, 0, 1, 0, 0]);
    const got = unpackSet(structuredClone(packed, { transfer }));
    expect(got.keys).toEqual(set.keys);
    expect(reports.map((_, i) => reportAt(got.columns, i))).toEqual(reports.map((r) => ({ ...r, metrics: {} })));
    // the sender's typed arrays went with the post
    expect(set.columns.year.length).toBe(0);
  });

  it('packs an empty set', () => {
    const { packed } = packSet(EMPTY_SET);
    expect(unpackSet(structuredClone(packed)).columns.length).toBe(0);
  });
});
