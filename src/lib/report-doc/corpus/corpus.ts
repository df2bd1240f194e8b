/**
 * The fixture corpus of report documents (see README.md): listing, reading each fixture through the
 * import's own document reader, and scoring a reading against the hand-written record. Node only
 * (tests and `npm run parse:eval`).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DivisionIndex } from '../../ingest/division-match.ts';
import { readDocument, type DocumentKind } from '../../import/read-document.ts';
import { METRIC_IDS, metric } from '../../model/catalogue.ts';
import type { ParsedReportDoc } from '../../model/report-doc.ts';
import { printToPdf } from './print-pdf.ts';

export const RENDERINGS = ['txt', 'html', 'portal-text', 'one-cell', 'pipe', 'tab', 'pdf', 'docx'] as const;
export type Rendering = (typeof RENDERINGS)[number];

export interface CorpusExpectation {
  rendering: Rendering;
  /** what the fixture is about: `identity: …`, `narrative: …`, `表二: …`, `表三: …`, `表四: …` */
  hazards: string[];
  /** '' when the report never names its town */
  town: string;
  county: string;
  year: number;
  layout: '2019' | '2021' | null;
  /** every value the document states; every other metric is empty */
  values: Record<string, number>;
  /** ids of values stated approximately (余、约、近、多) */
  approximate?: string[];
  /**
   * ids of values read with a doubt (a blank cell counted as 0, an amount in 元 converted, digits
   * run together split, a row added up from its parts): each must carry one, no other may
   */
  doubts?: string[];
  /** texts each of which some warning must contain */
  warnings?: string[];
}

export interface CorpusFixture {
  name: string;
  /** the document's path */
  path: string;
  expected: CorpusExpectation;
}

export const CORPUS_DIR = fileURLToPath(new URL('.', import.meta.url));

const DOCUMENT = /^report\.(txt|md|html|htm|docx|pdf\.html)$/;

export function listCorpus(dir = CORPUS_DIR): CorpusFixture[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'expected.json')))
    .map((d) => {
      const file = readdirSync(join(dir, d.name)).find((f) => DOCUMENT.test(f));
      if (!file) throw new Error(`${d.name}: no report.* document`);
      const expected = JSON.parse(readFileSync(join(dir, d.name, 'expected.json'), 'utf8')) as CorpusExpectation;
      for (const id of Object.keys(expected.values)) metric(id); // throws for an unknown id
      return { name: d.name, path: join(dir, d.name, file), expected };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function kindOf(path: string): DocumentKind {
  if (path.endsWith('.pdf.html') || path.endsWith('.pdf')) return 'pdf';
  if (path.endsWith('.docx')) return 'docx';
  if (path.endsWith('.html') || path.endsWith('.htm')) return 'html';
  return 'text';
}

/** Read a fixture as the import reads a dropped file (a `.pdf.html` is printed to PDF first). */
export async function readFixture(f: CorpusFixture, divisions?: DivisionIndex): Promise<ParsedReportDoc> {
  const path = f.path.endsWith('.pdf.html') ? await printToPdf(f.path) : f.path;
  const name = `${f.name}${path.slice(path.lastIndexOf('.'))}`;
  const { doc } = await readDocument(name, new Uint8Array(readFileSync(path)), kindOf(path), divisions);
  return doc;
}

export type ScoreClass = 'identity' | 'narrative' | '表二' | '表三' | '表四';
export const SCORE_CLASSES: readonly ScoreClass[] = ['identity', 'narrative', '表二', '表三', '表四'];

export function classOf(id: string): Exclude<ScoreClass, 'identity'> {
  const s = metric(id).section;
  return s === 'narrative' ? 'narrative' : s === 't2' ? '表二' : s === 't3' ? '表三' : '表四';
}

export interface FixtureScore {
  /** by class: values right, values expected, values read that the document does not state */
  classes: Record<Exclude<ScoreClass, 'identity'>, { right: number; expected: number; spurious: number }>;
  identity: { right: boolean; invented: boolean };
  /** what differs, in words, for the failure message and the eval's listing */
  differences: string[];
}

/** How a reading compares with the hand-written record. */
export function scoreFixture(doc: ParsedReportDoc, e: CorpusExpectation): FixtureScore {
  const r = doc.report;
  const classes = {
    narrative: { right: 0, expected: 0, spurious: 0 },
    表二: { right: 0, expected: 0, spurious: 0 },
    表三: { right: 0, expected: 0, spurious: 0 },
    表四: { right: 0, expected: 0, spurious: 0 },
  };
  const differences: string[] = [];
  for (const id of METRIC_IDS) {
    const want = e.values[id] ?? null;
    const got = r.metrics[id] ?? null;
    const c = classes[classOf(id)];
    if (want !== null) {
      c.expected++;
      if (got === want) c.right++;
      else differences.push(`${id}: 应为 ${want}，读到 ${got ?? '空'}`);
    } else if (got !== null) {
      c.spurious++;
      differences.push(`${id}: 文中没有，读到 ${got}`);
    }
  }
  const identity = { right: true, invented: e.town === '' && r.town !== '' };
  for (const [k, want, got] of [
    ['town', e.town, r.town],
    ['county', e.county, r.county],
    ['year', e.year, r.year],
    ['layout', e.layout, r.layout],
  ] as const) {
    if (want !== got) {
      if (k !== 'layout') identity.right = false;
      differences.push(`${k}: 应为 ${JSON.stringify(want)}，读到 ${JSON.stringify(got)}`);
    }
  }
  const approximate = new Set(e.approximate ?? []);
  for (const [id, p] of Object.entries(doc.provenance)) if (p.approximate && !approximate.has(id)) differences.push(`${id}: 标为约数，文中是确数`);
  for (const id of approximate) if (!doc.provenance[id]?.approximate) differences.push(`${id}: 文中是约数，未标为约数`);
  const doubts = new Set(e.doubts ?? []);
  for (const [id, p] of Object.entries(doc.provenance)) if (p.doubt && !doubts.has(id)) differences.push(`${id}: 记有疑点（${p.doubt}），文中是确数`);
  for (const id of doubts) if (!doc.provenance[id]?.doubt) differences.push(`${id}: 应记有疑点，未记`);
  for (const w of e.warnings ?? []) if (!doc.warnings.some((x) => x.includes(w))) differences.push(`缺少警告「${w}」（有：${doc.warnings.join('；') || '无'}）`);
  return { classes, identity, differences };
}
