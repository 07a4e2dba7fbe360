// Guard for "every user-visible string comes from a catalogue": no letters in JSX text or in
// the user-visible attributes of any component.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import en from './i18n/messages/en.json';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

const JSX_TEXT = /(?<![=-])>([^<>{}`=;()]*\p{L}[^<>{}`=;()]*)</gu;
const VISIBLE_ATTRIBUTE = /\b(aria-label|title|placeholder|alt|label)="([^"]*\p{L}[^"]*)"/gu;

describe('components', () => {
  const files = sources(join(__dirname));

  it('are found', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  for (const file of files) {
    it(`${file.slice(file.indexOf('src'))} has no hard-coded user-visible text`, () => {
      const code = withoutComments(readFileSync(file, 'utf8'));
      const found = [
        ...[...code.matchAll(JSX_TEXT)].map((m) => m[1]!.trim()),
        // A message key (EmptyState's title) is fine: it goes through the catalogue.
        ...[...code.matchAll(VISIBLE_ATTRIBUTE)]
          .filter((m) => !(m[2]! in en))
          .map((m) => `${m[1]}="${m[2]}"`),
      ];
      expect(found).toEqual([]);
    });
  }
});
