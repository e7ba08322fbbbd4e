/** The size budgets and their measurement (see sizes.mjs). */

/** One measured page: what it imports, and its budget in gzip bytes (undefined: measured only). */
export interface SizePage {
  readonly page: string;
  readonly budget?: number | undefined;
  /** The page's code, bundled from the built package… */
  readonly code?: string | undefined;
  /** …or a built file, measured as is. */
  readonly file?: string | undefined;
}

/** A page measured: minified bytes, gzip -9 bytes, and whether its budget (if any) is met. */
export interface SizeMeasure {
  readonly page: string;
  readonly min: number;
  readonly gzip: number;
  readonly budget: number | undefined;
  readonly met: boolean;
}

export declare const SIZE_PAGES: readonly SizePage[];
export declare function gzipSize(bytes: Uint8Array): number;
export declare function bundlePage(contents: string): Promise<Uint8Array>;
export declare function measureSizes(): Promise<SizeMeasure[]>;
