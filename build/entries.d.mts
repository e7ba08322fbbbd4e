/** The browser entries of the package (see entries.mjs). */
export declare const BROWSER_ENTRIES: readonly string[];
