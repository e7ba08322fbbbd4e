/** Debian's Chromium (or `CHROMIUM_PATH`); see chromium.mjs. */
export declare const CHROMIUM: string;
/** Headless launch flags plus `extra`. */
export declare function chromiumArgs(extra?: readonly string[]): string[];
