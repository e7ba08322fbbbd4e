// Builds every published entry. Browser code targets ES2020; the server entry targets Node 20.
import esbuild from 'rollup-plugin-esbuild';
import { dts } from 'rollup-plugin-dts';
import terser from '@rollup/plugin-terser';
import resolve from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import { readFileSync } from 'node:fs';

const nodeBuiltins = (id) => id.startsWith('node:');
const external = (id) => nodeBuiltins(id) || id === 'eventemitter3' || id === 'redis';

/** ESM + CJS pair for one entry. */
function library(input, name, target) {
  return {
    input,
    external,
    plugins: [esbuild({ target, tsconfig: 'tsconfig.json' })],
    output: [
      { file: `dist/${name}.js`, format: 'es', sourcemap: true },
      { file: `dist/${name}.cjs`, format: 'cjs', sourcemap: true, exports: 'named' },
    ],
  };
}

/**
 * ESM + CJS for several browser entries built together, so that what they share (the core, the
 * error classes) lives once in a chunk: `instanceof UpsdkError` holds for errors of every entry.
 */
function browserLibraries(inputs) {
  const output = (format, extension) => ({
    dir: 'dist',
    format,
    sourcemap: true,
    entryFileNames: `[name].${extension}`,
    chunkFileNames: `chunks/[name]-[hash].${extension}`,
    ...(format === 'cjs' ? { exports: 'named' } : {}),
  });
  return {
    input: inputs,
    external,
    plugins: [esbuild({ target: 'es2020', tsconfig: 'tsconfig.json' })],
    output: [output('es', 'js'), output('cjs', 'cjs')],
  };
}

/** Bundled declaration file for one entry. */
function types(input, name) {
  return { input, external, plugins: [dts()], output: { file: `dist/${name}.d.ts`, format: 'es' } };
}

export default [
  browserLibraries({ index: 'src/index.ts', wallets: 'src/wallets/index.ts' }),
  library('src/simulator/index.ts', 'simulator', 'es2020'),
  library('src/server/index.ts', 'server', 'node20'),
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
    // A drop-in <script> build: everything inlined, exposed as the global `upsdkKit`.
    input: 'src/index.ts',
    plugins: [
      resolve({ browser: true }),
      commonjs(),
      esbuild({ target: 'es2020', tsconfig: 'tsconfig.json' }),
    ],
    output: {
      file: 'dist/upsdk-kit.iife.min.js',
      format: 'iife',
      name: 'upsdkKit',
      sourcemap: true,
      plugins: [terser()],
    },
  },
  {
    // The playground page, bundled like a user's app would bundle the package.
    input: 'playground/src/main.ts',
    // eruda (the ?debug=1 console, loaded lazily) uses eval by design; nothing else may.
    onwarn(warning, warn) {
      if (warning.code === 'EVAL' && warning.id?.includes('node_modules/eruda')) return;
      warn(warning);
    },
    plugins: [
      resolve({ browser: true }),
      commonjs(),
      esbuild({ target: 'es2020', tsconfig: 'tsconfig.json' }),
    ],
    output: {
      dir: 'playground/build',
      format: 'es',
      sourcemap: true,
      entryFileNames: 'main.js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
  },
  types('src/index.ts', 'index'),
  types('src/simulator/index.ts', 'simulator'),
  types('src/server/index.ts', 'server'),
  types('src/wallets/index.ts', 'wallets'),
];
