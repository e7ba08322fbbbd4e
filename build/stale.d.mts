/** The newest modification time under `target` (a file or a directory), 0 if it is missing. */
export declare function newestMtime(target: string): number;
/** True when a file of `built` is missing or older than the newest of `sources` (paths under `root`). */
export declare function isStale(root: string, built: readonly string[], sources: readonly string[]): boolean;
