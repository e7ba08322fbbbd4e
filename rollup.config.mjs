// Builds every published entry. Browser code targets ES2020; the server entry targets Node 20.
//
// The browser entries (the core `upsdk-kit` and one per family) are built as separate modules
// (`preserveModules`): with `sideEffects: false` a bundler keeps exactly the modules a page reaches,
// and every class (UpsdkError, …) exists in one module whichever entries a page imports.
import esbuild from 'rollup-plugin-esbuild';
import { dts } from 'rollup-plugin-dts';
import terser from '@rollup/plugin-terser';
import resolve from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import { readFileSync } from 'node:fs';
import { BROWSER_ENTRIES, SERVER_ENTRIES } from './build/entries.mjs';
import { PRIVATE_PROPERTY } from './build/private-property.mjs';

// `--environment UPSDK_BUILD:playground` (npm start): only what the playground server and page load,
// ESM without declaration files — the slowest part of a full build, which the playground never reads.
const PLAYGROUND_ONLY = process.env.UPSDK_BUILD === 'playground';

const nodeBuiltins = (id) => id.startsWith('node:');
const external = (id) => nodeBuiltins(id) || id === 'eventemitter3' || id === 'redis' || id === 'node-forge';
const browserInputs = Object.fromEntries(BROWSER_ENTRIES.map((entry) => [entry, `src/${entry}.ts`]));

/** ESM + CJS pair for one single-file entry (simulator, server). */
function library(input, name, target) {
  return {
    input,
    external,
    plugins: [esbuild({ target, tsconfig: 'tsconfig.json' })],
    output: [
      { file: `dist/${name}.js`, format: 'es', sourcemap: true },
      ...(PLAYGROUND_ONLY
        ? []
        : [{ file: `dist/${name}.cjs`, format: 'cjs', sourcemap: true, exports: 'named' }]),
    ],
  };
}

/** The IIFE's entry: every export of every browser entry, under its own name. */
const IIFE_ENTRY = '\0upsdk-kit-iife';
const iifeEntry = {
  name: 'iife-entry',
  resolveId: (id) => (id === IIFE_ENTRY ? id : null),
  load: (id) =>
    id === IIFE_ENTRY
      ? BROWSER_ENTRIES.map(
          (entry) => `export * from ${JSON.stringify(`${process.cwd()}/src/${entry}.ts`)};`,
        ).join('\n')
      : null,
};

/** Two entries exporting one name would silently drop it from the IIFE: fail the build instead. */
function strict(warning, warn) {
  if (warning.code === 'NAMESPACE_CONFLICT') throw new Error(warning.message);
  warn(warning);
}

const SIMULATOR = library('src/simulator/index.ts', 'simulator', 'es2020');
/**
 * The server entries, one per family, built together: code they share (the server-shared layer,
 * the errors) goes to shared chunks, so a class such as UpstreamError exists once whichever entries
 * an app imports.
 */
const serverInputs = SERVER_ENTRIES;
const SERVER = {
  input: serverInputs,
  external,
  plugins: [esbuild({ target: 'node20', tsconfig: 'tsconfig.json' })],
  output: [
    {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'server-chunks/[name]-[hash].js',
    },
    ...(PLAYGROUND_ONLY
      ? []
      : [
          {
            dir: 'dist',
            format: 'cjs',
            sourcemap: true,
            exports: 'named',
            entryFileNames: '[name].cjs',
            chunkFileNames: 'server-chunks/[name]-[hash].cjs',
          },
        ]),
  ],
};
// Node-only: the fake ACP gateway with a TEST CA (the playground's money loop).
const ACP = [library('src/simulator/acp/index.ts', 'simulator-acp', 'node20')];

const PLAYGROUND = {
  // The playground page, bundled like a user's app would bundle the package.
  input: 'playground/src/main.ts',
  // eruda (the ?debug=1 console, loaded lazily) uses eval by design; nothing else may.
  onwarn(warning, warn) {
    if (warning.code === 'EVAL' && warning.id?.includes('node_modules/eruda')) return;
    warn(warning);
  },
  plugins: [resolve({ browser: true }), commonjs(), esbuild({ target: 'es2020', tsconfig: 'tsconfig.json' })],
  output: {
    dir: 'playground/build',
    format: 'es',
    sourcemap: true,
    entryFileNames: 'main.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
};

const all = [
  {
    input: browserInputs,
    external,
    onwarn: strict,
    plugins: [esbuild({ target: 'es2020', tsconfig: 'tsconfig.json' })],
    output: [
      { dir: 'dist', format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: 'src' },
      {
        dir: 'dist/cjs',
        format: 'cjs',
        sourcemap: true,
        exports: 'named',
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].cjs',
      },
    ],
  },
  SIMULATOR,
  SERVER,
  ...ACP,
  {
    // `upsdk-kit serve` (package bin); also ships the signer endpoint's OpenAPI document.
    input: 'src/server/cli.ts',
    external,
    plugins: [
      esbuild({ target: 'node20', tsconfig: 'tsconfig.json' }),
      {
        name: 'openapi-document',
        generateBundle() {
          const source = readFileSync('src/server/openapi.json', 'utf8');
          this.emitFile({
            type: 'asset',
            fileName: 'signer.openapi.json',
            source: JSON.stringify(JSON.parse(source), null, 2),
          });
        },
      },
    ],
    output: { file: 'dist/cli.js', format: 'es', sourcemap: true, banner: '#!/usr/bin/env node' },
  },
  {
    // A drop-in <script> build: every browser entry inlined, exposed as the global `upsdkKit`.
    input: IIFE_ENTRY,
    onwarn: strict,
    plugins: [
      iifeEntry,
      resolve({ browser: true }),
      // eventemitter3 is the only CommonJS module here: a plain `module.exports` without requires, so
      // neither the lazy wrapper of strict requires nor the `__esModule` default-import helper is needed
      // (≈ 50 B gz).
      commonjs({ strictRequires: false, defaultIsModuleExports: true }),
      // esbuild's syntax folding first leaves terser less to find on its own (≈ 30 B gz).
      esbuild({ target: 'es2020', tsconfig: 'tsconfig.json', minifySyntax: true }),
    ],
    output: {
      file: 'dist/upsdk-kit.iife.min.js',
      format: 'iife',
      name: 'upsdkKit',
      sourcemap: true,
      // Three compress passes: each finds inlining the previous one opened (≈ 100 B gz fewer than one).
      // hoist_funs puts function declarations first in their scope (where JS hoists them anyway), so
      // gzip finds more repeats (≈ 20 B gz).
      // Property names that end in one `_` are the package's own (private class members, fields of
      // internal specs; build/private-property.mjs): the IIFE shortens them (≈ 90 B gz).
      plugins: [
        terser({
          compress: { passes: 3, hoist_funs: true },
          mangle: { properties: { regex: PRIVATE_PROPERTY } },
        }),
      ],
    },
  },
  PLAYGROUND,

  {
    // One declaration file per browser entry; types they share go to shared chunks.
    input: browserInputs,
    external,
    plugins: [dts()],
    output: { dir: 'dist', format: 'es', chunkFileNames: 'types/[name]-[hash].d.ts' },
  },
  {
    // One declaration file per server entry; types they share go to shared chunks.
    input: serverInputs,
    external,
    plugins: [dts()],
    output: { dir: 'dist', format: 'es', chunkFileNames: 'server-chunks/[name]-[hash].d.ts' },
  },
  ...[
    ['src/simulator/index.ts', 'simulator'],
    ['src/simulator/acp/index.ts', 'simulator-acp'],
  ].map(([input, name]) => ({
    input,
    external,
    plugins: [dts()],
    output: { file: `dist/${name}.d.ts`, format: 'es' },
  })),
];

export default PLAYGROUND_ONLY ? [SIMULATOR, SERVER, ...ACP, PLAYGROUND] : all;
