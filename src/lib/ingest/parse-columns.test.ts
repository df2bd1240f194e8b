/**
 * The fast wide-CSV reader gives exactly the outcome of the general path: the same reports (as
 * columns), the same issues in the same order, the same rows and rejected count — on the corpus
 * of awkward files, the embedded data, the first rows of the benchmark files, and generated
 * variations of every kind of odd cell.
 */
import { benchLikeCsv } from '../../../scripts/sample/bench-like.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METRICS } from '../model/catalogue.ts';
import { reportKey } from '../model/report.ts';
import { columnsFromReports, reportAt } from './columns.ts';
import { CORPUS_FILES } from './corpus/files.ts';
import { isUtf8, parseFileColumns } from './parse-columns.ts';
import { parseReportFile } from './parse-file.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

function same(name: string, bytes: Uint8Array, expectFast?: boolean) {
  const old = parseReportFile(name, bytes, { maxYear: 2026 });
  const now = parseFileColumns(name, bytes, { maxYear: 2026 });
  if (expectFast !== undefined) expect(now.fast, name).toBe(expectFast);
  expect(now.format).toBe(old.format);
  expect(now.encoding).toBe(old.encoding);
  expect(now.issues).toEqual(old.issues);
  expect(now.rejected).toBe(old.rejected);
  expect(now.columns.length).toBe(old.reports.length);
  expect(now.keys).toEqual(old.reports.map(reportKey));
  expect(Array.from(now.rows)).toEqual(old.rows ?? []);
  const want = columnsFromReports(old.reports);
  for (let i = 0; i < old.reports.length; i++) expect(reportAt(now.columns, i)).toEqual(reportAt(want, i));
  return now;
}

describe('parseFileColumns = parseReportFile', () => {
  it.each(Object.entries(CORPUS_FILES))('corpus %s', (name, bytes) => {
    same(name, bytes);
  });

  it('reads most corpus wide files on the fast path', () => {
    const fast = Object.entries(CORPUS_FILES).filter(([name, bytes]) => parseFileColumns(name, bytes, { maxYear: 2026 }).fast).map(([n]) => n);
    expect(fast).toEqual(expect.arrayContaining(['utf8-bom.csv', 'gbk-wide-zh-headers.csv', 'crlf.csv', 'semicolon.csv', 'tab-separated.txt', 'fullwidth-and-grouped.csv', 'formulas.csv', 'year-range.csv', 'duplicate-town-year.csv', 'extra-column.csv', 'truncated-last-row.csv']));
    expect(fast).not.toContain('unclosed-quote.csv');
  });

  it.each(readdirSync(new URL('../../../data/reports/', import.meta.url)).filter((f) => f.endsWith('.csv')))('embedded %s', (name) => {
    same(name, new Uint8Array(readFileSync(new URL(`../../../data/reports/${name}`, import.meta.url))), true);
  });

  it('the first 3,000 rows of a file like the benchmark file', () => {
    const text = benchLikeCsv(2999);
    expect(same('import.csv', utf8(text), true).columns.length).toBeGreaterThan(2900);
  }, 60_000);

  const header = ['county', 'town', 'town_code', 'year', 'layout', 'source', 'synthetic', ...METRICS.slice(0, 40).map((m) => m.id), 't2_fees_amount'];
  const odd = ['', '0', '12', '007', '1234567890', '-0', '-5', '1.5', '１２', '"1,234"', '—', ' 3 ', '12 13', 'x', '""', '"a""b"', '1e3', '0.25', '" 4"', '\u3000', '2000000001', '999999999'];
  it('generated rows with every kind of odd cell, layout warning and duplicate', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    const lines = [header.join(',')];
    for (let r = 0; r < 400; r++) {
      const town = rnd(30) === 0 ? '' : `镇${rnd(60)}`;
      const code = rnd(3) === 0 ? '' : rnd(20) === 0 ? '12345' : `3708301${String(rnd(100)).padStart(2, '0')}`;
      const year = rnd(25) === 0 ? '20x1' : String(2019 + rnd(6));
      const layout = ['', '2019', '2021', '2020'][rnd(4)];
      // now and then a row without any value (empty cells, 未报告 marks, blanks): not a report
      const blank = rnd(12) === 0;
      const cells = header.slice(7).map(() => (blank ? ['', '—', '""', ' ', '-'][rnd(5)] : rnd(4) === 0 ? odd[rnd(odd.length)] : String(rnd(50))));
      const row = [`县${rnd(3)}`, town, code, year, layout, rnd(5) === 0 ? '"a.pdf"' : '', ['', '是', '否', 'maybe'][rnd(4)], ...cells];
      if (rnd(40) === 0) row.pop();
      lines.push(row.join(','));
      if (rnd(50) === 0) lines.push('');
      if (rnd(60) === 0) lines.push(',,,');
    }
    const now = same('gen.csv', utf8(lines.join('\n') + '\n'), true);
    expect(now.issues.length).toBeGreaterThan(100);
    expect(now.blank).toBeGreaterThan(10);
    same('gen-crlf.csv', utf8(lines.join('\r\n')), true);
    same('gen-semicolon.csv', utf8(lines.map((l) => l.replaceAll(',', ';')).join('\n')));
  });

  it('the template with a few towns filled in: the blank rows are left out the same way, wherever they are', () => {
    const header = ['县（市、区）', '镇街', '区划代码', '年度', '表式', '来源', '示例数据', ...METRICS.map((m) => m.label)].join(',');
    const empty = METRICS.map(() => '').join(',');
    const lines = [header];
    for (let i = 0; i < 15; i++) {
      const cells = METRICS.map((m, k) => (i % 5 === 2 && k < 3 ? String(i * 10 + k) : i === 7 && k === METRICS.length - 1 ? '0' : ''));
      lines.push(`汶上县,镇${i},,2025,2021,,否,${i === 4 ? METRICS.map(() => '—').join(',') : i % 5 === 2 || i === 7 ? cells.join(',') : empty}`);
    }
    const now = same('template.csv', utf8('\ufeff' + lines.join('\n') + '\n'), true);
    expect(now.keys).toEqual(['name:汶上县/镇2@2025', 'name:汶上县/镇7@2025', 'name:汶上县/镇12@2025']);
    expect(now.blank).toBe(12);
    expect(now.issues.map((i) => i.message)).toEqual(['12 行没有填写任何数值，未作为报告载入（第 2、3、5–8、10–13、15、16 行）']);
    same('template-crlf.csv', utf8(lines.join('\r\n') + '\r\n'), true);
  });

  it('leaves what it cannot read the same way to the general path', () => {
    same('mixed.csv', utf8('town,year,pub_website\r\nA镇,2021,1\nB镇,2021,2\n'), false);
    same('quote-space.csv', utf8('town,year,pub_website\nA镇,2021,"1" \nB镇,2021,2\n'), false);
    same('quoted-header.csv', utf8('"town",year,pub_website\nA镇,2021,1\n'), false);
    same('cr-only.csv', utf8('town,year,pub_website\rA镇,2021,1\r'), false);
  });
});

describe('isUtf8', () => {
  const fatal = (b: Uint8Array) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b);
      return true;
    } catch {
      return false;
    }
  };

  it('agrees with TextDecoder’s fatal mode on every sequence of up to 4 bytes around the edges of UTF-8', () => {
    const edges = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe4, 0xe9, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf3, 0xf4, 0xf5, 0xff];
    for (const a of edges)
      for (const b of edges) {
        expect(isUtf8(Uint8Array.of(a, b)), `${a} ${b}`).toBe(fatal(Uint8Array.of(a, b)));
        for (const c of edges) {
          expect(isUtf8(Uint8Array.of(a, b, c)), `${a} ${b} ${c}`).toBe(fatal(Uint8Array.of(a, b, c)));
          for (const d of [0x41, 0x80, 0xbf, 0xc0]) expect(isUtf8(Uint8Array.of(a, b, c, d)), `${a} ${b} ${c} ${d}`).toBe(fatal(Uint8Array.of(a, b, c, d)));
        }
      }
  });

  it('accepts Chinese text, a BOM and 4-byte characters, and refuses GBK bytes', () => {
    expect(isUtf8(new TextEncoder().encode('\ufeff县,镇,𠀀\n汶上县,康驿镇,1'))).toBe(true);
    expect(isUtf8(Uint8Array.of(0xbf, 0xb5, 0xd2, 0xdb, 0xd5, 0xf2))).toBe(false); // 康驿镇 in GBK
    expect(isUtf8(new Uint8Array(0))).toBe(true);
  });
});

describe('isUtf8 on long texts at every offset', () => {
  it('finds a bad byte wherever it is, whatever the alignment of the bytes', () => {
    const good = new TextEncoder().encode('county,town\n汶上县,康驿镇,12345678901234567890,𠀀,x\n'.repeat(3));
    const buffer = new Uint8Array(good.length + 8);
    for (let offset = 0; offset < 4; offset++) {
      const view = buffer.subarray(offset, offset + good.length);
      view.set(good);
      expect(isUtf8(view)).toBe(true);
      for (let at = 0; at < good.length; at += 7) {
        const saved = view[at]!;
        view[at] = 0xff;
        expect(isUtf8(view), `offset ${offset} at ${at}`).toBe(false);
        view[at] = saved;
      }
    }
  });
});
