// `npm start`: serve the playground, building first only what it runs (the server and simulator
// modules it imports, and its page bundle; no declaration files, no CommonJS, no IIFE) and only
// when a source is newer than that build. Right after `npm ci` (whose `prepare` built everything)
// it starts at once.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_BUILT } from './entries.mjs';
import { isStale } from './stale.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** What playground/server.mjs and its page load. */
const PLAYGROUND_BUILT = [...NODE_BUILT, 'playground/build/main.js'];
const SOURCES = ['src', 'playground/src', 'build/entries.mjs', 'rollup.config.mjs'];

if (isStale(root, PLAYGROUND_BUILT, SOURCES)) {
  const started = Date.now();
  console.log('building the playground (rollup, playground targets only)…');
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/rollup/dist/bin/rollup'),
      '-c',
      '--silent',
      '--environment',
      'UPSDK_BUILD:playground',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
// The server in its own process, as `node playground/server.mjs` would run it (Ctrl-C reaches both).
const server = spawn(process.execPath, [path.join(root, 'playground/server.mjs')], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
