/**
 * readImportFileColumns (the import worker's reader) gives the outcome of readImportFile: the same
 * reports (with codes filled in from the division list) and the same issues in the same order.
 */
import { benchLikeCsv } from '../../../scripts/sample/bench-like.ts';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { reportAt } from '../ingest/columns.ts';
import { CORPUS_FILES } from '../ingest/corpus/files.ts';
import { reportKey } from '../model/report.ts';
import { readImportFile, readImportFileColumns } from './read-file.ts';

const divisions = readFileSync(new URL('../../../data/divisions/townships_cn.csv', import.meta.url), 'utf8');
beforeAll(() => {
  vi.stubGlobal('fetch', async () => new Response(divisions));
});

const opts = { divisionsUrl: 'divisions.csv', maxYear: 2026 };

async function same(name: string, bytes: Uint8Array) {
  const old = await readImportFile(name, bytes, opts, () => undefined);
  const now = await readImportFileColumns(name, bytes, opts, () => undefined);
  expect(now.issues).toEqual(old.issues);
  expect(now.keys).toEqual(old.reports.map(reportKey));
  old.reports.forEach((r, i) => expect(reportAt(now.columns, i)).toEqual({ ...r, metrics: Object.fromEntries(Object.entries(r.metrics).filter(([, v]) => v !== null)) }));
  return now;
}

describe('readImportFileColumns = readImportFile', () => {
  it.each(Object.entries(CORPUS_FILES))('corpus %s', async (name, bytes) => {
    await same(name, bytes);
  });
  it('the embedded data', async () => {
    for (const f of ['wenshang_sample_2019-2025.csv', 'kangyi_2021.json']) {
      await same(f, new Uint8Array(readFileSync(new URL(`../../../data/reports/${f}`, import.meta.url))));
    }
  });
  it('the first 6,000 rows of a file like the benchmark file (several parts)', async () => {
    const text = benchLikeCsv(5999);
    expect((await same('bench.csv', new TextEncoder().encode(text))).columns.length).toBeGreaterThan(5000);
  }, 60_000);
});

describe('an annual report without a single number', () => {
  it('is not loaded, and the error says why', async () => {
    const text = '汶上县康驿镇人民政府2025年政府信息公开工作年度报告\n\n一、总体情况\n\n本年度我镇认真贯彻落实政务公开工作要求。\n';
    const p = await readImportFile('康驿镇2025.txt', new TextEncoder().encode(text), opts, () => undefined);
    expect(p.format).toBe('document');
    expect(p.reports).toEqual([]);
    expect(p.rejected).toBe(1);
    expect(p.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual(['没有读出任何数值（表二、表三、表四和正文中都没有找到数字），未作为报告载入']);
  });
});
