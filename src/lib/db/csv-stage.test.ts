/**
 * readAsStaged says which rows DuckDB's reading of an imported file (stageSql) gives the identity
 * the worker made of them: those rows get no identity written at the load, so it must never say
 * yes for a row the worker read otherwise.
 */
import { describe, expect, it } from 'vitest';
import type { Identity } from '../ingest/record.ts';
import type { IdentityField } from '../model/report.ts';
import { readAsStaged } from '../ingest/staged-identity.ts';

/** readAsStaged of identity cells given as their texts (undefined: no such column). */
const asStaged = (texts: Partial<Record<IdentityField, string | undefined>>, identity: Identity) =>
  readAsStaged(Object.fromEntries(Object.entries(texts).flatMap(([field, raw]) => (raw === undefined ? [] : [[field, { column: field, raw }]]))), identity);

const id: Identity = { county: '汶上县', town: '康驿镇', town_code: '370830106', year: 2021, layout: '2021', source: '年报.csv', synthetic: false };
const raw = { county: '汶上县', town: '康驿镇', town_code: '370830106', year: '2021', layout: '2021', source: '年报.csv', synthetic: '否' };

describe('readAsStaged', () => {
  it('takes plain cells as they are', () => {
    expect(asStaged(raw, id)).toBe(true);
    expect(asStaged({ ...raw, synthetic: '' }, id)).toBe(true);
    expect(asStaged({ ...raw, synthetic: 'true' }, { ...id, synthetic: true })).toBe(true);
    expect(asStaged({ ...raw, layout: '' }, { ...id, layout: null })).toBe(true);
    expect(asStaged({ ...raw, town_code: '' }, { ...id, town_code: null })).toBe(true);
    // an empty source is the file's name, written at the load
    expect(asStaged({ ...raw, source: '' }, id)).toBe(true);
    // columns the file does not have
    expect(asStaged({ town: '康驿镇', year: '2021' }, { ...id, county: '', town_code: null, layout: null })).toBe(true);
  });

  it('leaves to the load every cell the worker read otherwise', () => {
    expect(asStaged({ ...raw, town: ' 康驿镇' }, id)).toBe(false);
    expect(asStaged({ ...raw, county: '汶上县\u3000' }, id)).toBe(false);
    expect(asStaged({ ...raw, town_code: '370830106000' }, id)).toBe(false);
    // a code found in the division list for a row without one
    expect(asStaged({ ...raw, town_code: '' }, id)).toBe(false);
    expect(asStaged({ ...raw, year: '2021年' }, id)).toBe(false);
    expect(asStaged({ ...raw, year: '２０２１' }, id)).toBe(false);
    expect(asStaged({ ...raw, year: '2021 ' }, id)).toBe(false);
    expect(asStaged({ ...raw, year: '+021' }, { ...id, year: 21 })).toBe(false);
    expect(asStaged({ ...raw, layout: '2021版' }, id)).toBe(false);
    expect(asStaged({ ...raw, synthetic: 'No' }, id)).toBe(false);
    expect(asStaged({ ...raw, synthetic: 'y' }, { ...id, synthetic: true })).toBe(false);
    expect(asStaged({ ...raw, source: ' ' }, id)).toBe(false);
    expect(asStaged({ ...raw, year: undefined }, id)).toBe(false);
    // a 未报告 mark, which DuckDB reads as '' in a text column
    expect(asStaged({ ...raw, county: '-' }, { ...id, county: '-' })).toBe(false);
    expect(asStaged({ ...raw, source: '—' }, { ...id, source: '—' })).toBe(false);
  });
});
