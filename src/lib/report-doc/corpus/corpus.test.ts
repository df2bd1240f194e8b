/**
 * Every fixture of the corpus parses to exactly its hand-written record: identity, layout, every
 * value it states (and nothing it does not), the approximate ones marked, the expected warnings.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexDivisions, type DivisionIndex } from '../../ingest/division-match.ts';
import { parseDivisions } from '../../model/divisions.ts';
import { listCorpus, readFixture, RENDERINGS, scoreFixture } from './corpus.ts';

let divisions: DivisionIndex;
beforeAll(() => {
  divisions = indexDivisions(parseDivisions(readFileSync(new URL('../../../../data/divisions/townships_cn.csv', import.meta.url), 'utf8')));
});

const fixtures = listCorpus();

describe('the report corpus', () => {
  it('has fixtures of every hazard class and rendering', () => {
    const classes = new Set(fixtures.flatMap((f) => f.expected.hazards.map((h) => h.split(':')[0]!.trim())));
    for (const c of ['identity', 'narrative', '表二', '表三', '表四']) expect(classes, c).toContain(c);
    for (const f of fixtures) expect(RENDERINGS, f.name).toContain(f.expected.rendering);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s parses to its record', async (_, f) => {
    const doc = await readFixture(f, divisions);
    expect(scoreFixture(doc, f.expected).differences).toEqual([]);
  }, 60_000);
});
