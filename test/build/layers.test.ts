/**
 * Layers point down: the core (src/client) imports no family, and families
 * reach the core only through its public type and its small helpers. Read
 * from the sources, so a new import that breaks the rule fails here at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(__dirname, '../../src');
const FAMILY_DIRS = ['plugins', 'events', 'streams', 'login'];
/** What a family may import from the core (relative to src/client). */
const CORE_SURFACE = [
  'client.ts', // type-only: the client interface
  'error.ts',
  'errors.ts',
  'untyped-call.ts',
  'plugin-map.ts',
  'user-wait.ts',
  'wire/',
];

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every relative import and re-export of `file`, resolved to a path under src. */
function importsOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const edges: Edge[] = [];
  for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gms)) {
    const target = path.resolve(path.dirname(file), match[3]!).replace(/\.js$/, '.ts');
    edges.push({ from: path.relative(src, file), to: path.relative(src, target), typeOnly: !!match[2] });
  }
  return edges;
}

describe('layers', () => {
  it('finds imports in the sources it checks', () => {
    // Guards the checks below against passing because the scan found nothing.
    const edges = filesUnder(path.join(src, 'plugins')).flatMap(importsOf);
    expect(edges.some((edge) => edge.to === 'client/client.ts')).toBe(true);
    expect(edges.length).toBeGreaterThan(50);
  });

  it('keeps the core (src/client) free of imports from any family', () => {
    const outward = filesUnder(path.join(src, 'client'))
      .flatMap(importsOf)
      .filter((edge) => !edge.to.startsWith('client/') && !edge.to.startsWith('shared/'));
    expect(outward).toEqual([]);
  });

  it('lets families reach the core only through its public type and small helpers', () => {
    const reaching = FAMILY_DIRS.flatMap((dir) => filesUnder(path.join(src, dir)))
      .flatMap(importsOf)
      .filter((edge) => edge.to.startsWith('client/'));
    const outside = reaching.filter(
      (edge) => !CORE_SURFACE.some((allowed) => edge.to.slice('client/'.length).startsWith(allowed)),
    );
    expect(outside).toEqual([]);
    const valueImportsOfClient = reaching.filter((edge) => edge.to === 'client/client.ts' && !edge.typeOnly);
    expect(valueImportsOfClient).toEqual([]);
  });
});

/** The browser's layers: nothing on the server imports them. */
const BROWSER_DIRS = ['client/', 'plugins/', 'login/', 'wallets/', 'streams/', 'events/'];
/** The server families: each imports only the server-shared layer, src/shared and itself. */
const SERVER_FAMILIES: Readonly<Record<string, (file: string) => boolean>> = {
  'open-platform (login included)': (file) =>
    file.startsWith('server/open-platform/') || file.startsWith('server/login/'),
  preorder: (file) => file.startsWith('server/preorder/'),
  acp: (file) => file.startsWith('server/acp/'),
  // The signer entry: the modules directly under src/server (the CLI is an app of every family).
  signer: (file) => /^server\/[^/]+\.ts$/.test(file) && !/^server\/cli(-acp)?\.ts$/.test(file),
};

describe('server layers', () => {
  const serverEdges = filesUnder(path.join(src, 'server')).flatMap(importsOf);

  it('finds the server families and their imports of the shared layers', () => {
    // Guards the checks below against passing because the scan found nothing.
    for (const [family, owns] of Object.entries(SERVER_FAMILIES)) {
      expect(
        serverEdges.some((edge) => owns(edge.from)),
        family,
      ).toBe(true);
    }
    expect(serverEdges.some((edge) => edge.to.startsWith('server/shared/'))).toBe(true);
    expect(serverEdges.some((edge) => edge.to.startsWith('shared/'))).toBe(true);
  });

  it('keeps browser code out of everything under src/server', () => {
    const browser = serverEdges.filter((edge) => BROWSER_DIRS.some((dir) => edge.to.startsWith(dir)));
    expect(browser).toEqual([]);
  });

  it('keeps the server-shared layer free of imports from any family', () => {
    const upward = serverEdges
      .filter((edge) => edge.from.startsWith('server/shared/'))
      .filter((edge) => !edge.to.startsWith('server/shared/') && !edge.to.startsWith('shared/'));
    expect(upward).toEqual([]);
  });

  it('lets each server family import only the server-shared layer, src/shared and itself', () => {
    for (const [family, owns] of Object.entries(SERVER_FAMILIES)) {
      const outside = serverEdges
        .filter((edge) => owns(edge.from))
        .filter(
          (edge) => !owns(edge.to) && !edge.to.startsWith('server/shared/') && !edge.to.startsWith('shared/'),
        );
      expect(outside, family).toEqual([]);
    }
  });
});
