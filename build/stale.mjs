// Whether a build is older than what it is built from, by file times: `npm start` and the node
// test suites rebuild only then, so a fresh `npm ci` (whose `prepare` just built everything) is
// followed by no second build.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The newest modification time under `target` (a file or a directory), 0 if it is missing. */
export function newestMtime(target) {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when a file of `built` is missing or older than the newest of `sources` (paths under `root`). */
export function isStale(root, built, sources) {
  const builtAt = Math.min(
    ...built.map((file) => {
      try {
        return statSync(path.join(root, file)).mtimeMs;
      } catch {
        return 0;
      }
    }),
  );
  return builtAt < Math.max(...sources.map((source) => newestMtime(path.join(root, source))));
}
