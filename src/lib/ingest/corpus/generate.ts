/**
 * Write the corpus files next to this script: `npx tsx src/lib/ingest/corpus/generate.ts`.
 * Run it after changing files.ts; corpus.test.ts fails while the two disagree.
 */
import { writeFileSync } from 'node:fs';
import { CORPUS_FILES } from './files.ts';

for (const [name, bytes] of Object.entries(CORPUS_FILES)) {
  writeFileSync(new URL(name, import.meta.url), bytes);
}
console.log(`已写入 ${Object.keys(CORPUS_FILES).length} 个语料文件`);
