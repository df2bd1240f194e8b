import { describe, expect, it } from 'vitest';
import type { Report } from '../model/report.ts';
import { acceptImport, compose, findConflicts, NO_IMPORTS, type Decision } from './compose.ts';

const rep = (town: string, year: number, v: number, synthetic = false, code: string | null = null): Report => ({
  county: '汶上县',
  town,
  town_code: code,
  year,
  layout: '2021',
  source: `${town}-${v}`,
  synthetic,
  metrics: { pub_total: v },
});

const embedded = [rep('康驿镇', 2023, 1, true), rep('南旺镇', 2023, 2, true)];
const decide = (entries: [string, Decision][]) => new Map(entries);

describe('compose', () => {
  it('shows embedded data when nothing is imported', () => {
    expect(compose(embedded, NO_IMPORTS)).toEqual(embedded);
  });
  it('lets an imported report stand in for the embedded one with the same identity', () => {
    const shown = compose(embedded, { reports: [rep('康驿镇', 2023, 9)], onlyImported: false });
    expect(shown.map((r) => r.source)).toEqual(['南旺镇-2', '康驿镇-9']);
  });
  it('shows only imported data when asked', () => {
    expect(compose(embedded, { reports: [rep('义桥镇', 2022, 5)], onlyImported: true }).map((r) => r.town)).toEqual(['义桥镇']);
  });
});

describe('import decisions', () => {
  const incoming = [rep('康驿镇', 2023, 7), rep('白石镇', 2023, 3)];

  it('finds the reports that are already shown', () => {
    expect(findConflicts(compose(embedded, NO_IMPORTS), incoming).map((c) => [c.existing.source, c.incoming.source])).toEqual([
      ['康驿镇-1', '康驿镇-7'],
    ]);
  });

  it('keeps the existing report unless told to replace it', () => {
    const kept = acceptImport(embedded, NO_IMPORTS, incoming, decide([]), false);
    expect(compose(embedded, kept).map((r) => r.source).sort()).toEqual(['南旺镇-2', '康驿镇-1', '白石镇-3']);
    const replaced = acceptImport(embedded, NO_IMPORTS, incoming, decide([['name:汶上县/康驿镇@2023', 'replace']]), false);
    expect(compose(embedded, replaced).map((r) => r.source).sort()).toEqual(['南旺镇-2', '康驿镇-7', '白石镇-3']);
  });

  it('replaces an earlier import when told to, and keeps it otherwise', () => {
    const first = acceptImport(embedded, NO_IMPORTS, [rep('白石镇', 2023, 3)], decide([]), false);
    const again = [rep('白石镇', 2023, 4)];
    expect(acceptImport(embedded, first, again, decide([]), false).reports.map((r) => r.source)).toEqual(['白石镇-3']);
    expect(acceptImport(embedded, first, again, decide([['name:汶上县/白石镇@2023', 'replace']]), false).reports.map((r) => r.source)).toEqual([
      '白石镇-4',
    ]);
  });

  it('with 仅使用导入数据 the embedded data neither shows nor conflicts', () => {
    const only = acceptImport(embedded, NO_IMPORTS, incoming, decide([]), true);
    expect(compose(embedded, only).map((r) => r.source)).toEqual(['康驿镇-7', '白石镇-3']);
  });

  it('never changes the inputs', () => {
    const current = { reports: [rep('白石镇', 2023, 3)], onlyImported: false };
    const copy = structuredClone(current);
    acceptImport(embedded, current, [rep('白石镇', 2023, 4)], decide([['name:汶上县/白石镇@2023', 'replace']]), false);
    expect(current).toEqual(copy);
  });
});
