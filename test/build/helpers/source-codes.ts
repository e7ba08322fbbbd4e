/**
 * The error codes the package's source can produce, read from the source text
 * (for the README's "Troubleshooting and codes" check). Codes are found where
 * errors are made: `code: '…'`, a snake_case code as the first or second
 * argument of a call (`configError('signer_failed', …)`, `answerError(op,
 * 'trade_failed', …)`), `(status, 'code')` pairs, provider-code tables
 * (`'20002': 'signature_rejected'`), `signer_…`/`upstream_…` literals and
 * templates (`signer_http_${status}` → `signer_http_<status>`), and
 * string-literal unions of `…Code` types. The simulator is left out: it
 * fakes the vendor, whose codes the tables list from the vendor's documents.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What a code looks like: snake_case of ours, or a short vendor code (c05, a31, user0001). */
const CODE =
  '([a-z][a-z0-9]*_[a-z0-9_]+|[a-z]\\d{2,3}|user\\d{4}|cancel|unknown|timeout|unavailable|failed|pending|network)';

const PATTERNS: readonly RegExp[] = [
  new RegExp(`\\bcode: '${CODE}'`, 'g'),
  new RegExp(`\\b\\w+\\(\\s*(?:[\\w.]+,\\s*)?'${CODE}'`, 'g'),
  new RegExp(`\\(\\s*\\d{3},\\s*'${CODE}'`, 'g'),
  new RegExp(`'\\d{4,5}': \\[?'${CODE}'`, 'g'),
  /(?<!type: )'((?:signer|upstream)_[a-z_]+)'/g,
  /`((?:signer|upstream)_http)_\$\{/g,
  /\btype \w+Code = ((?:'[^']+'(?: \| )?)+);/g,
];

/**
 * Snake_case literals the patterns catch that are not codes, and why.
 * Keep this short: a new entry needs a reason.
 */
export const NOT_CODES: Readonly<Record<string, string>> = {
  pay_info: "a field name handed to the pre-order answer's reader",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === 'simulator' ? [] : sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

/** Every code found under `root`/src, with the files it was found in. */
export function sourceCodes(root: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(path.join(root, 'src'))) {
    // Comments name codes too (often of other modules): read code only.
    const text = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, '');
    for (const pattern of PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        const literal = match[1]!;
        const codes = literal.startsWith("'")
          ? literal.split(' | ').map((quoted) => quoted.slice(1, -1))
          : [literal.endsWith('_http') ? `${literal}_<status>` : literal];
        for (const code of codes) {
          if (code in NOT_CODES) continue;
          found.set(code, [...new Set([...(found.get(code) ?? []), path.relative(root, file)])]);
        }
      }
    }
  }
  return found;
}
