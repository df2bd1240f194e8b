/** The PDF fixtures of the corpus are what pdf-report.ts writes (rerun it after changing a spec). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from './corpus.ts';
import { expectedOf, PDF_REPORTS, renderPdfReport } from './pdf-report.ts';

describe('the PDF fixtures', () => {
  it.each(PDF_REPORTS.map((s) => [s.folder, s] as const))('%s is what pdf-report.ts writes', (folder, spec) => {
    expect(readFileSync(join(CORPUS_DIR, folder, 'report.pdf.html'), 'utf8')).toBe(renderPdfReport(spec));
    expect(JSON.parse(readFileSync(join(CORPUS_DIR, folder, 'expected.json'), 'utf8'))).toEqual(expectedOf(spec));
  });
});
