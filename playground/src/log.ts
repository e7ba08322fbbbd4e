/** The log panel: every call with its normalized result or typed error and its duration. */
import { UpsdkError } from '../../src/index.js';
import { h } from './dom.js';

/** One logged outcome, also kept for the device report. */
export interface LogEntry {
  readonly label: string;
  readonly ok: boolean;
  readonly ms: number;
  readonly result?: unknown;
  readonly code?: string;
  readonly msg?: string;
}

const entries: LogEntry[] = [];

/** Everything logged so far. */
export const logEntries = (): readonly LogEntry[] => entries;

const preview = (value: unknown): string => {
  if (value === undefined) return 'done';
  if (value instanceof Uint8Array) return `Uint8Array(${value.length})`;
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? `Uint8Array(${v.length})` : v));
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

/** Append a line (newest first). */
export function writeLog(entry: LogEntry): void {
  entries.push(entry);
  const text = entry.ok
    ? `${entry.label} → ${preview(entry.result)}`
    : `${entry.label} ✗ ${entry.code ?? 'error'}: ${entry.msg ?? ''}`;
  const line = h('li', { class: entry.ok ? 'ok' : 'error', 'data-code': entry.code }, `${text} (${entry.ms} ms)`);
  document.getElementById('log')?.prepend(line);
}

/** Run one action, log its outcome and duration, and return its result (undefined on failure). */
export async function run<T>(label: string, action: () => Promise<T>): Promise<T | undefined> {
  const started = performance.now();
  const ms = (): number => Math.round(performance.now() - started);
  try {
    const result = await action();
    writeLog({ label, ok: true, ms: ms(), result });
    return result;
  } catch (error) {
    const code = error instanceof UpsdkError ? error.code : error instanceof DOMException ? error.name : 'error';
    const msg = error instanceof UpsdkError ? `${error.name}: ${error.msg}` : String(error);
    writeLog({ label, ok: false, ms: ms(), code, msg });
    return undefined;
  }
}
