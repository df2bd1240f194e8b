/**
 * A PDF made from an HTML page by Debian's Chromium (`--print-to-pdf`), as a town's report printed
 * from its Word file would be: for the PDF fixtures of the corpus and the tests. Cached by content
 * in the system's temporary folder. Node only.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../../scripts/chromium.ts';

const run = promisify(execFile);

export async function printToPdf(htmlPath: string): Promise<string> {
  const hash = createHash('sha256').update(readFileSync(htmlPath)).digest('hex').slice(0, 16);
  const out = join(tmpdir(), `zwgk-corpus-${hash}.pdf`);
  if (existsSync(out)) return out;
  const partial = `${out}.${process.pid}.part`;
  await run(CHROMIUM_PATH, [...CHROMIUM_ARGS, '--headless', '--no-pdf-header-footer', `--print-to-pdf=${partial}`, pathToFileURL(htmlPath).href], {
    timeout: 60_000,
  });
  renameSync(partial, out);
  return out;
}
