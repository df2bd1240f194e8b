import { describe, expect, it } from 'vitest';
import { Table } from 'apache-arrow';
import { boolVector, dictionaryVector, float64Vector, int16Vector, int32Vector, utf8Vector } from './arrow-columns.ts';
import { nodeSql } from './testing/node-sql.ts';

describe('arrow columns built without builders', () => {
  it.each([
    ['int16', int16Vector, [2019, null, 2025]],
    ['int32', int32Vector, [0, -3, null, 499, null, 1, 2, 3, 4]],
    ['float64', float64Vector, [12.5, null, 0]],
  ] as const)('%s keeps values and nulls', (_, make, values) => {
    const v = make([...values]);
    expect(v.toArray().length).toBe(values.length);
    expect([...v]).toEqual(values);
    expect(v.nullCount).toBe(values.filter((x) => x === null).length);
  });

  it('bool and utf8 keep values and nulls, including Chinese and empty strings', () => {
    expect([...boolVector([true, false, null, true])]).toEqual([true, false, null, true]);
    const s = ['康驿镇', null, '', "'); DROP TABLE reports; --"];
    expect([...utf8Vector(s)]).toEqual(s);
  });

  it('utf8 gives each string its own bytes: 4-byte characters, and lone surrogates that joining would pair', () => {
    expect([...utf8Vector(['𠀀镇', 'é', 'x'])]).toEqual(['𠀀镇', 'é', 'x']);
    // each half alone is written as U+FFFD, as TextEncoder does; joined they would make one character
    expect([...utf8Vector(['a\ud840', '\udc00b', null])]).toEqual(['a\ufffd', '\ufffdb', null]);
  });

  it('dictionary vectors keep values, repeats and nulls, and DuckDB reads them as text', async () => {
    const s = ['汶上县', '汶上县', null, '嘉祥县', '汶上县', '', "'); DROP TABLE reports; --", '嘉祥县'];
    const v = dictionaryVector(s);
    expect([...v]).toEqual(s);
    expect(v.nullCount).toBe(1);
    const sql = await nodeSql();
    await sql.insertArrow(new Table({ i: int32Vector(s.map((_, i) => i)), county: v }), 'dict_test');
    const rows = await sql.query<{ county: string | null; t: string }>('SELECT county, typeof(county) AS t FROM dict_test ORDER BY i');
    expect(rows.map((r) => r.county)).toEqual(s);
    expect(rows[0]!.t).toBe('VARCHAR');
  }, 30_000);
});
