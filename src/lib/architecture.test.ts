/**
 * The shape of the code (docs/architecture.md): each folder of src/lib imports only from folders
 * below it, and SQL is written only in db/. A change that breaks either fails here, with the file
 * and the import named, before it makes the import path a web again.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LIB = dirname(fileURLToPath(import.meta.url));

/** Lowest first: a folder may import from its own and from those before it. */
const LAYERS = ['model', 'data', 'ingest', 'report-doc', 'db', 'charts', 'export', 'import', 'state', 'components', 'views'] as const;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' || name === 'corpus' ? [] : sources(path);
    return /\.(ts|svelte)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

const folderOf = (path: string) => relative(LIB, path).split(sep)[0]!;
const rank = (folder: string) => LAYERS.indexOf(folder as (typeof LAYERS)[number]);
const files = sources(LIB).filter((f) => relative(LIB, f).includes(sep));

describe('architecture', () => {
  it('knows every folder of src/lib', () => {
    const folders = [...new Set(files.map(folderOf))].sort();
    expect(folders.filter((f) => rank(f) < 0)).toEqual([]);
    expect(folders.length).toBeGreaterThan(8);
  });

  it('each folder imports only from the folders below it', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = folderOf(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
        const target = resolve(dirname(file), m[1]!);
        if (!target.startsWith(LIB + sep)) continue;
        const to = folderOf(target);
        if (rank(to) > rank(from)) upward.push(`${relative(LIB, file)} → ${m[1]}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('writes SQL only in db/', () => {
    const SQL = /\b(?:SELECT\s+[\w*(]|INSERT INTO\s|CREATE (?:OR REPLACE )?TABLE\s|ATTACH\s+['A-Z:]|DETACH\s|DROP TABLE\s|DELETE FROM\s|UPDATE\s+\w+\s+SET\s)/;
    const outside = files.filter((f) => folderOf(f) !== 'db' && SQL.test(readFileSync(f, 'utf8'))).map((f) => relative(LIB, f));
    expect(outside).toEqual([]);
  });

  it('lets the state layer reach an import only through import/session.ts, never its worker or DuckDB\'s staging', () => {
    const around = files
      .filter((f) => folderOf(f) === 'state')
      .filter((f) => {
        const text = readFileSync(f, 'utf8');
        return /from '\.\.\/db\/(csv-)?stage\.ts'/.test(text) || (f.endsWith('import.svelte.ts') && /from '\.\.\/import\/parse-client\.ts'/.test(text));
      })
      .map((f) => relative(LIB, f));
    expect(around).toEqual([]);
  });

  it('keeps the store in one object, not in module-level bindings', () => {
    const rebound = files.filter((f) => /(?:^|[;{}]\s*)export let /m.test(readFileSync(f, 'utf8'))).map((f) => relative(LIB, f));
    expect(rebound).toEqual([]);
  });
});
