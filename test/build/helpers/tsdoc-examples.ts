/**
 * The `@example` blocks of the package's public API: every name an entry of
 * package.json `exports` makes importable, read with the TypeScript compiler
 * from src/ (the declarations the built .d.ts files carry), with the entry a
 * user imports each name from.
 */
import path from 'node:path';
import ts from 'typescript';
import { readFileSync } from 'node:fs';

/** One fenced ```ts block of an `@example`. */
export interface TsdocExample {
  /** `<entry>:<exported name>`, unique with `index`. */
  readonly owner: string;
  readonly index: number;
  readonly code: string;
  /** Where the example is written (file:line), for the test's name. */
  readonly where: string;
  readonly file: string;
}

/** Entry specifier (`upsdk-kit/payment`) → its source file, from package.json `exports`. */
function entries(root: string): Map<string, string> {
  const { exports } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { types?: string }>;
  };
  const map = new Map<string, string>();
  for (const [subpath, target] of Object.entries(exports)) {
    const types = typeof target === 'string' ? target : target.types;
    if (!types?.startsWith('./dist/') || !types.endsWith('.d.ts')) continue;
    const name = types.slice('./dist/'.length, -'.d.ts'.length);
    // dist/server-acp.d.ts ← src/server/acp/index.ts (a nested Node entry)
    const source =
      name === 'server' || name === 'simulator'
        ? `src/${name}/index.ts`
        : name.includes('-')
          ? `src/${name.replace('-', '/')}/index.ts`
          : `src/${name}.ts`;
    map.set(subpath === '.' ? 'upsdk-kit' : `upsdk-kit/${subpath.slice(2)}`, path.join(root, source));
  }
  return map;
}

/** Fenced ```ts blocks of an @example tag's text. */
const fenced = (text: string): string[] =>
  [...text.matchAll(/```ts\n([^]*?)```/g)].map((match) => match[1]!.replace(/\n$/, ''));

/**
 * Every public name (name → the first entry exporting it) and every ```ts
 * block of the `@example` tags on its declarations and their public members.
 */
export function tsdocExamples(root: string): { names: Map<string, string>; examples: TsdocExample[] } {
  const byEntry = entries(root);
  const program = ts.createProgram([...byEntry.values()], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const names = new Map<string, string>();
  const examples: TsdocExample[] = [];
  const seen = new Set<ts.Node>();

  const collect = (owner: string, node: ts.Node): void => {
    if (seen.has(node)) return;
    seen.add(node);
    for (const tag of ts.getJSDocTags(node)) {
      if (tag.tagName.text !== 'example') continue;
      const text =
        typeof tag.comment === 'string' ? tag.comment : (ts.getTextOfJSDocComment(tag.comment) ?? '');
      const source = node.getSourceFile();
      const line = source.getLineAndCharacterOfPosition(tag.getStart()).line + 1;
      fenced(text).forEach((code) => {
        const index = examples.filter((example) => example.owner === owner).length;
        const where = `${path.relative(root, source.fileName)}:${line}`;
        // Numbered: two owners may differ only in case (bluetooth, Bluetooth).
        const file = `example-${String(examples.length).padStart(3, '0')}.ts`;
        examples.push({ owner, index, code, where, file });
      });
    }
  };

  for (const [specifier, file] of byEntry) {
    const source = program.getSourceFile(file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`no module for ${file}`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      if (!names.has(exported.name)) names.set(exported.name, specifier);
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      for (const declaration of symbol.declarations ?? []) {
        collect(`${specifier}:${exported.name}`, declaration);
        // Members of exported interfaces and classes (e.g. Simulator.fault) are public too.
        if (ts.isInterfaceDeclaration(declaration) || ts.isClassDeclaration(declaration)) {
          for (const member of declaration.members) collect(`${specifier}:${exported.name}`, member);
        }
      }
    }
  }
  return { names, examples };
}

/**
 * The example as a user's module: an import of each public name it uses but
 * neither imports nor declares (examples show the call, not the imports).
 */
export function asModule(example: TsdocExample, names: ReadonlyMap<string, string>): string {
  const code = example.code;
  const declared = new Set(
    [
      ...code.matchAll(
        /\b(?:import\s+(?:type\s+)?\{([^}]*)\}|(?:const|let|function|class|interface|type)\s+(\w+))/g,
      ),
    ].flatMap((match) =>
      (match[1] ?? match[2] ?? '').split(',').map((part) =>
        part
          .trim()
          .split(/\s+as\s+/)
          .pop()!
          .replace(/^type\s+/, ''),
      ),
    ),
  );
  const imports = new Map<string, string[]>();
  for (const [name, specifier] of names) {
    if (declared.has(name) || !new RegExp(`(?<![\\w.'"])${name}\\b`).test(code)) continue;
    imports.set(specifier, [...(imports.get(specifier) ?? []), name]);
  }
  const lines = [...imports].map(([specifier, list]) => `import { ${list.join(', ')} } from '${specifier}';`);
  return `${lines.join('\n')}\n${code}\nexport {};\n`;
}
