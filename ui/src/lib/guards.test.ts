// Source-level guards: article text is never rendered as HTML, nothing is
// evaluated, and colours live in theme.ts only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(ts|svelte|css)$/.test(name) && !name.endsWith('.test.ts') ? [p] : [];
  });
}

const sources = files(root).map((p) => ({ path: relative(root, p), text: readFileSync(p, 'utf8') }));

describe('source guards', () => {
  it('finds the sources', () => {
    expect(sources.length).toBeGreaterThan(10);
  });
  it('never renders HTML from strings or evaluates code', () => {
    const bad = /\{@html|innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(/;
    expect(sources.filter((f) => bad.test(f.text)).map((f) => f.path)).toEqual([]);
  });
  it('keeps colours in theme.ts', () => {
    const colour = /#[0-9a-fA-F]{3,8}\b|rgba?\(\s*\d/;
    const offenders = sources
      .filter((f) => f.path !== join('lib', 'theme.ts') && !f.path.startsWith('dev'))
      .filter((f) => colour.test(f.text.replace(/\/\/.*$/gm, '')))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });
});
