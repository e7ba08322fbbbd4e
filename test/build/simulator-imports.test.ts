/**
 * The fakes are written from the documents, not from our client: a fake that
 * signs with the client's helper or answers with the client's text table
 * agrees with the client even when both are wrong. This walks the import
 * graph from every module of src/simulator (static and dynamic imports,
 * re-exports) and fails on any value import that reaches the client side or
 * the signing modules of src/shared. Type-only imports carry no value and are
 * allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = path.resolve(__dirname, '../../src');
/** Folders the fakes may not take values from (relative to src). */
const FORBIDDEN_DIRS = ['client/', 'plugins/', 'server/', 'wallets/'];
/** Modules of src/shared (and elsewhere) that hold a wire table, signing string or vendor text. */
const FORBIDDEN_FILES = ['shared/signature.ts', 'shared/aggregator-signature.ts', 'client/sdk-texts.ts'];

interface ValueImport {
  readonly from: string;
  readonly to: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** True when the clause imports (or re-exports) no value at all. */
function typeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const clause = node.exportClause;
    return (
      !!clause &&
      ts.isNamedExports(clause) &&
      clause.elements.length > 0 &&
      clause.elements.every((e) => e.isTypeOnly)
    );
  }
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  if (!bindings || ts.isNamespaceImport(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

/** Relative specifiers `file` loads at run time (static, dynamic, re-export), resolved to .ts paths. */
function valueImportsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier) && !typeOnly(node)) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => path.resolve(path.dirname(file), specifier).replace(/\.js$/, '.ts'));
}

function forbidden(target: string): boolean {
  const rel = path.relative(src, target).split(path.sep).join('/');
  return FORBIDDEN_FILES.includes(rel) || FORBIDDEN_DIRS.some((dir) => rel.startsWith(dir));
}

/** Walks from every simulator module; reports the first edge of each path into forbidden code. */
export function forbiddenValueImports(roots: readonly string[]): ValueImport[] {
  const seen = new Set<string>();
  const bad: ValueImport[] = [];
  const queue = [...roots];
  for (let index = 0; index < queue.length && index < 10_000; index += 1) {
    const file = queue[index]!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const target of valueImportsOf(file)) {
      if (forbidden(target)) {
        bad.push({ from: path.relative(src, file), to: path.relative(src, target) });
      } else if (!seen.has(target)) {
        queue.push(target);
      }
    }
  }
  return bad;
}

describe('simulator imports', () => {
  const roots = filesUnder(path.join(src, 'simulator'));

  it('finds the simulator modules and their imports', () => {
    // Guards the check below against passing because the scan found nothing.
    expect(roots.length).toBeGreaterThan(30);
    expect(roots.flatMap(valueImportsOf).length).toBeGreaterThan(50);
  });

  it('sees a value import of a signing helper and ignores a type-only one', () => {
    const probe = path.join(src, 'simulator', 'probe.ts');
    const valueImport = ts.createSourceFile(
      probe,
      "import { x, type Y } from '../shared/signature.js';",
      ts.ScriptTarget.Latest,
    );
    const typeImport = ts.createSourceFile(
      probe,
      "import { type X } from '../shared/signature.js';",
      ts.ScriptTarget.Latest,
    );
    const [valueDecl] = valueImport.statements as unknown as [ts.ImportDeclaration];
    const [typeDecl] = typeImport.statements as unknown as [ts.ImportDeclaration];
    expect(typeOnly(valueDecl)).toBe(false);
    expect(typeOnly(typeDecl)).toBe(true);
    expect(forbidden(path.join(src, 'shared', 'signature.ts'))).toBe(true);
    expect(forbidden(path.join(src, 'shared', 'hex.ts'))).toBe(false);
  });

  it('takes no value from the client, plugins, server, wallets or the shared signing modules', () => {
    expect(forbiddenValueImports(roots)).toEqual([]);
  });
});
