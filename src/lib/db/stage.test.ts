/**
 * Staging (DuckDB reads an imported CSV itself) must never change what is loaded: for every file,
 * the reports table after a staged load equals the one after a load through Arrow, whether the
 * stage was used, partly used or refused. Run on DuckDB-WASM's Node build.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { benchLikeCsv } from '../../../scripts/sample/bench-like.ts';
import { SAMPLE_SOURCE } from '../../../scripts/sample/generator.ts';
import { createReportsTable, replaceAllParts } from './reports-table.ts';
import { Store } from './store.ts';
import { nodeSql } from './testing/node-sql.ts';
import { rowChecksums } from '../ingest/checksum.ts';
import { concatParts, partsFlags, reportAt, setFromReports } from '../ingest/columns.ts';
import { mergeSets } from '../ingest/merge.ts';
import { parseFileColumns } from '../ingest/parse-columns.ts';
import { originOf } from '../ingest/origin.ts';
import { acceptImportSet, composeParts, NO_IMPORTED, planImport, scanImport, takenAsRead } from '../import/compose-columns.ts';
import { dropStage, STAGE_MIN_BYTES, stageFiles, stageFor, stagedCount, verifyStage } from './stage.ts';

const corpus = new URL('../ingest/corpus/', import.meta.url);

let sql: Store;
/** called with each table inserted through Arrow, when a test wants to know */
let onInsert: ((rows: number, name: string) => void) | null = null;
beforeAll(async () => {
  const node = (await nodeSql()).sql;
  sql = new Store({ ...node, insertArrow: (t, name) => (onInsert?.(t.numRows, name), node.insertArrow(t, name)) });
  await createReportsTable(sql);
}, 30_000);

/** Read files as the import worker does (without the division list), merged, with their origin. */
function readAsWorker(files: { name: string; bytes: Uint8Array }[]) {
  const read = files.map((f) => parseFileColumns(f.name, f.bytes, { maxYear: 2026 }));
  const sets = read.map((r) => ({ file: r.file, set: { columns: r.columns, keys: r.keys }, issues: r.issues }));
  const merged = mergeSets(sets);
  return {
    incoming: concatParts(merged.parts),
    origin: originOf(
      merged.parts,
      sets.map((s) => s.set),
      read.map((r) => r.rows),
      merged.count,
    ),
    asRead: partsFlags(
      merged.parts,
      sets.map((s) => s.set),
      read.map((r) => r.asRead ?? null),
    ),
  };
}

/** Stage the files whatever their size (the app stages only large ones: STAGE_MIN_BYTES). */
const stageAll = (files: readonly File[]) => stageFiles(sql, files, undefined, 0);

const snapshot = () => sql.query(`SELECT * FROM ${sql.reports} ORDER BY town_key, year`);

/** Load the files through Arrow, then staged; both tables, and how many reports the stage gave. */
async function loadBothWays(files: { name: string; bytes: Uint8Array }[]) {
  const { incoming, origin, asRead } = readAsWorker(files);
  const parts = incoming.keys.length > 0 ? [{ set: incoming, origin: 'imported' as const }] : [];
  await replaceAllParts(sql, parts);
  const viaArrow = await snapshot();
  const staged = await stageAll(files.map((f) => new File([f.bytes as Uint8Array<ArrayBuffer>], f.name)),
  );
  const stage = await verifyStage(sql, staged, incoming, origin, undefined, asRead);
  await replaceAllParts(sql, parts, undefined, stage ?? undefined);
  const viaStage = await snapshot();
  const adopted = staged.some((s) => s.db === sql.database);
  await dropStage(sql, staged);
  return { viaArrow, viaStage, staged: stagedCount(stage), reports: incoming.keys.length, stage, adopted };
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** A file like the benchmark's of `rows` reports, the last cell of line `line` (the header is line 0 here) being `text`. */
function withLastCell(rows: number, line: number, text: string): Uint8Array {
  const lines = benchLikeCsv(rows).split('\n');
  const cells = lines[line]!.split(',');
  cells[cells.length - 1] = text;
  lines[line] = cells.join(',');
  return utf8(lines.join('\n'));
}

describe('staged import', () => {
  it('loads a large generated file from the staged table, the same as through Arrow', async () => {
    const r = await loadBothWays([{ name: 'big.csv', bytes: utf8(benchLikeCsv(3000)) }]);
    expect(r.reports).toBe(3000);
    expect(r.staged).toBe(3000);
    // the staged table became the store (no copy of the values), and looks like one
    expect(r.adopted).toBe(true);
    expect(r.viaStage).toEqual(r.viaArrow);
  }, 60_000);

  it('adopts the staged table with only the rows taken, beside the other parts', async () => {
    const bytes = utf8(benchLikeCsv(200));
    const { incoming, origin } = readAsWorker([{ name: 'x.csv', bytes }]);
    // rows 0–49 stand for the embedded data, kept over the incoming reports with the same identity
    const kept = new Set(incoming.keys.slice(0, 50));
    const embedded = { set: incoming, rows: Int32Array.from({ length: 50 }, (_, i) => i), origin: 'embedded' as const };
    const imported = { set: incoming, rows: Int32Array.from({ length: 150 }, (_, i) => i + 50), origin: 'imported' as const };
    await replaceAllParts(sql, [embedded, imported]);
    const viaArrow = await snapshot();
    const staged = await stageAll([new File([bytes], 'x.csv')]);
    const stage = stageFor(await verifyStage(sql, staged, incoming, origin), (k) => !kept.has(k));
    expect(stagedCount(stage)).toBe(150);
    await replaceAllParts(sql, [embedded, imported], undefined, stage!);
    expect(sql.database).toBe(staged[0]!.db);
    expect(await snapshot()).toEqual(viaArrow);
    expect(await sql.query(`SELECT origin, count(*)::INTEGER AS n FROM ${sql.reports} GROUP BY origin ORDER BY origin`)).toEqual([
      { origin: 'embedded', n: 50 },
      { origin: 'imported', n: 150 },
    ]);
    // the store is not dropped with the stage
    await dropStage(sql, staged);
    expect(await sql.query(`SELECT count(*)::INTEGER AS n FROM ${sql.reports}`)).toEqual([{ n: 200 }]);
  }, 60_000);

  it('leaves the data shown as it was when a load that adopts a staged table fails', async () => {
    const bytes = utf8(benchLikeCsv(60));
    const { incoming, origin } = readAsWorker([{ name: 'x.csv', bytes }]);
    await replaceAllParts(sql, [{ set: incoming, rows: Int32Array.from({ length: 10 }, (_, i) => i), origin: 'imported' }]);
    const before = await snapshot();
    const store = sql.database;
    const staged = await stageAll([new File([bytes], 'x.csv')]);
    const stage = await verifyStage(sql, staged, incoming, origin);
    // a second part that cannot be loaded (its columns are broken), after the staged rows
    const broken = { set: { keys: ['code:x@2020'], columns: { ...incoming.columns, length: 1, metrics: [] } }, origin: 'embedded' as const };
    await expect(replaceAllParts(sql, [{ set: incoming, origin: 'imported' }, broken], undefined, stage!)).rejects.toThrow();
    expect(sql.database).toBe(store);
    expect(await snapshot()).toEqual(before);
    // the staged database went with the failed load
    expect(await sql.query(`SELECT count(*)::INTEGER AS n FROM duckdb_databases() WHERE database_name = '${staged[0]!.db}'`)).toEqual([{ n: 0 }]);
    await dropStage(sql, staged);
  }, 60_000);

  it('adopts the file with the most staged rows and copies the values of the others into it', async () => {
    const csv = benchLikeCsv(120).split('\n');
    const a = utf8([csv[0], ...csv.slice(1, 31)].join('\n') + '\n');
    const b = utf8([csv[0], ...csv.slice(31, 121)].join('\n') + '\n');
    const files = [
      { name: 'a.csv', bytes: a },
      { name: 'b.csv', bytes: b },
    ];
    const { incoming, origin } = readAsWorker(files);
    const parts = [{ set: incoming, origin: 'imported' as const }];
    await replaceAllParts(sql, parts);
    const viaArrow = await snapshot();
    const staged = await stageAll(files.map((f) => new File([f.bytes], f.name)),
    );
    const stage = await verifyStage(sql, staged, incoming, origin);
    expect(stage!.files.length).toBe(2);
    await replaceAllParts(sql, parts, undefined, stage!);
    // b.csv's 90 reports stayed where DuckDB read them; a.csv's 30 were copied in
    expect(sql.database).toBe(staged[1]!.db);
    expect(await snapshot()).toEqual(viaArrow);
    await dropStage(sql, staged);
    expect(await sql.query(`SELECT count(*)::INTEGER AS n FROM duckdb_databases() WHERE database_name = '${staged[0]!.db}'`)).toEqual([{ n: 0 }]);
    expect(await sql.query(`SELECT count(*)::INTEGER AS n FROM ${sql.reports}`)).toEqual([{ n: 120 }]);
  }, 60_000);

  it('finds the staged rows by report key when the set loaded is not the set read (an import merged with an earlier one)', async () => {
    const bytes = utf8(benchLikeCsv(40));
    const { incoming, origin } = readAsWorker([{ name: 'x.csv', bytes }]);
    // as acceptImportSet makes it: the reports taken, copied into a set of their own, in another order
    const rows = Int32Array.from({ length: 30 }, (_, k) => 39 - k);
    const parts = [{ set: concatParts([{ set: incoming, rows }]), origin: 'imported' as const }];
    await replaceAllParts(sql, parts);
    const viaArrow = await snapshot();
    const staged = await stageAll([new File([bytes], 'x.csv')]);
    const taken = new Set(Array.from(rows, (i) => incoming.keys[i]!));
    const stage = stageFor(await verifyStage(sql, staged, incoming, origin), (k) => taken.has(k));
    expect(stagedCount(stage)).toBe(30);
    await replaceAllParts(sql, parts, undefined, stage!);
    expect(sql.database).toBe(staged[0]!.db);
    expect(await snapshot()).toEqual(viaArrow);
    await dropStage(sql, staged);
  }, 60_000);

  it('writes at the load the identity of the rows DuckDB read otherwise than the worker, and only theirs', async () => {
    const lines = benchLikeCsv(12).split('\n');
    const header = lines[0]!.split(',');
    const cell = (row: number, col: string, value: string) => {
      const cells = lines[row]!.split(',');
      cells[header.indexOf(col)] = value;
      lines[row] = cells.join(',');
    };
    cell(1, 'town', ' 空格镇 ');
    cell(2, 'county', '"引号县"');
    cell(3, 'town_code', `${lines[3]!.split(',')[header.indexOf('town_code')]}000`);
    cell(4, 'layout', '2019年');
    cell(5, 'source', '');
    cell(6, 'synthetic', 'yes');
    cell(7, 'county', '-');
    // the same year in full-width digits
    cell(8, 'year', [...lines[8]!.split(',')[header.indexOf('year')]!].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join(''));
    const files = [{ name: '杂项.csv', bytes: utf8(lines.join('\n')) }];
    const { asRead } = readAsWorker(files);
    expect(Array.from(asRead)).toEqual([0, 1, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1]);
    const r = await loadBothWays(files);
    expect(r.reports).toBe(12);
    expect(r.staged).toBe(12);
    expect(r.viaStage).toEqual(r.viaArrow);
    // the empty source became the file's name, as the worker has it
    expect(r.viaStage.filter((x) => x.source === '杂项.csv')).toHaveLength(1);
  }, 60_000);

  it('loads a plain file without writing any identity', async () => {
    const bytes = utf8(benchLikeCsv(300));
    const { incoming, origin, asRead } = readAsWorker([{ name: 'x.csv', bytes }]);
    expect(asRead.every((x) => x === 1)).toBe(true);
    let written = 0;
    const parts = [{ set: incoming, origin: 'imported' as const }];
    await replaceAllParts(sql, parts);
    const viaArrow = await snapshot();
    const staged = await stageAll([new File([bytes], 'x.csv')]);
    const stage = await verifyStage(sql, staged, incoming, origin, undefined, asRead);
    onInsert = (rows, name) => (written += name.startsWith('load_ids') ? rows : 0);
    await replaceAllParts(sql, parts, undefined, stage!).finally(() => (onInsert = null));
    expect(sql.database).toBe(staged[0]!.db);
    expect(written).toBe(0);
    expect(await snapshot()).toEqual(viaArrow);
    await dropStage(sql, staged);
  }, 60_000);

  it('leaves a file below STAGE_MIN_BYTES to the worker: a county\'s file is reviewed without waiting for DuckDB', async () => {
    const small = new File([utf8(benchLikeCsv(300))], 'x.csv');
    expect(small.size).toBeLessThan(STAGE_MIN_BYTES);
    expect(await stageFiles(sql, [small])).toEqual([]);
    const staged = await stageFiles(sql, [small], undefined, small.size);
    expect(staged).toHaveLength(1);
    await dropStage(sql, staged);
  }, 60_000);

  it('gives the same table for every corpus file, staged or not', async () => {
    const names = readdirSync(corpus).filter((f) => /\.csv$/.test(f));
    const used: string[] = [];
    for (const name of names) {
      const r = await loadBothWays([{ name, bytes: new Uint8Array(readFileSync(new URL(name, corpus))) }]);
      expect(r.viaStage, name).toEqual(r.viaArrow);
      if (r.staged > 0) used.push(name);
    }
    // plain files are staged (also with 未报告 marks, or rows the worker rejects); a row with a
    // cell DuckDB cannot read as a number (`x`, `１２`, `1,234`) is left out of the stage and
    // loaded from the worker's reading, the file's other rows are staged
    expect(used).toEqual(expect.arrayContaining(['utf8-bom.csv', 'utf8-no-bom.csv', 'not-reported-marks.csv', 'negative-count.csv', 'template-partly-filled.csv', 'crlf.csv']));
    // every row of this one has such a cell: nothing is staged
    expect(used).not.toContain('fullwidth-and-grouped.csv');
    // DuckDB reads `- ` as 0 where the worker reads no value: the checksums differ, not staged
    expect(used).not.toContain('spaced-marks.csv');
  }, 120_000);

  it('takes rows of several files from their own staged tables, the first file winning a conflict', async () => {
    const csv = benchLikeCsv(400).split('\n');
    const a = [csv[0], ...csv.slice(1, 201)].join('\n') + '\n';
    const b = [csv[0], ...csv.slice(101, 301)].join('\n') + '\n';
    const r = await loadBothWays([
      { name: 'a.csv', bytes: utf8(a) },
      { name: 'b.csv', bytes: utf8(b) },
    ]);
    expect(r.reports).toBe(300);
    expect(r.staged).toBe(300);
    expect(r.viaStage).toEqual(r.viaArrow);
  }, 60_000);

  it('leaves out the rows without any value (the template left blank) the same way, and still uses the stage', async () => {
    const lines = benchLikeCsv(60).split('\n');
    const header = lines[0]!.split(',');
    const synthetic = header.indexOf('synthetic');
    // every row but 3, 20 and 41 emptied of its values, as the template is when a few towns are filled in; 否 as the template writes it
    for (let row = 1; row <= 60; row++) {
      const cells = lines[row]!.split(',');
      cells[synthetic] = '否';
      if (![3, 20, 41].includes(row)) for (let c = 7; c < cells.length; c++) cells[c] = row === 9 ? '—' : '';
      lines[row] = cells.join(',');
    }
    const r = await loadBothWays([{ name: 'template.csv', bytes: utf8(lines.join('\n')) }]);
    expect(r.reports).toBe(3);
    expect(r.staged).toBe(3);
    expect(r.adopted).toBe(true);
    expect(r.viaStage).toEqual(r.viaArrow);
    expect((r.viaStage as { synthetic: boolean }[]).map((x) => x.synthetic)).toEqual([false, false, false]);
  }, 60_000);

  it('loads the reports merged with those shown (更新已填写的单元格) from their merged values, not their staged rows', async () => {
    const lines = benchLikeCsv(40).split('\n');
    // rows 1–10 leave 政府网站 (pub_website) empty: merged, it keeps the value shown
    for (let row = 1; row <= 10; row++) {
      const cells = lines[row]!.split(',');
      cells[7] = '';
      cells[8] = String(1000 + row);
      lines[row] = cells.join(',');
    }
    const bytes = utf8(lines.join('\n'));
    const { incoming, origin, asRead } = readAsWorker([{ name: 'update.csv', bytes }]);
    // the embedded data: the first ten reports, with other values
    const embedded = setFromReports(
      Array.from({ length: 10 }, (_, i) => {
        const r = reportAt(incoming.columns, i);
        return { ...r, source: '内置', metrics: { ...r.metrics, pub_website: 5, pub_newmedia: 6 } };
      }),
    );
    const scan = scanImport(embedded, NO_IMPORTED, incoming, false);
    const plan = planImport(incoming, scan, new Map());
    expect(plan.counts).toMatchObject({ added: 30, merged: 10 });
    const next = acceptImportSet(embedded, NO_IMPORTED, incoming, new Map(), false, scan, plan);
    const parts = composeParts(embedded, next);
    await replaceAllParts(sql, parts);
    const viaArrow = await snapshot();
    const staged = await stageAll([new File([bytes], 'update.csv')]);
    const stage = stageFor(await verifyStage(sql, staged, incoming, origin, undefined, asRead), takenAsRead(plan));
    expect(stagedCount(stage)).toBe(30);
    await replaceAllParts(sql, parts, undefined, stage!);
    expect(sql.database).toBe(staged[0]!.db);
    expect(await snapshot()).toEqual(viaArrow);
    const merged = await sql.query<{ w: number; m: number; source: string }>(
      `SELECT pub_website AS w, pub_newmedia AS m, source FROM ${sql.reports} WHERE source LIKE '内置%' ORDER BY pub_newmedia`,
    );
    expect(merged).toHaveLength(10);
    expect(merged.every((r) => r.w === 5 && r.m > 1000 && r.source === `内置；${SAMPLE_SOURCE}`)).toBe(true);
    await dropStage(sql, staged);
  }, 60_000);

  it('refuses a stage whose rows do not line up with the worker reading (a blank line)', async () => {
    const lines = benchLikeCsv(50).split('\n');
    lines.splice(10, 0, '');
    const r = await loadBothWays([{ name: 'blank.csv', bytes: utf8(lines.join('\n')) }]);
    expect(r.reports).toBe(50);
    expect(r.viaStage).toEqual(r.viaArrow);
  }, 60_000);

  // a count beyond INTEGER: the worker rejects the row, DuckDB leaves it out; full-width digits:
  // 12 to the worker, not a number to DuckDB, so that report's values come from the worker
  it.each([
    ['a count beyond INTEGER', '3000000000', 19],
    ['full-width digits', '１２', 20],
  ])('stages every row but one with %s, which DuckDB leaves out', async (_what, text, reports) => {
    const r = await loadBothWays([{ name: 'one-odd-cell.csv', bytes: withLastCell(20, 5, text) }]);
    expect(r.reports).toBe(reports);
    expect(r.staged).toBe(19);
    expect(r.viaStage).toEqual(r.viaArrow);
  }, 60_000);

  it('refuses a stage that reads any value differently', async () => {
    const bytes = utf8(benchLikeCsv(20));
    const { incoming, origin } = readAsWorker([{ name: 'x.csv', bytes }]);
    // the checksum DuckDB computed while reading agrees with the worker's, row by row
    const staged = await stageAll([new File([bytes], 'x.csv')]);
    const sums = await sql.query<{ chk: number }>(`SELECT chk FROM ${staged[0]!.checks} ORDER BY r`);
    expect(sums.map((r) => r.chk)).toEqual([...rowChecksums(incoming.columns)]);
    // one row read as another value: the whole file is refused
    await sql.exec(`UPDATE ${staged[0]!.checks} SET chk = chk + 2 WHERE r = 7`);
    expect(await verifyStage(sql, staged, incoming, origin)).toBeNull();
    await dropStage(sql, staged);
  }, 60_000);

  it('uses the stage only for the reports the import takes', async () => {
    const bytes = utf8(benchLikeCsv(30));
    const { incoming, origin } = readAsWorker([{ name: 'x.csv', bytes }]);
    const stage = await verifyStage(sql, await stageAll([new File([bytes], 'x.csv')]), incoming, origin);
    const keep = new Set(incoming.keys.slice(0, 5));
    const narrowed = stageFor(stage, (k) => !keep.has(k));
    expect(stagedCount(narrowed)).toBe(25);
    expect(stageFor(stage, () => false)).toBeNull();
    // all taken: the same stage, not a copy
    expect(stageFor(stage, () => true)).toBe(stage);
    await dropStage(sql, stage!.files);
  }, 60_000);

  it('leaves out files DuckDB is not to read: not CSV, not UTF-8, not a wide table', async () => {
    const gbk = readFileSync(new URL('gbk-wide-zh-headers.csv', corpus));
    const staged = await stageAll([
      new File([readFileSync(new URL('long-valid.csv', corpus))], 'long-valid.csv'),
      new File([gbk], 'gbk.csv'),
      new File([readFileSync(new URL('json-string-numbers.json', corpus))], 'x.json'),
    ]);
    expect(staged).toEqual([]);
  });
});
