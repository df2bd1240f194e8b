/**
 * Accuracy of the report reader over the fixture corpus (src/lib/report-doc/corpus/):
 *
 *   npm run parse:eval            # the table per class and per rendering
 *   npm run parse:eval -- --list  # and every difference, per fixture
 *
 * identity: the share of fixtures whose town, county and year are all right (and how many named a
 * town the document does not name); the other classes: values right ÷ (values stated + values
 * read that the document does not state).
 */
import { readFileSync } from 'node:fs';
import { indexDivisions } from '../src/lib/ingest/division-match.ts';
import { parseDivisions } from '../src/lib/model/divisions.ts';
import { listCorpus, readFixture, scoreFixture, SCORE_CLASSES, type FixtureScore, type ScoreClass } from '../src/lib/report-doc/corpus/corpus.ts';

const pct = (right: number, total: number) => (total === 0 ? '—' : `${((100 * right) / total).toFixed(1)}%（${right}/${total}）`);

async function main() {
  const list = process.argv.includes('--list');
  const divisions = indexDivisions(parseDivisions(readFileSync(new URL('../data/divisions/townships_cn.csv', import.meta.url), 'utf8')));
  const scores: { name: string; rendering: string; s: FixtureScore }[] = [];
  for (const f of listCorpus()) {
    try {
      scores.push({ name: f.name, rendering: f.expected.rendering, s: scoreFixture(await readFixture(f, divisions), f.expected) });
    } catch (e) {
      console.error(`${f.name}：无法读取（${(e as Error).message}）`);
    }
  }
  const groups = [['全部', scores], ...[...new Set(scores.map((s) => s.rendering))].sort().map((r) => [r, scores.filter((s) => s.rendering === r)] as const)] as const;
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  console.log(row(['呈现形式', '份数', ...SCORE_CLASSES.map((c) => (c === 'identity' ? '身份（镇街、县、年度）' : c === 'narrative' ? '正文数字' : c)), '编造镇街']));
  console.log(row(Array(SCORE_CLASSES.length + 3).fill('---')));
  for (const [label, ss] of groups) {
    const cell = (c: ScoreClass) => {
      if (c === 'identity') return pct(ss.filter((s) => s.s.identity.right).length, ss.length);
      const t = ss.reduce((a, s) => ({ right: a.right + s.s.classes[c].right, total: a.total + s.s.classes[c].expected + s.s.classes[c].spurious }), { right: 0, total: 0 });
      return pct(t.right, t.total);
    };
    console.log(row([label, String(ss.length), ...SCORE_CLASSES.map(cell), String(ss.filter((s) => s.s.identity.invented).length)]));
  }
  if (list) for (const s of scores) if (s.s.differences.length > 0) console.log(`\n${s.name}（${s.rendering}）\n  ${s.s.differences.join('\n  ')}`);
}

await main();
