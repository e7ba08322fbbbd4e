/** The browser entries of the package (see entries.mjs). */
export declare const BROWSER_ENTRIES: readonly string[];
/** The server entries: output name → source (see entries.mjs). */
export declare const SERVER_ENTRIES: Readonly<Record<string, string>>;
/** The Node-side built files the playground server and the node suites run. */
export declare const NODE_BUILT: readonly string[];
