/**
 * The README's navigation and its "Troubleshooting and codes" section (issue 23): a table of
 * contents that lists every section with a working anchor, and a row for every error code the
 * source can produce (helpers/source-codes.ts), every HCE code, every SDK code and every code the
 * simulator's Bluetooth uses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SDK_TEXTS } from '../../src/client/sdk-texts.js';
import { HCE_CODES } from '../../src/hce.js';
import { BLE_SIM_CODES } from '../../src/simulator/index.js';
import { sourceCodes } from './helpers/source-codes.js';

const root = path.resolve(__dirname, '../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

/** The text of the `## title` section. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README has no section "${title}"`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

/** The codes in the first column of the codes table. */
function documentedCodes(): Set<string> {
  const table = section('Troubleshooting and codes').split('**Codes**')[1] ?? '';
  const codes = new Set<string>();
  for (const row of table.split('\n').filter((line) => line.startsWith('| `'))) {
    const first = row.split(' | ')[0]!;
    for (const match of first.matchAll(/`([^`]+)`/g)) codes.add(match[1]!);
  }
  return codes;
}

describe('README navigation', () => {
  it('lists every ## section in its table of contents, with the anchor GitHub gives it', () => {
    const headings = [...readme.matchAll(/^## (.+)$/gm)]
      .map((match) => match[1]!)
      .filter((h) => h !== 'Contents');
    const contents = section('Contents');
    expect(headings.length).toBeGreaterThan(15);
    for (const heading of headings) expect(contents).toContain(`](#${anchor(heading)})`);
  });

  it('links only to anchors that exist', () => {
    const anchors = new Set([...readme.matchAll(/^#{2,4} (.+)$/gm)].map((match) => anchor(match[1]!)));
    const links = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]!);
    expect(links.filter((link) => !anchors.has(link))).toEqual([]);
  });
});

describe('README troubleshooting and codes', () => {
  const documented = documentedCodes();

  it('has a row for every code the source can produce', () => {
    const found = sourceCodes(root);
    expect(found.size).toBeGreaterThan(40);
    const missing = [...found]
      .filter(([code]) => !documented.has(code))
      .map(([code, files]) => `${code} (${files.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('has a row for every SDK code, every HCE code and every simulated BLE code', () => {
    const vendor = [
      ...Object.keys(SDK_TEXTS),
      'c00',
      'c01',
      'c101',
      'c102',
      ...Object.keys(HCE_CODES),
      ...Object.values(BLE_SIM_CODES),
      ...['00', '01', '02', '03', '04', '07'], // chunked readers, spec §6.15–§6.18
    ];
    expect(vendor.filter((code) => !documented.has(code))).toEqual([]);
  });

  it('explains the symptoms a newcomer meets without a code', () => {
    const symptoms = section('Troubleshooting and codes').split('**Codes**')[0]!;
    for (const symptom of [
      'signature verification failed',
      '`unavailable` on a desktop',
      'mixed content',
      'DOM window',
    ])
      expect(symptoms).toContain(symptom);
  });
});
