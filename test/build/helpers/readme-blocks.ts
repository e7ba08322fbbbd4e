/**
 * The ```ts blocks of README.md, for the tests that compile them
 * (readme-samples.test.ts) and run them (readme-run.test.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Where a block runs when the last non-blank line before its fence marks it `<!-- runnable -->` or `<!-- runnable: node -->`. */
export type RunsIn = 'page' | 'node';

/** A ```ts block of the README and the line its code starts on. */
export interface ReadmeBlock {
  readonly line: number;
  readonly code: string;
  /** A file name unique to the block, from its line. */
  readonly file: string;
  /** Set when the block is marked runnable; unmarked blocks are compile-only. */
  readonly runsIn: RunsIn | undefined;
}

const MARKERS: Readonly<Record<string, RunsIn>> = {
  '<!-- runnable -->': 'page',
  '<!-- runnable: node -->': 'node',
};

/** The last non-blank line before line `fence` (prettier puts a blank line between a comment and a fence). */
const markerLine = (lines: readonly string[], fence: number): string => {
  let i = fence - 1;
  while (i >= 0 && lines[i]!.trim() === '') i--;
  return lines[i]?.trim() ?? '';
};

/** Every ```ts block of the README at `root`, in order. */
export function readmeBlocks(root: string): ReadmeBlock[] {
  const lines = readFileSync(path.join(root, 'README.md'), 'utf8').split('\n');
  const found: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = lines[i]!.trim();
    if (marker.startsWith('<!-- runnable') && !(marker in MARKERS))
      throw new Error(`README.md:${i + 1}: unknown marker ${marker}`);
    if (lines[i] !== '```ts') continue;
    const end = lines.indexOf('```', i + 1);
    if (end < 0) throw new Error(`README.md:${i + 1}: unclosed \`\`\`ts block`);
    found.push({
      line: i + 2,
      code: lines.slice(i + 1, end).join('\n'),
      file: `line-${String(i + 2).padStart(4, '0')}.ts`,
      runsIn: MARKERS[markerLine(lines, i)],
    });
    i = end;
  }
  return found;
}
