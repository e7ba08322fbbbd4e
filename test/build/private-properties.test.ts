/**
 * The IIFE shortens every property whose name follows the private convention
 * (build/private-property.mjs: a letter first, one `_` last). That is only safe while no public
 * name follows it: a user's options, the results a page reads and the bridge's wire fields must
 * keep their names. Checked on the declaration files the browser entries ship, and on the IIFE.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BROWSER_ENTRIES } from '../../build/entries.mjs';
import { PRIVATE_PROPERTY } from '../../build/private-property.mjs';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');

/** The declaration files a browser entry's types reach: the entry's own and the chunks it imports. */
function declarationFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    const text = readFileSync(file, 'utf8');
    files.set(file, text);
    for (const [, specifier] of text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
      visit(path.resolve(path.dirname(file), `${specifier!}.d.ts`));
    }
  };
  for (const entry of BROWSER_ENTRIES) visit(path.join(dist, `${entry}.d.ts`));
  return files;
}

/** Names of the convention in `text`, but on lines that declare a `private` member. */
function publicConventionNames(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !/^\s*private\b/.test(line))
    .flatMap((line) => line.match(/\b[A-Za-z]\w*\b/g) ?? [])
    .filter((name) => PRIVATE_PROPERTY.test(name));
}

describe('the private-property convention', () => {
  it('is followed by no public name in the browser entries’ declaration files', () => {
    const files = declarationFiles();
    expect(files.size).toBeGreaterThan(BROWSER_ENTRIES.length);
    const found = [...files].flatMap(([file, text]) =>
      publicConventionNames(text).map((name) => `${path.relative(dist, file)}: ${name}`),
    );
    expect(found).toEqual([]);
  });

  it('is used by the private members the declaration files mark `private`', () => {
    const privates = [...declarationFiles().values()].flatMap(
      (text) => text.match(/^\s*private (?:readonly )?(\w+)/gm) ?? [],
    );
    expect(privates.join('\n')).toMatch(/private readonly hub_/);
  });

  it('leaves no such name in the IIFE: the minifier shortened every one', () => {
    const code = readFileSync(path.join(dist, 'upsdk-kit.iife.min.js'), 'utf8');
    const left = (code.match(/[A-Za-z_$][\w$]*/g) ?? []).filter((name) => PRIVATE_PROPERTY.test(name));
    expect(left).toEqual([]);
  });
});
