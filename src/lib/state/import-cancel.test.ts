/**
 * 取消 during a long read: the reading worker is ended, the panel says 已取消, nothing read is kept
 * or loaded (also when the reading's results come in late), and the next read works.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_SET, setFromReports } from '../ingest/columns.ts';
import { NO_IMPORTED } from '../import/compose-columns.ts';
import type { ParsedImport } from '../import/parse-client.ts';
import type { DatasetState } from './dataset.svelte.ts';

/** Each parseFiles call waits until the test settles it. */
const reads: { resolve: (p: ParsedImport) => void; reject: (e: Error) => void }[] = [];
const cancelReading = vi.fn();
/** whether the mocked cancel rejects the reading (as the real one does) or leaves it to come in late */
let cancelRejects = true;

vi.mock('../import/parse-client.ts', () => {
  class ReadCancelled extends Error {}
  return {
    ReadCancelled,
    cancelReading: () => {
      cancelReading();
      if (cancelRejects) reads.at(-1)?.reject(new ReadCancelled('已取消读取'));
    },
    parseFiles: (_files: File[], onProgress: (p: unknown) => void) =>
      new Promise<ParsedImport>((resolve, reject) => {
        onProgress({ index: 0, file: '炸弹.docx', stage: '读取 Word 文档', done: 0 });
        reads.push({ resolve, reject });
      }),
  };
});
/** what the mocked DuckDB staging gives for a read: by default nothing (a small file) */
let stagedFiles: { db: string }[] = [];
const dropStage = vi.fn(async (_store: unknown, _files: unknown[]) => undefined);
vi.mock('../db/stage.ts', () => ({
  stageFiles: async () => stagedFiles,
  verifyStage: async (_store: unknown, staged: unknown[]) => (staged.length > 0 ? { files: staged } : null),
  dropStage,
  stageFor: () => null,
}));

const { ImportState } = await import('./import.svelte.ts');

const parsed = (town: string): ParsedImport => ({
  files: [{ file: `${town}.csv`, format: 'wide-csv', encoding: 'UTF-8', issues: [], rejected: 0, blank: 0, count: 1 } as never],
  incoming: setFromReports([{ county: '汶上县', town, town_code: null, year: 2025, layout: '2021', source: `${town}.csv`, synthetic: false, metrics: { pub_website: 5 } }]),
  issues: [],
  origin: { file: new Int32Array(1), row: new Int32Array(1) } as never,
  sums: null,
  asRead: null,
});

function setup() {
  const dataset = { embedded: EMPTY_SET, imported: NO_IMPORTED, db: {}, towns: [], setImported: vi.fn(async () => undefined) };
  return { imp: new ImportState(() => dataset as unknown as DatasetState), dataset };
}

beforeEach(() => {
  reads.length = 0;
  cancelReading.mockClear();
  cancelRejects = true;
  stagedFiles = [];
  dropStage.mockClear();
});

describe('ImportState: 取消 while reading', () => {
  it('ends the reading worker, says 已取消, and keeps nothing', async () => {
    const { imp, dataset } = setup();
    const reading = imp.read([new File(['x'], '炸弹.docx')]);
    expect(imp.phase).toBe('reading');
    expect(imp.progress?.file).toBe('炸弹.docx');
    imp.cancelRead();
    expect(cancelReading).toHaveBeenCalledTimes(1);
    expect(imp.phase).toBe('idle');
    expect(imp.message).toBe('已取消读取，没有载入任何数据，数据没有变化。');
    expect(imp.outcome).toBe('unchanged');
    await reading;
    // the rejected reading is not reported as a failure
    expect(imp.phase).toBe('idle');
    expect(imp.message).toMatch(/^已取消/);
    expect(imp.incoming.keys).toHaveLength(0);
    expect(dataset.setImported).not.toHaveBeenCalled();
  });

  it('results that come in after the cancel are dropped', async () => {
    const { imp } = setup();
    const reading = imp.read([new File(['x'], '慢.csv')]);
    cancelRejects = false;
    imp.cancelRead();
    reads[0]!.resolve(parsed('康驿镇'));
    await reading;
    expect(imp.phase).toBe('idle');
    expect(imp.incoming.keys).toHaveLength(0);
    expect(imp.progress).toBeNull();
    expect(imp.message).toMatch(/^已取消/);
  });

  it('the next read works as usual', async () => {
    const { imp } = setup();
    const first = imp.read([new File(['x'], '炸弹.docx')]);
    imp.cancelRead();
    await first;
    const second = imp.read([new File(['x'], '康驿镇.csv')]);
    expect(imp.phase).toBe('reading');
    expect(imp.message).toBeNull();
    reads[1]!.resolve(parsed('康驿镇'));
    await second;
    expect(imp.phase).toBe('review');
    expect(imp.incoming.keys).toHaveLength(1);
    expect(imp.toLoad).toBe(1);
  });

  it('what DuckDB staged for a cancelled read is dropped, also when the results come in late', async () => {
    for (const late of [false, true]) {
      dropStage.mockClear();
      stagedFiles = [{ db: 'import_stage_1' }];
      const { imp } = setup();
      const reading = imp.read([new File(['x'], '大.csv')]);
      cancelRejects = !late;
      imp.cancelRead();
      if (late) reads.at(-1)!.resolve(parsed('康驿镇'));
      await reading;
      await new Promise((r) => setTimeout(r, 0));
      expect(dropStage, late ? 'late results' : 'rejected read').toHaveBeenCalledWith(expect.anything(), stagedFiles);
      expect(imp.incoming.keys).toHaveLength(0);
    }
  });

  it('closing the review lets go of what DuckDB staged', async () => {
    stagedFiles = [{ db: 'import_stage_2' }];
    const { imp } = setup();
    const reading = imp.read([new File(['x'], '大.csv')]);
    reads[0]!.resolve(parsed('康驿镇'));
    await reading;
    expect(imp.phase).toBe('review');
    expect(dropStage).not.toHaveBeenCalled();
    imp.reset();
    expect(dropStage).toHaveBeenCalledWith(expect.anything(), stagedFiles);
  });

  it('取消 does nothing once the reading is over', async () => {
    const { imp } = setup();
    const reading = imp.read([new File(['x'], '康驿镇.csv')]);
    reads[0]!.resolve(parsed('康驿镇'));
    await reading;
    imp.cancelRead();
    expect(cancelReading).not.toHaveBeenCalled();
    expect(imp.phase).toBe('review');
  });
});
