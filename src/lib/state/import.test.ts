/**
 * The import panel's state after the files are read: the load button's count follows the choices,
 * the load loads exactly that, and loading nothing leaves the data (and the saved imports) alone.
 */
import { describe, expect, it, vi } from 'vitest';
import { reportAt, setFromReports, type ReportSet } from '../ingest/columns.ts';
import type { Report } from '../model/report.ts';
import { NO_IMPORTED, type ImportedSet } from '../import/compose-columns.ts';
import type { DatasetState } from './dataset.svelte.ts';
import { ImportState } from './import.svelte.ts';
import { LoadedIncomplete } from '../db/reports-table.ts';

const report = (town: string, metrics: Report['metrics'], over: Partial<Report> = {}): Report => ({
  county: '汶上县',
  town,
  town_code: null,
  year: 2025,
  layout: '2021',
  source: '示例数据',
  synthetic: true,
  metrics,
  ...over,
});

// 15 towns shown; the template filled in for 3 of them (its 12 blank rows are not read as reports)
const EMBEDDED = Array.from({ length: 15 }, (_, i) => report(`镇${i}`, { pub_website: i, pub_board: 100 + i }));
const FILLED = [
  report('镇0', { pub_website: 50 }, { source: '模板.csv', synthetic: false }),
  report('镇1', { pub_board: 7 }, { source: '模板.csv', synthetic: false }),
  report('镇2', { pub_website: 60, pub_board: 8 }, { source: '模板.csv', synthetic: false }),
];

function setup(incoming: ReportSet, imported: ImportedSet = NO_IMPORTED) {
  const dataset = {
    embedded: setFromReports(EMBEDDED),
    imported,
    sql: {},
    setImported: vi.fn(async (next: ImportedSet) => {
      dataset.imported = next;
    }),
  };
  const imp = new ImportState(() => dataset as unknown as DatasetState);
  imp.incoming = incoming;
  imp.phase = 'review';
  imp.setOnlyImported(false);
  return { imp, dataset };
}

const shownOf = (s: ReportSet) => Array.from({ length: s.columns.length }, (_, i) => reportAt(s.columns, i));

describe('ImportState: the load button and the result', () => {
  it('counts what will be loaded as the choices stand', () => {
    const { imp } = setup(setFromReports(FILLED));
    expect(imp.conflicts.map((c) => c.incoming.town)).toEqual(['镇0', '镇1', '镇2']);
    // the default: 更新已填写的单元格
    expect(imp.toLoad).toBe(3);
    imp.decideAll('keep');
    expect(imp.toLoad).toBe(0);
    imp.decide(imp.conflicts[1]!.key, 'replace');
    expect(imp.toLoad).toBe(1);
    expect(imp.counts).toMatchObject({ replaced: 1, kept: 2 });
  });

  it('loads the count the button says, merged as chosen, and says so', async () => {
    const { imp, dataset } = setup(setFromReports(FILLED));
    imp.decideAll('merge');
    await imp.apply();
    expect(dataset.setImported).toHaveBeenCalledTimes(1);
    const loaded = shownOf(dataset.imported.reports);
    expect(loaded).toHaveLength(3);
    expect(loaded.map((r) => [r.town, r.metrics, r.synthetic])).toEqual([
      ['镇0', { pub_website: 50, pub_board: 100 }, true],
      ['镇1', { pub_website: 1, pub_board: 7 }, true],
      ['镇2', { pub_website: 60, pub_board: 8 }, true],
    ]);
    expect(imp.message).toBe('已载入 3 份报告（更新已填写的单元格 3 份）。');
    expect(imp.outcome).toBe('loaded');
  });

  it('a load that fails says nothing changed; one that went through but failed at the end says it loaded', async () => {
    const failed = setup(setFromReports(FILLED));
    failed.dataset.setImported.mockRejectedValueOnce(new Error('内存不足'));
    await failed.imp.apply();
    expect(failed.imp.message).toBe('载入失败：内存不足。已载入的数据没有变化。');
    expect(failed.imp.outcome).toBe('unchanged');
    const late = setup(setFromReports(FILLED));
    late.dataset.setImported.mockRejectedValueOnce(new LoadedIncomplete('镇街列表未能更新（内存不足）'));
    await late.imp.apply();
    expect(late.imp.message).toBe('已载入，但镇街列表未能更新（内存不足）；请刷新页面后查看。');
    expect(late.imp.outcome).toBe('loaded');
  });

  it('loading nothing leaves the data alone and says it did not change', async () => {
    const earlier: ImportedSet = { reports: setFromReports([report('镇9', { pub_website: 1 }, { source: '早先.csv' })]), onlyImported: false };
    const { imp, dataset } = setup(setFromReports(FILLED), earlier);
    imp.decideAll('keep');
    await imp.apply();
    expect(dataset.setImported).not.toHaveBeenCalled();
    expect(dataset.imported).toBe(earlier);
    expect(imp.message).toBe('没有载入报告：3 份与已有数据冲突的报告保留了原有数据，数据没有变化。');
    expect(imp.outcome).toBe('unchanged');
  });

  it('reports the same as those shown are not offered and not loaded', async () => {
    const { imp, dataset } = setup(setFromReports([{ ...EMBEDDED[4]!, source: '再次导入.csv' }, ...FILLED.slice(0, 1)]));
    expect(imp.scan.same).toBe(1);
    expect(imp.conflicts.map((c) => c.incoming.town)).toEqual(['镇0']);
    expect(imp.toLoad).toBe(1);
    await imp.apply();
    expect(shownOf(dataset.imported.reports).map((r) => r.town)).toEqual(['镇0']);
    expect(imp.message).toBe('已载入 1 份报告（更新已填写的单元格 1 份）：1 份报告与已载入的数据完全相同，未重复载入。');
  });

  it('cancelling says the data did not change', () => {
    const { imp } = setup(setFromReports(FILLED));
    imp.cancel();
    expect(imp.message).toBe('已取消导入，数据没有变化。');
    expect(imp.outcome).toBe('unchanged');
    expect(imp.toLoad).toBe(0);
  });
});
