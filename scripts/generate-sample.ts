/**
 * Generate synthetic township reports (示例数据) as a wide CSV.
 *
 *   npm run generate                         → data/reports/wenshang_sample_2019-2025.csv (汶上县, committed)
 *   npm run generate -- --counties 370830,370881 --out bench-data/two.csv
 *   npm run generate -- --prefecture 3708 --out bench-data/jining.csv  (or several: --prefecture 3708,3709)
 *   npm run generate -- --province 37 --out bench-data/shandong.csv   (or several: --province 37,41)
 *   npm run generate -- --country --out bench-data/country.csv
 *
 * Options: --seed N (default 20260101), --years 2019-2025, --no-breaks.
 * The real transcribed reports in data/reports/*.json take precedence over generated ones.
 */
import { createWriteStream, readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import Papa from 'papaparse';
import { parseDivisions } from '../src/lib/model/divisions.ts';
import { parseReportFile } from '../src/lib/ingest/parse-file.ts';
import { wideCsvHeader, wideCsvRow } from '../src/lib/ingest/write-csv.ts';
import type { Report } from '../src/lib/model/report.ts';
import { DEFAULT_SEED, generateReports, selectDivisions, type Scale } from './sample/generator.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const WENSHANG = '370830';
export const DEFAULT_OUT = join(root, 'data/reports/wenshang_sample_2019-2025.csv');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function parseYears(s: string | undefined): number[] | undefined {
  if (!s) return undefined;
  const m = /^(\d{4})-(\d{4})$/.exec(s);
  if (!m) throw new Error(`--years 应写成 2019-2025，实为 ${s}`);
  const out: number[] = [];
  for (let y = Number(m[1]); y <= Number(m[2]); y++) out.push(y);
  return out;
}

/** The real transcriptions shipped in data/reports/*.json. */
export function loadAnchors(dir = join(root, 'data/reports')): Report[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => {
      const parsed = parseReportFile(f, readFileSync(join(dir, f), 'utf8'));
      const errors = parsed.issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) throw new Error(`${f}：${errors.map((e) => e.message).join('；')}`);
      return parsed.reports.filter((r) => !r.synthetic);
    });
}

async function main() {
  const counties = arg('counties');
  const prefecture = arg('prefecture');
  const province = arg('province');
  const scale: Scale = process.argv.includes('--country')
    ? { country: true }
    : province
      ? { provinces: province.split(',') }
      : prefecture
        ? { prefectures: prefecture.split(',') }
        : { counties: counties ? counties.split(',') : [WENSHANG] };
  const all = parseDivisions(readFileSync(join(root, 'data/divisions/townships_cn.csv'), 'utf8'));
  const divisions = selectDivisions(all, scale);
  if (divisions.length === 0) throw new Error('所选范围内没有镇街');
  const out = resolve(arg('out') ?? DEFAULT_OUT);
  mkdirSync(dirname(out), { recursive: true });
  const seedArg = arg('seed');
  const years = parseYears(arg('years'));
  const opts = {
    seed: seedArg ? Number(seedArg) : DEFAULT_SEED,
    anchors: loadAnchors(),
    breaks: !process.argv.includes('--no-breaks'),
    ...(years ? { years } : {}),
  };
  const stream = createWriteStream(out);
  const write = async (rows: string[][]) => {
    if (!stream.write(Papa.unparse(rows, { newline: '\n' }) + '\n')) await once(stream, 'drain');
  };
  await write([wideCsvHeader('id')]);
  let n = 0;
  let batch: string[][] = [];
  for (const r of generateReports(divisions, opts)) {
    // Real reports are loaded from their own files; the CSV holds only what was generated.
    if (!r.synthetic) continue;
    batch.push(wideCsvRow(r));
    n++;
    if (batch.length >= 1000) {
      await write(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await write(batch);
  stream.end();
  await once(stream, 'finish');
  console.log(`已生成 ${n} 份示例报告（${divisions.length} 个镇街）→ ${out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
